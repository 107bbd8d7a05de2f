import { isVersionConflict } from '#web/core/api-client.ts';
import { useState, type FormEvent } from 'react';
import {
  INJURY_KINDS,
  INJURY_NOTE_MAX,
  ZChangeInjuryBody,
  ZNameInjuryBody,
  type TInjury,
  type TInjuryKind,
  type TInjuryRole,
} from '#shared/schemas/injuries.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  buttonRowClass,
  ErrorSummary,
  fieldErrorsFromZod,
  formatMonth,
  Notice,
  pickKnownFields,
  summaryProblems,
  useAnnounce,
  useFormErrors,
} from '#web/ui/index.ts';
import { useChangeInjury, useNameInjury } from './api';
import { ConflictPanel } from '#web/ui/conflict-panel.tsx';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import { MonthYearField, RadioGroup } from './fields';
import styles from './injuries.module.css';

// Built when a form renders, not when the module loads: a feature's words arrive with its page
// (decision 0028), after its code has loaded.
const kindOptions = () =>
  INJURY_KINDS.map((kind) => ({
    value: kind,
    label: t(`injuries.kind.${kind}`),
  }));

const roleOptions = (): { value: TInjuryRole; label: string }[] => [
  { value: 'hurt', label: t('injuries.field.role.hurt') },
  { value: 'involved', label: t('injuries.field.role.involved') },
];

const FIELDS = ['kind', 'cameToLight', 'myRole', 'note'] as const;
type Field = (typeof FIELDS)[number];

function monthOf(month: string, year: string): string {
  return `${year}-${month}`;
}

export function NameInjuryForm({ solo }: { solo: boolean }) {
  const name = useNameInjury();
  const announce = useAnnounce();
  const { errors, show, clear } = useFormErrors<Field>();
  const [kind, setKind] = useState<TInjuryKind | ''>('');
  const [month, setMonth] = useState('');
  const [year, setYear] = useState('');
  const [myRole, setMyRole] = useState<TInjuryRole | ''>('');
  const [note, setNote] = useState('');
  const ids: Record<Field, string> = {
    kind: 'injury-kind',
    cameToLight: 'injury-month',
    myRole: 'injury-role',
    note: 'injury-note',
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.isPending) return;
    const parsed = ZNameInjuryBody.safeParse({
      kind: kind || undefined,
      cameToLight: monthOf(month, year),
      myRole: myRole || undefined,
      note,
    });
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, FIELDS));
      return;
    }
    clear();
    name.mutate(parsed.data, {
      onSuccess: () => {
        setKind('');
        setMonth('');
        setYear('');
        setMyRole('');
        setNote('');
        announce(t('injuries.form.done'));
      },
      onError: (error) => show(pickKnownFields(error.fields, FIELDS), error.message),
    });
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <p>{t('injuries.form.intro')}</p>
      <p className={styles.aside}>{t('injuries.form.both')}</p>
      {solo && (
        <Notice>
          <p>{t('injuries.form.solo')}</p>
        </Notice>
      )}
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={summaryProblems(errors.fields, FIELDS, ids)}
      />
      <RadioGroup
        id={ids.kind}
        name="kind"
        legend={t('injuries.field.kind')}
        options={kindOptions()}
        value={kind}
        onChange={setKind}
        error={errors.fields.kind}
      />
      <MonthYearField
        id={ids.cameToLight}
        month={month}
        year={year}
        onMonth={setMonth}
        onYear={setYear}
        error={errors.fields.cameToLight}
      />
      <RadioGroup
        id={ids.myRole}
        name="myRole"
        legend={t('injuries.field.role')}
        options={roleOptions()}
        value={myRole}
        onChange={setMyRole}
        error={errors.fields.myRole}
      />
      <TextAreaField
        id={ids.note}
        label={t('injuries.field.note')}
        hint={t('injuries.field.note.hint')}
        value={note}
        onValueChange={setNote}
        max={INJURY_NOTE_MAX}
        hardLimit
        error={errors.fields.note}
      />
      <Button type="submit" pending={name.isPending}>
        {name.isPending ? t('injuries.form.pending') : t('injuries.form.submit')}
      </Button>
    </form>
  );
}

