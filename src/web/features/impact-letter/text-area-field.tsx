import { t } from '../../i18n';
import styles from './impact-letter.module.css';

export interface TextAreaFieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  max: number;
  rows?: number;
  onValueChange: (value: string) => void;
}

/**
 * A labelled, roomy text area whose hint, error and "characters left" line are read with it.
 * The count appears only near the limit, so it never feels like a target.
 */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  value,
  max,
  rows = 8,
  onValueChange,
}: TextAreaFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const left = max - value.length;
  const nearLimit = left < Math.min(1000, max / 5);
  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      <p className={styles.hint} id={hintId}>
        {hint ? `${hint} ` : ''}
        {nearLimit
          ? t('impact-letter.field.left', { left: Math.max(left, 0).toLocaleString() })
          : t('impact-letter.field.limit', { max: max.toLocaleString() })}
      </p>
      {error && (
        <p className={styles.error} id={errorId}>
          {error}
        </p>
      )}
      <textarea
        id={id}
        className={styles.textarea}
        rows={rows}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}
