import { t } from '#web/i18n/index.ts';
import { cx } from '#web/ui/index.ts';
import fieldStyles from '#web/ui/field.module.css';
import styles from './injuries.module.css';

const MONTH_NAMES = Array.from({ length: 12 }, (_, index) =>
  new Intl.DateTimeFormat(undefined, { month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2000, index, 1),
  ),
);

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className={fieldStyles.error} id={id}>
      {error}
    </p>
  );
}

export interface RadioGroupProps<V extends string> {
  /** The id of the first radio: the error summary links to it. */
  id: string;
  name: string;
  legend: string;
  hint?: string;
  options: readonly { value: V; label: string }[];
  value: V | '';
  onChange: (value: V) => void;
  error?: string | undefined;
}

/** A fieldset of radios with its legend, hint and error read out with each option. */
export function RadioGroup<V extends string>({
  id,
  name,
  legend,
  hint,
  options,
  value,
  onChange,
  error,
}: RadioGroupProps<V>) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      className={styles.fieldset}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend className={fieldStyles.label}>{legend}</legend>
      {hint && (
        <p className={fieldStyles.hint} id={hintId}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} error={error} />
      <div className={styles.choices}>
        {options.map((option, index) => (
          <label key={option.value} className={styles.choice}>
            <input
              type="radio"
              id={index === 0 ? id : `${id}-${option.value}`}
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-invalid={error ? true : undefined}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export interface MonthYearFieldProps {
  /** The id of the month select: the error summary links to it. */
  id: string;
  month: string;
  year: string;
  onMonth: (value: string) => void;
  onYear: (value: string) => void;
  error?: string | undefined;
}

/** When it came to light: a month and a year, which every browser handles the same way. */
export function MonthYearField({ id, month, year, onMonth, onYear, error }: MonthYearFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  return (
    <fieldset className={styles.fieldset} aria-describedby={describedBy}>
      <legend className={fieldStyles.label}>{t('injuries.field.when')}</legend>
      <p className={fieldStyles.hint} id={hintId}>
        {t('injuries.field.when.hint')}
      </p>
      <FieldError id={`${id}-error`} error={error} />
      <div className={styles.monthYear}>
        <div className={styles.part}>
          <label className={styles.partLabel} htmlFor={id}>
            {t('injuries.field.month')}
          </label>
          <select
            id={id}
            className={cx(fieldStyles.input, error && fieldStyles.invalid)}
            value={month}
            onChange={(event) => onMonth(event.target.value)}
            aria-invalid={error ? true : undefined}
          >
            <option value="">{t('injuries.field.month.choose')}</option>
            {MONTH_NAMES.map((label, index) => (
              <option key={label} value={String(index + 1).padStart(2, '0')}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.part}>
          <label className={styles.partLabel} htmlFor={`${id}-year`}>
            {t('injuries.field.year')}
          </label>
          <input
            id={`${id}-year`}
            className={cx(fieldStyles.input, styles.year, error && fieldStyles.invalid)}
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            value={year}
            onChange={(event) => onYear(event.target.value.replace(/\D/g, ''))}
            aria-invalid={error ? true : undefined}
          />
        </div>
      </div>
    </fieldset>
  );
}
