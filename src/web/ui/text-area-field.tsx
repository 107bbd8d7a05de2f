import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { t } from '#web/i18n/index.ts';
// Its own copy of the field styles (field.module.css belongs to the index's chunk, which the
// front page loads; a text area is only on feature pages).
import styles from './text-area-field.module.css';

export interface TextAreaFieldProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'value' | 'onChange' | 'maxLength'
> {
  /** Also the target of the error summary's links. */
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onValueChange: (value: string) => void;
  /**
   * The most characters the server takes. The count of what is left shows once the text nears
   * it (`count: 'always'` shows it from the start; `'limit'` says the limit until then), and
   * says how far over a longer text is.
   */
  max?: number;
  count?: 'near' | 'always' | 'limit';
  /** Stops typing at `max` instead of counting past it (short notes). */
  hardLimit?: boolean;
  /** Shown between the label (with its hint) and the box, such as a saved version to compare. */
  beforeInput?: ReactNode;
  /** Classes for the field's wrapper (the width of its column). */
  className?: string;
}

/** Class names joined, skipping the unset ones (cx, kept local so this file needs no ui chunk). */
function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/** The count appears this close to the limit, so it never reads as a target to fill. */
function nearLimit(max: number): number {
  return Math.min(1000, Math.ceil(max / 5));
}

/**
 * A labelled multi-line field. Its hint, error and count are tied to it with `aria-describedby`,
 * so a screen reader reads them with the box. Every form in the app writes its long text here.
 */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  value,
  onValueChange,
  max,
  count = 'near',
  hardLimit = false,
  beforeInput,
  rows = 4,
  className,
  ...textareaProps
}: TextAreaFieldProps) {
  const left = max === undefined ? undefined : max - value.length;
  const showCount =
    left !== undefined && max !== undefined && (count === 'always' || left <= nearLimit(max));
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const countId = showCount ? `${id}-count` : undefined;
  const limitId = max !== undefined && count === 'limit' && !showCount ? `${id}-limit` : undefined;
  const describedBy = [hintId, limitId, errorId, countId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={classes(styles.field, styles.wide, className)}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className={styles.hint} id={hintId}>
          {hint}
        </p>
      )}
      {limitId && max !== undefined && (
        <p className={styles.hint} id={limitId}>
          {t('forms.field.limit', { max: max.toLocaleString() })}
        </p>
      )}
      {error && (
        <p className={styles.error} id={errorId}>
          {error}
        </p>
      )}
      {beforeInput}
      <textarea
        id={id}
        className={classes(styles.input, styles.textarea, error && styles.invalid)}
        rows={rows}
        value={value}
        maxLength={hardLimit ? max : undefined}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...textareaProps}
      />
      {showCount && left !== undefined && (
        <p className={classes(styles.hint, left < 0 && styles.error)} id={countId}>
          {left >= 0
            ? t('forms.field.left', { count: left.toLocaleString() })
            : t('forms.field.over', { count: (-left).toLocaleString() })}
        </p>
      )}
    </div>
  );
}
