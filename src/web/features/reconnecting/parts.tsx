import type { ZodType } from 'zod';
import { isApiError } from '#web/core/api-client.ts';
import { ErrorSummary, fieldErrorsFromZod, pickKnownFields, useFormErrors } from '#web/ui/index.ts';
import styles from './reconnecting.module.css';

/** A labelled group of radio buttons: one Tab stop, arrow keys move between the choices. */
export function ChoiceField<V extends string>({
  id,
  legend,
  options,
  value,
  onValueChange,
  error,
}: {
  id: string;
  legend: string;
  options: readonly { value: V; label: string }[];
  value: V | null;
  onValueChange: (value: V) => void;
  error?: string | undefined;
}) {
  const errorId = `${id}-error`;
  return (
    <fieldset className={styles.fieldset} aria-describedby={error ? errorId : undefined}>
      <legend className={styles.label}>{legend}</legend>
      {error && (
        <p className={styles.error} id={errorId}>
          {error}
        </p>
      )}
      <div className={styles.choices}>
        {options.map((option, i) => (
          <label key={option.value} className={styles.choice}>
            <input
              type="radio"
              // The first option carries the id the error summary links to.
              id={i === 0 ? id : undefined}
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={() => onValueChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A day, with the browser's own date picker. */
export function DayField({
  id,
  label,
  hint,
  value,
  onValueChange,
  error,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
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
      <input
        id={id}
        type="date"
        className={styles.input}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}

/**
 * One form's checking: the shared schema first (the server checks the same rules), then the
 * server's own answer, each problem named beside its field and in the summary.
 */
export function useChecked<Field extends string>(
  fields: readonly Field[],
  idOf: (f: Field) => string,
) {
  const { errors, show, clear } = useFormErrors<Field>();
  const check = <T,>(schema: ZodType<T>, values: unknown): T | null => {
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, fields));
      return null;
    }
    clear();
    return parsed.data;
  };
  const failed = (error: Error) =>
    show(pickKnownFields(isApiError(error) ? error.fields : {}, fields), error.message);
  const summary = (
    <ErrorSummary
      message={errors.message}
      focusKey={errors.focusKey}
      problems={fields.flatMap((field) => {
        const message = errors.fields[field];
        return message ? [{ fieldId: idOf(field), message }] : [];
      })}
    />
  );
  return { errors, check, failed, clear, summary };
}
