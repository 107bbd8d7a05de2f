import { useState, type FormEvent } from 'react';
import {
  CUE_MAX,
  FELT_MAX,
  NOTE_MAX,
  ZTriggerEntryInput,
  type TTriggerEntry,
  type TTriggerEntryInput,
} from '#shared/schemas/triggers.ts';
import { isApiError } from '#web/core/api-client.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  buttonRowClass,
  ErrorSummary,
  fieldErrorsFromZod,
  pickKnownFields,
  summaryProblems,
  useFormErrors,
} from '#web/ui/index.ts';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import { DateTimeField, IntensityField } from './fields';
import styles from './triggers.module.css';

const FIELDS = ['cue', 'intensity', 'occurredAt', 'felt', 'helped', 'nextTime'] as const;
type Field = (typeof FIELDS)[number];
const DETAIL_FIELDS: readonly Field[] = ['occurredAt', 'felt', 'helped', 'nextTime'];

/** `YYYY-MM-DDTHH:MM` in the person's own time zone, as a datetime-local input wants it. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

interface Values {
  cue: string;
  intensity: number | null;
  when: string;
  felt: string;
  helped: string;
  nextTime: string;
}

function initialValues(entry: TTriggerEntry | undefined): Values {
  return {
    cue: entry?.cue ?? '',
    intensity: entry?.intensity ?? null,
    when: entry ? toLocalInput(new Date(entry.occurredAt)) : '',
    felt: entry?.felt ?? '',
    helped: entry?.helped ?? '',
    nextTime: entry?.nextTime ?? '',
  };
}

export interface EntryFormProps {
  /** Makes every id on the page unique: `log` for the new entry, `edit-<id>` for an edit. */
  idPrefix: string;
  /** The entry being edited; none for a new one. */
  entry?: TTriggerEntry;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  onSubmit: (body: TTriggerEntryInput) => Promise<unknown>;
  onCancel?: () => void;
}

/**
 * A trigger: what set it off and how strong it was first; when, what I felt, what helped and
 * what I would like next time are optional, folded away for a new entry so logging stays quick.
 */
export function EntryForm({
  idPrefix,
  entry,
  submitLabel,
  pendingLabel,
  pending,
  onSubmit,
  onCancel,
}: EntryFormProps) {
  const [values, setValues] = useState<Values>(() => initialValues(entry));
  const [moreOpen, setMoreOpen] = useState(entry !== undefined);
  const { errors, show, clear } = useFormErrors<Field>();
  const ids: Record<Field, string> = {
    cue: `${idPrefix}-cue`,
    intensity: `${idPrefix}-intensity-0`,
    occurredAt: `${idPrefix}-when`,
    felt: `${idPrefix}-felt`,
    helped: `${idPrefix}-helped`,
    nextTime: `${idPrefix}-next`,
  };
  const update =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((current) => ({ ...current, [key]: value }));

  const showErrors = (fields: Partial<Record<Field, string>>, message?: string) => {
    if (DETAIL_FIELDS.some((field) => fields[field])) setMoreOpen(true);
    show(fields, message);
  };

  const occurredAt = (): string | undefined => {
    if (values.when === '') return undefined;
    // Unchanged in an edit: keep the exact moment that was saved.
    if (entry && values.when === toLocalInput(new Date(entry.occurredAt))) return undefined;
    const date = new Date(values.when);
    return Number.isNaN(date.getTime()) ? values.when : date.toISOString();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const when = occurredAt();
    if (when !== undefined && Number.isNaN(Date.parse(when))) {
      showErrors({ occurredAt: t('triggers.field.when.invalid') });
      return;
    }
    const parsed = ZTriggerEntryInput.safeParse({
      cue: values.cue,
      intensity: values.intensity ?? undefined,
      occurredAt: when,
      felt: values.felt,
      helped: values.helped,
      nextTime: values.nextTime,
    });
    if (!parsed.success) {
      showErrors(fieldErrorsFromZod(parsed.error, FIELDS));
      return;
    }
    clear();
    onSubmit(parsed.data).then(
      () => {
        if (!entry) {
          setValues(initialValues(undefined));
          setMoreOpen(false);
        }
      },
      (error: unknown) => {
        if (isApiError(error)) showErrors(pickKnownFields(error.fields, FIELDS), error.message);
        else showErrors({}, t('error.unexpected'));
      },
    );
  };

  const details = (
    <>
      <DateTimeField
        id={ids.occurredAt}
        name="occurredAt"
        label={t('triggers.field.when')}
        hint={entry ? undefined : t('triggers.field.when.hint')}
        max={toLocalInput(new Date())}
        value={values.when}
        onValueChange={update('when')}
        error={errors.fields.occurredAt}
      />
      <TextAreaField
        id={ids.felt}
        name="felt"
        label={t('triggers.field.felt')}
        hint={t('triggers.field.felt.hint')}
        max={FELT_MAX}
        hardLimit
        rows={1}
        value={values.felt}
        onValueChange={update('felt')}
        error={errors.fields.felt}
      />
      <TextAreaField
        id={ids.helped}
        name="helped"
        label={t('triggers.field.helped')}
        max={NOTE_MAX}
        hardLimit
        rows={2}
        value={values.helped}
        onValueChange={update('helped')}
        error={errors.fields.helped}
      />
      <TextAreaField
        id={ids.nextTime}
        name="nextTime"
        label={t('triggers.field.nextTime')}
        hint={t('triggers.field.nextTime.hint')}
        max={NOTE_MAX}
        hardLimit
        rows={2}
        value={values.nextTime}
        onValueChange={update('nextTime')}
        error={errors.fields.nextTime}
      />
    </>
  );

  return (
    <>
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={summaryProblems(errors.fields, FIELDS, ids)}
      />
      <form className={styles.form} onSubmit={submit} noValidate>
        <TextAreaField
          id={ids.cue}
          name="cue"
          label={t('triggers.field.cue')}
          hint={t('triggers.field.cue.hint')}
          max={CUE_MAX}
          hardLimit
          rows={2}
          value={values.cue}
          onValueChange={update('cue')}
          error={errors.fields.cue}
        />
        <IntensityField
          idPrefix={`${idPrefix}-intensity`}
          name={`${idPrefix}-intensity`}
          value={values.intensity}
          onValueChange={update('intensity')}
          error={errors.fields.intensity}
        />
        {entry ? (
          details
        ) : (
          <details
            className={styles.more}
            open={moreOpen}
            onToggle={(event) => setMoreOpen(event.currentTarget.open)}
          >
            <summary>{t('triggers.more')}</summary>
            <div className={styles.moreBody}>{details}</div>
          </details>
        )}
        <div className={buttonRowClass}>
          <Button type="submit" pending={pending}>
            {pending ? pendingLabel : submitLabel}
          </Button>
          {onCancel && (
            <Button variant="quiet" onClick={onCancel}>
              {t('triggers.edit.cancel')}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}
