import { useState, type FormEvent } from 'react';
import {
  RITUAL_DETAIL_MAX,
  RITUAL_TITLE_MAX,
  ZRitualInput,
  type TCadence,
  type TRitual,
} from '#shared/schemas/reconnecting.ts';
import { t } from '#web/i18n/index.ts';
import { Button, buttonRowClass, Panel, TextField, useAnnounce } from '#web/ui/index.ts';
import { ConflictPanel } from '#web/ui/conflict-panel.tsx';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import { Conflict, useAgreeRitual, useChangeRitual, useProposeRitual, useSetAside } from './api';
import { ChoiceField, useChecked } from './parts';
import styles from './reconnecting.module.css';

const FIELDS = ['title', 'detail', 'cadence'] as const;
type Field = (typeof FIELDS)[number];

const IDEAS = [1, 2, 3, 4] as const;
const ideaTitle = {
  1: 'reconnecting.rituals.idea.1.title',
  2: 'reconnecting.rituals.idea.2.title',
  3: 'reconnecting.rituals.idea.3.title',
  4: 'reconnecting.rituals.idea.4.title',
} as const;
const ideaDetail = {
  1: 'reconnecting.rituals.idea.1.detail',
  2: 'reconnecting.rituals.idea.2.detail',
  3: 'reconnecting.rituals.idea.3.detail',
  4: 'reconnecting.rituals.idea.4.detail',
} as const;

const cadenceWords = (cadence: TCadence) =>
  cadence === 'daily' ? t('reconnecting.rituals.daily') : t('reconnecting.rituals.weekly');

interface Draft {
  title: string;
  detail: string;
  cadence: TCadence | null;
}