const CHANGE_FIELDS = ['kind', 'cameToLight'] as const;
type ChangeField = (typeof CHANGE_FIELDS)[number];

/**
 * Changing the kind or month of a shared injury. It starts from the version on screen; if the
 * partner changed it meanwhile, the card shows their version and the typed values stay here.
 */
export function ChangeInjuryForm({ injury, onDone }: { injury: TInjury; onDone: () => void }) {
  const change = useChangeInjury(injury);
  const announce = useAnnounce();
  const { errors, show, clear } = useFormErrors<ChangeField>();
  const [kind, setKind] = useState<TInjuryKind | ''>(injury.kind);
  const [month, setMonth] = useState(injury.cameToLight.slice(5, 7));
  const [year, setYear] = useState(injury.cameToLight.slice(0, 4));
  const ids: Record<ChangeField, string> = {
    kind: `change-kind-${injury.id}`,
    cameToLight: `change-month-${injury.id}`,
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (change.isPending) return;
    const parsed = ZChangeInjuryBody.safeParse({
      kind: kind || undefined,
      cameToLight: monthOf(month, year),
    });
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, CHANGE_FIELDS));
      return;
    }
    clear();
    change.mutate(
      { action: 'change', body: parsed.data },
      {
        onSuccess: () => {
          announce(t('injuries.change.done'));
          onDone();
        },
        onError: (error) => {
          // The card now shows the partner's version (api.ts); the panel sets it beside mine.
          if (isVersionConflict(error)) clear();
          else show(pickKnownFields(error.fields, CHANGE_FIELDS), error.message);
        },
      },
    );
  };

  const kindLabel = (value: TInjuryKind | '') => (value ? t(`injuries.kind.${value}`) : '');
  const monthLabel = (value: string) =>
    /^\d{4}-\d{2}$/.test(value) ? formatMonth(value) : value.replace(/^-$/, '');

  return (
    <form className={styles.changeForm} onSubmit={onSubmit} noValidate>
      <h4 className={styles.changeHeading}>{t('injuries.change.heading')}</h4>
      <p className={styles.aside}>{t('injuries.change.hint')}</p>
      {isVersionConflict(change.error) && (
        <ConflictPanel
          body={t('injuries.conflict.body')}
          parts={[
            {
              key: 'kind',
              label: t('injuries.field.kind'),
              mine: kindLabel(kind),
              saved: kindLabel(injury.kind),
            },
            {
              key: 'cameToLight',
              label: t('injuries.field.when'),
              mine: monthLabel(monthOf(month, year)),
              saved: monthLabel(injury.cameToLight.slice(0, 7)),
            },
          ]}
          onUseSaved={(key) => {
            if (key === 'kind') setKind(injury.kind);
            else {
              setMonth(injury.cameToLight.slice(5, 7));
              setYear(injury.cameToLight.slice(0, 4));
            }
          }}
          onTakeSaved={() => {
            setKind(injury.kind);
            setMonth(injury.cameToLight.slice(5, 7));
            setYear(injury.cameToLight.slice(0, 4));
            change.reset();
          }}
        />
      )}
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={summaryProblems(errors.fields, CHANGE_FIELDS, ids)}
      />
      <RadioGroup
        id={ids.kind}
        name={`kind-${injury.id}`}
        legend={t('injuries.field.kind')}
        options={kindOptions()}
        value={kind}
        onChange={setKind}
        error={errors.fields.kind}
      />
      <MonthYearField
        id={ids.cameToLight}
        month={month}
        year={year}
        onMonth={setMonth}
        onYear={setYear}
        error={errors.fields.cameToLight}
      />
      <div className={buttonRowClass}>
        <Button type="submit" pending={change.isPending}>
          {change.isPending ? t('injuries.change.saving') : t('injuries.change.save')}
        </Button>
        <Button variant="quiet" onClick={onDone}>
          {t('injuries.change.cancel')}
        </Button>
      </div>
    </form>
  );
}
