import { isVersionConflict } from '#web/core/api-client.ts';
import { useId, useState, type FormEvent } from 'react';
import { INJURY_NOTE_MAX, type TInjury } from '#shared/schemas/injuries.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  buttonRowClass,
  ConfirmDialog,
  formatDate,
  formatMonth,
  Notice,
  useAnnounce,
} from '#web/ui/index.ts';
import { useChangeInjury, useSaveNote } from './api';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import { ChangeInjuryForm } from './injury-form';
import styles from './injuries.module.css';

const other = (role: TInjury['myRole']) => (role === 'hurt' ? 'involved' : 'hurt');

export interface InjuryCardProps {
  injury: TInjury;
  partnerName: string | null;
  jointWorkOpen: boolean;
}

/**
 * One injury: what it was, when it came to light, the roles, where the confirmation stands, and
 * my private note. Until both have confirmed, both read the same neutral words; only the one
 * whose turn it is sees the question.
 */
export function InjuryCard({ injury, partnerName, jointWorkOpen }: InjuryCardProps) {
  const headingId = useId();
  const change = useChangeInjury(injury);
  const announce = useAnnounce();
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const canAct = injury.canChange && jointWorkOpen;
  const archived = injury.archivedAt !== null;

  const run = (action: Parameters<typeof change.mutate>[0], done: string) =>
    change.mutate(action, {
      onSuccess: () => {
        setArchiving(false);
        announce(done);
      },
    });

  return (
    <article className={styles.card} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.cardHeading}>
        {t(`injuries.kind.${injury.kind}`)}
      </h3>
      <p className={styles.aside}>
        {t('injuries.card.cameToLight', { month: formatMonth(injury.cameToLight) })}
      </p>
      <dl className={styles.roles} aria-label={t('injuries.card.rolesLabel')}>
        <div>
          <dt>{t('injuries.card.you')}</dt>
          <dd>{t(`injuries.role.${injury.myRole}`)}</dd>
        </div>
        <div>
          <dt>{partnerName ?? t('injuries.card.yourPartner')}</dt>
          <dd>{t(`injuries.role.${other(injury.myRole)}`)}</dd>
        </div>
      </dl>

      {archived ? (
        <p>{t('injuries.status.archivedOn', { date: formatDate(injury.archivedAt!) })}</p>
      ) : (
        <Status injury={injury} />
      )}

      {change.isError && !isVersionConflict(change.error) && (
        <Notice tone="problem" role="alert">
          <p>{change.error.message}</p>
        </Notice>
      )}
      {isVersionConflict(change.error) && !editing && (
        <Notice role="status">
          <p>{t('injuries.conflict.body')}</p>
        </Notice>
      )}

      {canAct && !archived && injury.confirmation === 'waiting_for_you' && (
        <div className={styles.question}>
          <p className={styles.questionText}>{t('injuries.confirm.question')}</p>
          <div className={buttonRowClass}>
            <Button
              pending={change.isPending}
              onClick={() => run({ action: 'confirm' }, t('injuries.confirm.done'))}
            >
              {t('injuries.confirm.yes')}
            </Button>
            <Button
              variant="secondary"
              pending={change.isPending}
              onClick={() =>
                run(
                  { action: 'roles', myRole: other(injury.myRole) },
                  t('injuries.confirm.swapped'),
                )
              }
            >
              {t('injuries.confirm.swap')}
            </Button>
          </div>
        </div>
      )}

      {canAct && !archived && !editing && (
        <div className={buttonRowClass}>
          {injury.confirmation !== 'waiting_for_you' && (
            <Button
              variant="quiet"
              pending={change.isPending}
              onClick={() =>
                run(
                  { action: 'roles', myRole: other(injury.myRole) },
                  t('injuries.confirm.swapped'),
                )
              }
            >
              {t('injuries.swapOwn')}
            </Button>
          )}
          <Button variant="quiet" onClick={() => setEditing(true)}>
            {t('injuries.change.button')}
          </Button>
          <Button variant="quiet" onClick={() => setArchiving(true)}>
            {t('injuries.archive.button')}
          </Button>
        </div>
      )}
      {canAct && !archived && editing && (
        <ChangeInjuryForm injury={injury} onDone={() => setEditing(false)} />
      )}
      {canAct && archived && (
        <Button
          variant="quiet"
          pending={change.isPending}
          onClick={() => run({ action: 'restore' }, t('injuries.restore.done'))}
        >
          {change.isPending ? t('injuries.restore.pending') : t('injuries.restore.button')}
        </Button>
      )}

      <PrivateNote injury={injury} />

      <ConfirmDialog
        open={archiving}
        onClose={() => setArchiving(false)}
        onConfirm={() => run({ action: 'archive' }, t('injuries.archive.done'))}
        heading={t('injuries.archive.heading')}
        confirmLabel={t('injuries.archive.confirm')}
        pendingLabel={t('injuries.archive.pending')}
        cancelLabel={t('injuries.archive.cancel')}
        pending={change.isPending}
        error={change.isError ? change.error.message : undefined}
      >
        <p>{t('injuries.archive.body')}</p>
      </ConfirmDialog>
    </article>
  );
}

function Status({ injury }: { injury: TInjury }) {
  if (!injury.canChange) return <p>{t('injuries.status.kept')}</p>;
  if (injury.confirmation === 'both') return <p>{t('injuries.status.both')}</p>;
  return (
    <>
      <p className={styles.waiting}>{t('injuries.status.waiting')}</p>
      {injury.confirmation === 'waiting_for_partner' && (
        <p className={styles.aside}>{t('injuries.status.youConfirmed')}</p>
      )}
      {injury.confirmation === 'waiting_for_partner_to_join' && (
        <p className={styles.aside}>{t('injuries.status.beforeJoin')}</p>
      )}
    </>
  );
}

/** My own note on the injury. Private, so never paused and never versioned against the partner. */
function PrivateNote({ injury }: { injury: TInjury }) {
  const save = useSaveNote(injury.id);
  const announce = useAnnounce();
  const [note, setNote] = useState(injury.note ?? '');
  const id = `injury-note-${injury.id}`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    save.mutate(note.trim(), { onSuccess: () => announce(t('injuries.note.saved')) });
  };

  return (
    <form className={styles.note} onSubmit={onSubmit} noValidate>
      <TextAreaField
        id={id}
        label={t('injuries.note.label')}
        hint={t('injuries.note.hint')}
        value={note}
        onValueChange={setNote}
        max={INJURY_NOTE_MAX}
        hardLimit
        error={save.isError ? (save.error.fields.note ?? save.error.message) : undefined}
      />
      <Button type="submit" variant="secondary" pending={save.isPending}>
        {save.isPending ? t('injuries.note.saving') : t('injuries.note.save')}
      </Button>
    </form>
  );
}