/** The form to suggest a ritual, or a change to one (with the version it started from). */
function RitualForm({
  idPrefix,
  start,
  editing,
  onDone,
  partnerName,
  withIdeas,
}: {
  idPrefix: string;
  start: Draft;
  editing: TRitual | null;
  onDone?: () => void;
  partnerName: string;
  withIdeas: boolean;
}) {
  const [draft, setDraft] = useState<Draft>(start);
  const [base, setBase] = useState(editing?.version ?? 0);
  const [conflict, setConflict] = useState<TRitual | null>(null);
  const propose = useProposeRitual();
  const change = useChangeRitual();
  const announce = useAnnounce();
  const id = (field: Field) => `${idPrefix}-${field}`;
  const { errors, check, failed, summary } = useChecked(FIELDS, id);
  const pending = propose.isPending || change.isPending;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const body = check(ZRitualInput, draft);
    if (!body) return;
    const done = () => {
      announce(t('reconnecting.rituals.sent', { name: partnerName }));
      setConflict(null);
      if (!editing) setDraft({ title: '', detail: '', cadence: null });
      onDone?.();
    };
    if (editing) {
      change.mutate(
        { id: editing.id, version: base, body },
        {
          onSuccess: done,
          onError: (error) => {
            if (error instanceof Conflict) {
              const current = error.current as TRitual;
              setConflict(current);
              setBase(current.version);
              return;
            }
            failed(error);
          },
        },
      );
    } else {
      propose.mutate(body, { onSuccess: done, onError: failed });
    }
  };

  return (
    <>
      {conflict && (
        <ConflictPanel
          heading={t('reconnecting.rituals.conflict.heading')}
          body={t('reconnecting.rituals.conflict.body')}
          parts={[
            {
              key: 'title',
              label: t('reconnecting.rituals.field.title'),
              mine: draft.title,
              saved: conflict.title,
            },
            {
              key: 'detail',
              label: t('reconnecting.rituals.field.detail'),
              mine: draft.detail,
              saved: conflict.detail,
            },
            {
              key: 'cadence',
              label: t('reconnecting.rituals.field.cadence'),
              mine: draft.cadence ? cadenceWords(draft.cadence) : '',
              saved: cadenceWords(conflict.cadence),
            },
          ]}
          onUseSaved={(key) =>
            setDraft({
              ...draft,
              ...(key === 'title' ? { title: conflict.title } : {}),
              ...(key === 'detail' ? { detail: conflict.detail } : {}),
              ...(key === 'cadence' ? { cadence: conflict.cadence } : {}),
            })
          }
        />
      )}
      {summary}
      {withIdeas && (
        <div className={styles.ideas}>
          <p>{t('reconnecting.rituals.ideas')}</p>
          <ul className={styles.ideaList}>
            {IDEAS.map((n) => (
              <li key={n}>
                <Button
                  variant="secondary"
                  onClick={() =>
                    setDraft({ ...draft, title: t(ideaTitle[n]), detail: t(ideaDetail[n]) })
                  }
                >
                  {t(ideaTitle[n])}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form
        className={styles.form}
        onSubmit={submit}
        noValidate
        aria-label={editing ? t('reconnecting.rituals.change') : t('reconnecting.rituals.new')}
      >
        <TextField
          id={id('title')}
          label={t('reconnecting.rituals.field.title')}
          hint={t('reconnecting.rituals.field.title.hint')}
          maxLength={RITUAL_TITLE_MAX}
          value={draft.title}
          onValueChange={(title) => setDraft({ ...draft, title })}
          error={errors.fields.title}
        />
        <TextAreaField
          id={id('detail')}
          label={t('reconnecting.rituals.field.detail')}
          max={RITUAL_DETAIL_MAX}
          rows={2}
          value={draft.detail}
          onValueChange={(detail) => setDraft({ ...draft, detail })}
          error={errors.fields.detail}
        />
        <ChoiceField
          id={id('cadence')}
          legend={t('reconnecting.rituals.field.cadence')}
          options={[
            { value: 'daily', label: t('reconnecting.rituals.daily') },
            { value: 'weekly', label: t('reconnecting.rituals.weekly') },
          ]}
          value={draft.cadence}
          onValueChange={(cadence) => setDraft({ ...draft, cadence })}
          error={errors.fields.cadence}
        />
        <div className={buttonRowClass}>
          <Button type="submit" pending={pending}>
            {pending
              ? t('reconnecting.saving')
              : editing
                ? t('reconnecting.rituals.saveChange')
                : t('reconnecting.rituals.submit')}
          </Button>
          {onDone && (
            <Button variant="quiet" onClick={onDone}>
              {t('reconnecting.cancel')}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}

function RitualItem({
  ritual,
  partnerName,
  open,
}: {
  ritual: TRitual;
  partnerName: string;
  open: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const agree = useAgreeRitual();
  const setAside = useSetAside();
  const announce = useAnnounce();
  const status =
    ritual.status === 'active'
      ? t('reconnecting.rituals.active')
      : ritual.proposedByMe
        ? t('reconnecting.rituals.waiting', { name: partnerName })
        : t('reconnecting.rituals.fromPartner', { name: partnerName });
  return (
    <li className={styles.item}>
      <h3 className={styles.itemHeading}>{ritual.title}</h3>
      <p className={styles.quiet}>{cadenceWords(ritual.cadence)}</p>
      {ritual.detail && <p className={styles.preserve}>{ritual.detail}</p>}
      <p>{status}</p>
      {editing ? (
        <RitualForm
          idPrefix={`ritual-${ritual.id}`}
          start={{ title: ritual.title, detail: ritual.detail, cadence: ritual.cadence }}
          editing={ritual}
          onDone={() => setEditing(false)}
          partnerName={partnerName}
          withIdeas={false}
        />
      ) : (
        <div className={buttonRowClass}>
          {open && ritual.status === 'proposed' && !ritual.proposedByMe && (
            <Button
              pending={agree.isPending}
              onClick={() =>
                agree.mutate(
                  { id: ritual.id, version: ritual.version },
                  { onSuccess: () => announce(t('reconnecting.rituals.agreed')) },
                )
              }
            >
              {t('reconnecting.rituals.agree')}
            </Button>
          )}
          {open && (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('reconnecting.rituals.change')}
              <span className="visually-hidden">
                {' '}
                {t('reconnecting.which', { name: ritual.title })}
              </span>
            </Button>
          )}
          <Button
            variant="quiet"
            pending={setAside.isPending}
            onClick={() =>
              setAside.mutate(
                { what: 'rituals', id: ritual.id },
                { onSuccess: () => announce(t('reconnecting.rituals.setAside.done')) },
              )
            }
          >
            {t('reconnecting.setAside')}
            <span className="visually-hidden">
              {' '}
              {t('reconnecting.which', { name: ritual.title })}
            </span>
          </Button>
        </div>
      )}
      {agree.error && <p className={styles.error}>{agree.error.message}</p>}
    </li>
  );
}

/** Rituals of connection: suggested by one, started once the other says yes. */
export function RitualsPanel({
  rituals,
  partnerName,
  open,
}: {
  rituals: TRitual[];
  partnerName: string;
  open: boolean;
}) {
  return (
    <Panel heading={t('reconnecting.rituals.heading')}>
      <p>{t('reconnecting.rituals.intro')}</p>
      {rituals.length === 0 ? (
        <p className={styles.quiet}>{t('reconnecting.rituals.none')}</p>
      ) : (
        <ul className={styles.items}>
          {rituals.map((ritual) => (
            <RitualItem key={ritual.id} ritual={ritual} partnerName={partnerName} open={open} />
          ))}
        </ul>
      )}
      {open && (
        <>
          <h3>{t('reconnecting.rituals.new')}</h3>
          <RitualForm
            idPrefix="ritual-new"
            start={{ title: '', detail: '', cadence: null }}
            editing={null}
            partnerName={partnerName}
            withIdeas
          />
        </>
      )}
    </Panel>
  );
}
