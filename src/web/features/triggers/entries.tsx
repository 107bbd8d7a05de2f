import { useRef, useState } from 'react';
import type { TTriggerEntry } from '#shared/schemas/triggers.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  buttonRowClass,
  formatDateTime,
  LoadError,
  Loading,
  Notice,
  Panel,
  ShareControl,
  TherapistShareControl,
  useAnnounce,
} from '#web/ui/index.ts';
import { useSpaceHasTherapist } from '#web/core/space-therapist.ts';
import {
  useEditTrigger,
  useEntryAction,
  useTherapistShareEntry,
  useTriggerList,
  type ListView,
} from './api';
import { EntryForm } from './entry-form';
import styles from './triggers.module.css';

/** Edited when it changed more than a moment after it was written. */
function wasEdited(entry: TTriggerEntry): boolean {
  return Date.parse(entry.updatedAt) - Date.parse(entry.createdAt) > 2000;
}

function EntryText({ entry }: { entry: TTriggerEntry }) {
  const details: [string, string | null][] = [
    [t('triggers.entry.felt'), entry.felt],
    [t('triggers.entry.helped'), entry.helped],
    [t('triggers.entry.nextTime'), entry.nextTime],
  ];
  return (
    <>
      <p className={styles.entryMeta}>
        <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
        <span className={styles.strength}>
          {t('triggers.entry.strength', { value: entry.intensity })}
        </span>
        {wasEdited(entry) && <span className={styles.quiet}>{t('triggers.entry.edited')}</span>}
      </p>
      <p className={styles.cue}>{entry.cue}</p>
      {details.some(([, text]) => text) && (
        <dl className={styles.details}>
          {details.map(([label, text]) =>
            text ? (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{text}</dd>
              </div>
            ) : null,
          )}
        </dl>
      )}
    </>
  );
}

/** Names the entry for a screen reader, so each Edit or Put away button says which entry it is for. */
function Which({ entry }: { entry: TTriggerEntry }) {
  return (
    <span className={styles.visuallyHidden}>
      {' '}
      {t('triggers.entry.which', { date: formatDateTime(entry.occurredAt) })}
    </span>
  );
}

interface OwnEntryProps {
  entry: TTriggerEntry;
  partnerName: string | null;
  sharingPaused: boolean;
}

function OwnEntry({ entry, partnerName, sharingPaused }: OwnEntryProps) {
  const [editing, setEditing] = useState(false);
  const edit = useEditTrigger();
  const action = useEntryAction();
  const therapistShare = useTherapistShareEntry();
  const therapistAvailable = useSpaceHasTherapist();
  const announce = useAnnounce();
  const editButton = useRef<HTMLButtonElement>(null);

  const stopEditing = () => {
    setEditing(false);
    // Back to where the person was, once the button is in the page again.
    requestAnimationFrame(() => editButton.current?.focus());
  };

  if (editing) {
    return (
      <li className={styles.entry}>
        <h3 className={styles.editHeading}>{t('triggers.edit.heading')}</h3>
        <EntryForm
          idPrefix={`edit-${entry.id}`}
          entry={entry}
          submitLabel={t('triggers.edit.save')}
          pendingLabel={t('triggers.edit.pending')}
          pending={edit.isPending}
          onSubmit={async (body) => {
            await edit.mutateAsync({ id: entry.id, body });
            announce(t('triggers.edit.saved'));
            stopEditing();
          }}
          onCancel={stopEditing}
        />
      </li>
    );
  }

  return (
    <li className={styles.entry}>
      <EntryText entry={entry} />
      {entry.archived ? (
        <div className={buttonRowClass}>
          <Button
            variant="secondary"
            pending={action.isPending}
            onClick={() =>
              action.mutate(
                { id: entry.id, action: 'restore' },
                { onSuccess: () => announce(t('triggers.entry.restored')) },
              )
            }
          >
            {t('triggers.entry.restore')}
            <Which entry={entry} />
          </Button>
        </div>
      ) : (
        <div className={styles.actions}>
          <ShareControl
            shared={entry.visibility === 'partner'}
            sharedWithTherapist={entry.sharedWithTherapist}
            partnerName={partnerName}
            sharingPaused={sharingPaused}
            onShare={() => action.mutateAsync({ id: entry.id, action: 'share' })}
            onMakePrivate={() => action.mutateAsync({ id: entry.id, action: 'unshare' })}
          />
          <TherapistShareControl
            shared={entry.sharedWithTherapist}
            therapistAvailable={therapistAvailable}
            onChange={(shared) => therapistShare.mutateAsync({ id: entry.id, shared })}
          />
          <div className={buttonRowClass} role="group" aria-label={t('triggers.entry.actions')}>
            <Button ref={editButton} variant="quiet" onClick={() => setEditing(true)}>
              {t('triggers.entry.edit')}
              <Which entry={entry} />
            </Button>
            <Button
              variant="quiet"
              pending={action.isPending}
              onClick={() =>
                action.mutate(
                  { id: entry.id, action: 'archive' },
                  { onSuccess: () => announce(t('triggers.entry.archived')) },
                )
              }
            >
              {t('triggers.entry.archive')}
              <Which entry={entry} />
            </Button>
          </div>
        </div>
      )}
      {/* ShareControl shows its own errors; these are for putting away and bringing back. */}
      {action.isError &&
        (action.variables.action === 'archive' || action.variables.action === 'restore') && (
          <Notice tone="problem" role="alert">
            <p>{action.error.message}</p>
          </Notice>
        )}
    </li>
  );
}

