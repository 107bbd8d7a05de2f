import { useState, type FormEvent } from 'react';
import {
  DATE_IDEA_MAX,
  DATE_NOTE_MAX,
  DATE_PLAN_MAX,
  ZDateIdeaInput,
  ZDateNoteInput,
  ZDatePlanInput,
  type TDatePlan,
} from '#shared/schemas/reconnecting.ts';
import { t } from '#web/i18n/index.ts';
import { Button, buttonRowClass, Panel, TextField, useAnnounce } from '#web/ui/index.ts';
import { ConflictPanel } from '#web/ui/conflict-panel.tsx';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import {
  Conflict,
  useAddDateIdea,
  useDateNote,
  usePlanDate,
  useSetAside,
  useShareDateNote,
} from './api';
import { DayField, useChecked } from './parts';
import styles from './reconnecting.module.css';

/** A day as the person's own locale writes it; noon, so no time zone moves it. */
export function dayWords(day: string): string {
  return new Date(`${day}T12:00:00`).toLocaleDateString(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

const PLAN_FIELDS = ['idea', 'plannedOn', 'plan'] as const;
type PlanField = (typeof PLAN_FIELDS)[number];

interface PlanDraft {
  idea: string;
  plannedOn: string;
  plan: string;
}

function PlanForm({
  date,
  partnerName,
  onDone,
}: {
  date: TDatePlan;
  partnerName: string;
  onDone: () => void;
}) {
  const [draft, setDraft] = useState<PlanDraft>({
    idea: date.idea,
    plannedOn: date.plannedOn ?? '',
    plan: date.plan,
  });
  const [base, setBase] = useState(date.version);
  const [conflict, setConflict] = useState<TDatePlan | null>(null);
  const save = usePlanDate();
  const announce = useAnnounce();
  const id = (field: PlanField) => `date-${date.id}-${field}`;
  const { errors, check, failed, summary } = useChecked(PLAN_FIELDS, id);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const body = check(ZDatePlanInput, { ...draft, plannedOn: draft.plannedOn || null });
    if (!body) return;
    save.mutate(
      { id: date.id, version: base, body },
      {
        onSuccess: () => {
          announce(t('reconnecting.dates.planned', { name: partnerName }));
          onDone();
        },
        onError: (error) => {
          if (error instanceof Conflict) {
            const current = error.current as TDatePlan;
            setConflict(current);
            setBase(current.version);
            return;
          }
          failed(error);
        },
      },
    );
  };

  return (
    <>
      {conflict && (
        <ConflictPanel
          heading={t('reconnecting.dates.conflict.heading')}
          body={t('reconnecting.dates.conflict.body')}
          parts={[
            {
              key: 'idea',
              label: t('reconnecting.dates.field.idea.short'),
              mine: draft.idea,
              saved: conflict.idea,
            },
            {
              key: 'plannedOn',
              label: t('reconnecting.dates.field.day'),
              mine: draft.plannedOn ? dayWords(draft.plannedOn) : '',
              saved: conflict.plannedOn ? dayWords(conflict.plannedOn) : '',
            },
            {
              key: 'plan',
              label: t('reconnecting.dates.field.plan'),
              mine: draft.plan,
              saved: conflict.plan,
            },
          ]}
          onUseSaved={(key) =>
            setDraft({
              ...draft,
              ...(key === 'idea' ? { idea: conflict.idea } : {}),
              ...(key === 'plannedOn' ? { plannedOn: conflict.plannedOn ?? '' } : {}),
              ...(key === 'plan' ? { plan: conflict.plan } : {}),
            })
          }
        />
      )}
      {summary}
      <form
        className={styles.form}
        onSubmit={submit}
        noValidate
        aria-label={t('reconnecting.dates.plan')}
      >
        <TextField
          id={id('idea')}
          label={t('reconnecting.dates.field.idea.short')}
          maxLength={DATE_IDEA_MAX}
          value={draft.idea}
          onValueChange={(idea) => setDraft({ ...draft, idea })}
          error={errors.fields.idea}
        />
        <DayField
          id={id('plannedOn')}
          label={t('reconnecting.dates.field.day')}
          hint={t('reconnecting.dates.field.day.hint')}
          value={draft.plannedOn}
          onValueChange={(plannedOn) => setDraft({ ...draft, plannedOn })}
          error={errors.fields.plannedOn}
        />
        <TextAreaField
          id={id('plan')}
          label={t('reconnecting.dates.field.plan')}
          max={DATE_PLAN_MAX}
          rows={2}
          value={draft.plan}
          onValueChange={(plan) => setDraft({ ...draft, plan })}
          error={errors.fields.plan}
        />
        <div className={buttonRowClass}>
          <Button type="submit" pending={save.isPending}>
            {save.isPending ? t('reconnecting.saving') : t('reconnecting.dates.savePlan')}
          </Button>
          <Button variant="quiet" onClick={onDone}>
            {t('reconnecting.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}

/** How it went: my own note (private until I share it), and my partner's once they share. */
function HowItWent({
  date,
  partnerName,
  open,
}: {
  date: TDatePlan;
  partnerName: string;
  open: boolean;
}) {
  const [note, setNote] = useState(date.myNote?.note ?? '');
  const save = useDateNote();
  const share = useShareDateNote();
  const announce = useAnnounce();
  const fieldId = `date-${date.id}-note`;
  const { errors, check, failed, summary } = useChecked(['note'] as const, () => fieldId);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const body = check(ZDateNoteInput, { note });
    if (!body) return;
    save.mutate(
      { id: date.id, note: body.note },
      {
        onSuccess: () => announce(t('reconnecting.dates.went.saved')),
        onError: failed,
      },
    );
  };

  const mine = date.myNote;
  return (
    <div className={styles.went}>
      <h4>{t('reconnecting.dates.went.heading')}</h4>
      {date.partnerNote !== null && (
        <>
          <p className={styles.label}>
            {t('reconnecting.dates.went.partner', { name: partnerName })}
          </p>
          <p className={styles.preserve}>{date.partnerNote}</p>
        </>
      )}
      {summary}
      <form className={styles.form} onSubmit={submit} noValidate>
        <TextAreaField
          id={fieldId}
          label={t('reconnecting.dates.went.field')}
          hint={t('reconnecting.dates.went.hint')}
          max={DATE_NOTE_MAX}
          rows={3}
          value={note}
          onValueChange={setNote}
          error={errors.fields.note}
        />
        <div className={buttonRowClass}>
          <Button type="submit" variant="secondary" pending={save.isPending}>
            {save.isPending ? t('reconnecting.saving') : t('reconnecting.dates.went.save')}
          </Button>
        </div>
      </form>
      {mine && (
        <>
          <p className={styles.quiet}>
            {mine.shared
              ? t('reconnecting.dates.went.shared', { name: partnerName })
              : t('reconnecting.dates.went.private')}
          </p>
          {(mine.shared || open) && (
            <p>
              <Button
                variant="secondary"
                pending={share.isPending}
                onClick={() =>
                  share.mutate(
                    { id: date.id, share: !mine.shared },
                    {
                      onSuccess: () =>
                        announce(
                          mine.shared
                            ? t('reconnecting.dates.went.unsharedDone')
                            : t('reconnecting.dates.went.sharedDone', { name: partnerName }),
                        ),
                    },
                  )
                }
              >
                {mine.shared
                  ? t('reconnecting.dates.went.unshare')
                  : t('reconnecting.dates.went.share', { name: partnerName })}
              </Button>
            </p>
          )}
          {share.error && <p className={styles.error}>{share.error.message}</p>}
        </>
      )}
    </div>
  );
}

function DateItem({
  date,
  partnerName,
  open,
}: {
  date: TDatePlan;
  partnerName: string;
  open: boolean;
}) {
  const [planning, setPlanning] = useState(false);
  const setAside = useSetAside();
  const announce = useAnnounce();
  return (
    <li className={styles.item}>
      <h3 className={styles.itemHeading}>{date.idea}</h3>
      <p>
        {date.plannedOn
          ? t('reconnecting.dates.stage.planned', { date: dayWords(date.plannedOn) })
          : t('reconnecting.dates.stage.idea')}
      </p>
      {date.plan && <p className={styles.preserve}>{date.plan}</p>}
      {planning ? (
        <PlanForm date={date} partnerName={partnerName} onDone={() => setPlanning(false)} />
      ) : (
        <div className={buttonRowClass}>
          {open && (
            <Button variant="secondary" onClick={() => setPlanning(true)}>
              {date.plannedOn ? t('reconnecting.dates.replan') : t('reconnecting.dates.plan')}
              <span className="visually-hidden">
                {' '}
                {t('reconnecting.which', { name: date.idea })}
              </span>
            </Button>
          )}
          <Button
            variant="quiet"
            pending={setAside.isPending}
            onClick={() =>
              setAside.mutate(
                { what: 'dates', id: date.id },
                { onSuccess: () => announce(t('reconnecting.dates.setAside.done')) },
              )
            }
          >
            {t('reconnecting.setAside')}
            <span className="visually-hidden"> {t('reconnecting.which', { name: date.idea })}</span>
          </Button>
        </div>
      )}
      {date.plannedOn && <HowItWent date={date} partnerName={partnerName} open={open} />}
    </li>
  );
}

/** Dates: an idea, then a day and a plan, then each partner's own note on how it went. */
export function DatesPanel({
  dates,
  partnerName,
  open,
}: {
  dates: TDatePlan[];
  partnerName: string;
  open: boolean;
}) {
  const [idea, setIdea] = useState('');
  const add = useAddDateIdea();
  const announce = useAnnounce();
  const { errors, check, failed, summary } = useChecked(['idea'] as const, () => 'date-idea');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    const body = check(ZDateIdeaInput, { idea });
    if (!body) return;
    add.mutate(body.idea, {
      onSuccess: () => {
        setIdea('');
        announce(t('reconnecting.dates.added'));
      },
      onError: failed,
    });
  };

  return (
    <Panel heading={t('reconnecting.dates.heading')}>
      <p>{t('reconnecting.dates.intro')}</p>
      {dates.length === 0 ? (
        <p className={styles.quiet}>{t('reconnecting.dates.none')}</p>
      ) : (
        <ul className={styles.items}>
          {dates.map((date) => (
            <DateItem key={date.id} date={date} partnerName={partnerName} open={open} />
          ))}
        </ul>
      )}
      {open && (
        <>
          {summary}
          <form className={styles.form} onSubmit={submit} noValidate>
            <TextField
              id="date-idea"
              label={t('reconnecting.dates.field.idea')}
              hint={t('reconnecting.dates.field.idea.hint')}
              maxLength={DATE_IDEA_MAX}
              value={idea}
              onValueChange={setIdea}
              error={errors.fields.idea}
            />
            <div className={buttonRowClass}>
              <Button type="submit" pending={add.isPending}>
                {add.isPending ? t('reconnecting.saving') : t('reconnecting.dates.add')}
              </Button>
            </div>
          </form>
        </>
      )}
    </Panel>
  );
}
