import { useState, type FormEvent, type ReactNode } from 'react';
import type { ZodType } from 'zod';
import { isApiError } from '#web/core/api-client.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  buttonRowClass,
  ErrorSummary,
  fieldErrorsFromZod,
  pickKnownFields,
  TextField,
  useAnnounce,
  useFormErrors,
} from '#web/ui/index.ts';
import { ConflictPanel } from '#web/ui/conflict-panel.tsx';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import styles from './goals.module.css';

/** "14 March 2026" for a plain day, the same wherever the reader lives. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date(y, m - 1, d));
}

/** "14 March" for a date that comes back every year. */
export function formatMonthDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(undefined, { month: 'long', day: 'numeric' }).format(
    new Date(y, m - 1, d),
  );
}

/** One field of a small form: a line, a longer text, a day, a yes/no, or a number of days. */
export interface FieldSpec<F extends string> {
  key: F;
  kind: 'line' | 'long' | 'day' | 'check' | 'days';
  label: string;
  hint?: string;
  max?: number;
}

export type Values<F extends string> = Record<F, string>;

function Field<F extends string>({
  id,
  spec,
  value,
  error,
  onChange,
}: {
  id: string;
  spec: FieldSpec<F>;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  if (spec.kind === 'line') {
    return (
      <TextField
        id={id}
        label={spec.label}
        hint={spec.hint}
        value={value}
        onValueChange={onChange}
        error={error}
        maxLength={spec.max}
      />
    );
  }
  if (spec.kind === 'long') {
    return (
      <TextAreaField
        id={id}
        label={spec.label}
        hint={spec.hint}
        value={value}
        onValueChange={onChange}
        error={error}
        max={spec.max ?? 2000}
        hardLimit
        rows={3}
      />
    );
  }
  if (spec.kind === 'check') {
    return (
      <div className={styles.check}>
        <input
          id={id}
          type="checkbox"
          checked={value === 'yes'}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.currentTarget.checked ? 'yes' : '')}
        />
        <label htmlFor={id}>{spec.label}</label>
        {spec.hint && (
          <p id={hintId} className={styles.hint}>
            {spec.hint}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={id}>
        {spec.label}
      </label>
      {spec.hint && (
        <p id={hintId} className={styles.hint}>
          {spec.hint}
        </p>
      )}
      {error && (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      )}
      {spec.kind === 'day' ? (
        <input
          id={id}
          className={styles.input}
          type="date"
          value={value}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      ) : (
        <select
          id={id}
          className={styles.input}
          value={value}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.currentTarget.value)}
        >
          {Array.from({ length: 14 }, (_, i) => String(i + 1)).map((n) => (
            <option key={n} value={n}>
              {t('goals.field.days', { count: n })}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

export interface SharedFormProps<F extends string, Body> {
  idPrefix: string;
  fields: readonly FieldSpec<F>[];
  initial: Values<F>;
  /** The shared schema the server checks the same way. */
  schema: ZodType<Body>;
  toBody: (values: Values<F>) => unknown;
  submitLabel: string;
  savedWords: string;
  /** Sends the change; the version is the one the words started from (If-Match). */
  onSave: (body: Body, version: number) => Promise<unknown>;
  version?: number;
  /** Reads a 412's `current` into the form's values, its version and who saved it. */
  fromCurrent?: (
    current: unknown,
  ) => { values: Values<F>; version: number; by: string | null } | null;
  onDone?: () => void;
  onCancel?: () => void;
  children?: ReactNode;
}

/**
 * A small form for something both partners may change. A save that met a newer version keeps
 * every word typed and shows the saved words beside them (`ConflictPanel`); the person can take
 * the saved words part by part, or save theirs over the newer version on purpose.
 */
export function SharedForm<F extends string, Body>({
  idPrefix,
  fields,
  initial,
  schema,
  toBody,
  submitLabel,
  savedWords,
  onSave,
  version = 0,
  fromCurrent,
  onDone,
  onCancel,
}: SharedFormProps<F, Body>) {
  const [values, setValues] = useState<Values<F>>(initial);
  const [base, setBase] = useState(version);
  const [conflict, setConflict] = useState<{ values: Values<F>; by: string | null } | null>(null);
  const [pending, setPending] = useState(false);
  const { errors, show, clear } = useFormErrors<F>();
  const announce = useAnnounce();
  const keys = fields.map((f) => f.key);
  const fieldId = (key: F) => `${idPrefix}-${key}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const parsed = schema.safeParse(toBody(values));
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, keys));
      return;
    }
    clear();
    setPending(true);
    try {
      await onSave(parsed.data, base);
      setConflict(null);
      announce(savedWords);
      if (!onDone) setValues(initial);
      onDone?.();
    } catch (error) {
      const current =
        isApiError(error) && error.status === 412 ? fromCurrent?.(error.current) : null;
      if (current) {
        // Keep the words typed; the next save builds on the version that is there now.
        setBase(current.version);
        setConflict({ values: current.values, by: current.by });
        return;
      }
      const named = isApiError(error) ? error.fields : {};
      show(pickKnownFields(named, keys), (error as Error).message);
    } finally {
      setPending(false);
    }
  };

  const textual = fields.filter((f) => f.kind !== 'check' && f.kind !== 'days');
  return (
    <>
      {conflict && (
        <ConflictPanel
          savedBy={conflict.by}
          parts={textual.map((f) => ({
            key: f.key,
            label: f.label,
            mine: f.kind === 'day' && values[f.key] ? formatDay(values[f.key]) : values[f.key],
            saved:
              f.kind === 'day' && conflict.values[f.key]
                ? formatDay(conflict.values[f.key])
                : conflict.values[f.key],
          }))}
          onUseSaved={(key) => {
            const field = keys.find((k) => k === key);
            if (field) setValues({ ...values, [field]: conflict.values[field] });
          }}
          onTakeSaved={() => setValues({ ...conflict.values })}
        />
      )}
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={fields.flatMap((f) => {
          const message = errors.fields[f.key];
          return message ? [{ fieldId: fieldId(f.key), message }] : [];
        })}
      />
      <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
        {fields.map((spec) => (
          <Field
            key={spec.key}
            id={fieldId(spec.key)}
            spec={spec}
            value={values[spec.key]}
            error={errors.fields[spec.key]}
            onChange={(value) => setValues({ ...values, [spec.key]: value })}
          />
        ))}
        <div className={buttonRowClass}>
          <Button type="submit" pending={pending}>
            {pending ? t('goals.saving') : conflict ? t('goals.saveMine') : submitLabel}
          </Button>
          {onCancel && (
            <Button variant="quiet" onClick={onCancel}>
              {t('goals.cancel')}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}