interface ListProps {
  view: ListView;
  partnerName: string | null;
  sharingPaused: boolean;
}

/** One list, newest first, a page at a time. */
function EntryList({ view, partnerName, sharingPaused }: ListProps) {
  const list = useTriggerList(view);
  if (list.isPending) return <Loading label={t('triggers.list.loading')} />;
  if (list.isError) {
    return <LoadError message={list.error.message} onRetry={() => void list.refetch()} />;
  }
  const entries = list.data.pages.flatMap((page) => page.entries);
  if (entries.length === 0) {
    const empty =
      view === 'partner'
        ? t('triggers.partner.empty', { name: partnerName ?? '' })
        : view === 'archived'
          ? t('triggers.archived.empty')
          : t('triggers.mine.empty');
    return <p className={styles.quiet}>{empty}</p>;
  }
  return (
    <>
      <ul className={styles.entries}>
        {entries.map((entry) =>
          entry.mine ? (
            <OwnEntry
              key={entry.id}
              entry={entry}
              partnerName={partnerName}
              sharingPaused={sharingPaused}
            />
          ) : (
            <li key={entry.id} className={styles.entry}>
              <EntryText entry={entry} />
            </li>
          ),
        )}
      </ul>
      {list.hasNextPage && (
        <Button
          variant="secondary"
          pending={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? t('triggers.more.loading') : t('triggers.more.load')}
        </Button>
      )}
    </>
  );
}

export function MyEntries({
  partnerName,
  sharingPaused,
}: {
  partnerName: string | null;
  sharingPaused: boolean;
}) {
  const [showArchived, setShowArchived] = useState(false);
  return (
    <Panel heading={showArchived ? t('triggers.archived.heading') : t('triggers.mine.heading')}>
      <EntryList
        view={showArchived ? 'archived' : 'mine'}
        partnerName={partnerName}
        sharingPaused={sharingPaused}
      />
      <p className={styles.switchList}>
        <Button variant="quiet" onClick={() => setShowArchived((shown) => !shown)}>
          {showArchived ? t('triggers.archived.hide') : t('triggers.archived.show')}
        </Button>
      </p>
    </Panel>
  );
}

export function PartnerEntries({ partnerName }: { partnerName: string }) {
  return (
    <Panel heading={t('triggers.partner.heading', { name: partnerName })}>
      <EntryList view="partner" partnerName={partnerName} sharingPaused={false} />
    </Panel>
  );
}
