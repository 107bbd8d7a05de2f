import { useState, type InputHTMLAttributes } from 'react';
import { t } from '#web/i18n/index.ts';
import { cx } from './class-names';
import styles from './field.module.css';

export interface TextFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange' | 'type'
> {
  /** Also the target of the error summary's links. */
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onValueChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'date';
}

/**
 * A labelled input whose hint and error are tied to it with `aria-describedby`, so a screen reader
 * reads them with the field. Passwords get a Show/Hide button.
 */
export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onValueChange,
  type = 'text',
  className,
  ...inputProps
}: TextFieldProps) {
  const [revealed, setRevealed] = useState(false);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const isPassword = type === 'password';

  return (
    <div className={cx(styles.field, className)}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className={styles.hint} id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className={styles.error} id={errorId}>
          {error}
        </p>
      )}
      <div className={styles.inputRow}>
        <input
          id={id}
          className={cx(styles.input, error && styles.invalid)}
          type={isPassword && revealed ? 'text' : type}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...inputProps}
        />
        {isPassword && (
          <button
            type="button"
            className={styles.toggle}
            aria-controls={id}
            onClick={() => setRevealed((shown) => !shown)}
          >
            {revealed ? t('field.hidePassword') : t('field.showPassword')}
          </button>
        )}
      </div>
    </div>
  );
}
