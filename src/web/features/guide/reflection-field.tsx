import { t } from '../../i18n';
import { cx } from '../../ui';
import styles from './guide.module.css';

export interface ReflectionFieldProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  max: number;
  readOnly?: boolean;
}

/** How close to the limit the count appears; earlier it would only be noise. */
const SHOW_COUNT_WITHIN = 400;

/**
 * A labelled text area for a longer answer. Its hint, error and (near the limit) the characters
 * left are tied to it with `aria-describedby`. Going over the limit is allowed while typing, and
 * named on saving, so nothing anyone writes is cut off.
 */
export function ReflectionField({
  id,
  label,
  hint,
  value,
  onValueChange,
  error,
  max,
  readOnly = false,
}: ReflectionFieldProps) {
  const left = max - value.trim().length;
  const showCount = left <= SHOW_COUNT_WITHIN;
  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  const countId = showCount ? `${id}-count` : undefined;
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      <p className={styles.hint} id={hintId}>
        {hint}
      </p>
      {error && (
        <p className={styles.error} id={errorId}>
          {error}
        </p>
      )}
      <textarea
        id={id}
        name="body"
        rows={8}
        className={cx(styles.textarea, error && styles.invalid)}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId, countId].filter(Boolean).join(' ')}
        readOnly={readOnly}
      />
      {showCount && (
        <p className={cx(styles.hint, left < 0 && styles.error)} id={countId}>
          {left >= 0
            ? t('guide.reflect.charactersLeft', { count: left.toLocaleString() })
            : t('guide.reflect.tooLong', { count: (-left).toLocaleString() })}
        </p>
      )}
    </div>
  );
}
