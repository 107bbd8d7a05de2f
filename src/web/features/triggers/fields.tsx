import type { InputHTMLAttributes } from 'react';
import { t } from '#web/i18n/index.ts';
import { cx } from '#web/ui/index.ts';
import styles from './triggers.module.css';

interface Described {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

function FieldText({ id, hint, error }: Omit<Described, 'label'>) {
  return (
    <>
      {hint && (
        <p className={styles.hint} id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className={styles.error} id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

export interface DateTimeFieldProps
  extends Described, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  value: string;
  onValueChange: (value: string) => void;
}

/** A date-and-time input in the person's own time zone (`YYYY-MM-DDTHH:MM`). */
export function DateTimeField({
  id,
  label,
  hint,
  error,
  value,
  onValueChange,
  ...rest
}: DateTimeFieldProps) {
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      <FieldText id={id} hint={hint} error={error} />
      <input
        id={id}
        type="datetime-local"
        className={cx(styles.input, styles.dateTime, error && styles.invalid)}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </div>
  );
}

export const INTENSITIES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export interface IntensityFieldProps {
  /** The first option's id is `${idPrefix}-0`: the error summary links there. */
  idPrefix: string;
  name: string;
  value: number | null;
  onValueChange: (value: number) => void;
  error?: string | undefined;
}

/** 0 to 10 as a group of radio buttons: one Tab stop, arrow keys move between the numbers. */
export function IntensityField({
  idPrefix,
  name,
  value,
  onValueChange,
  error,
}: IntensityFieldProps) {
  const hintId = `${idPrefix}-hint`;
  const errorId = `${idPrefix}-error`;
  return (
    <fieldset
      className={styles.fieldset}
      aria-describedby={[hintId, error && errorId].filter(Boolean).join(' ')}
    >
      <legend className={styles.label}>{t('triggers.field.intensity')}</legend>
      <p className={styles.hint} id={hintId}>
        {t('triggers.field.intensity.hint')}
      </p>
      {error && (
        <p className={styles.error} id={errorId}>
          {error}
        </p>
      )}
      <div className={styles.scale}>
        {INTENSITIES.map((option) => (
          <span key={option} className={styles.scaleOption}>
            <input
              type="radio"
              id={`${idPrefix}-${option}`}
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onValueChange(option)}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={`${idPrefix}-${option}`}>
              <span aria-hidden="true">{option}</span>
              <span className={styles.visuallyHidden}>
                {t('triggers.field.intensity.option', { value: option })}
              </span>
            </label>
          </span>
        ))}
      </div>
    </fieldset>
  );
}
