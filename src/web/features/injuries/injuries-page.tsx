import { Link } from 'react-router';
import type { TEarlierNote, TInjury } from '#shared/schemas/injuries.ts';
import { t } from '#web/i18n/index.ts';
import { formatDate, JointWorkPaused, LoadError, Loading, Page, Panel } from '#web/ui/index.ts';
import { useSpace } from '#web/core/space.ts';
import { useInjuries } from './api';
import { InjuryCard } from './injury-card';
import { NameInjuryForm } from './injury-form';
import styles from './injuries.module.css';

/** /injuries: name what happened, and agree on the roles together. */
export function InjuriesPage() {
  const injuries = useInjuries();
  const space = useSpace();

  return (
    <Page title={t('injuries.title')} heading={t('injuries.heading')} lead={t('injuries.lead')}>
      {injuries.isPending || space.isPending ? (
        <Loading label={t('injuries.loading')} />
      ) : injuries.isError ? (
        <LoadError message={injuries.error.message} onRetry={() => void injuries.refetch()} />
      ) : space.isError ? (
        <LoadError message={space.error.message} onRetry={() => void space.refetch()} />
      ) : space.data.space === null ? (
        <>
          <Panel heading={t('injuries.noSpace.heading')}>
            <p>{t('injuries.noSpace.body')}</p>
            <p>
              <Link to="/home">{t('injuries.noSpace.link')}</Link>
            </p>
          </Panel>
          <EarlierNotes notes={injuries.data.earlierNotes} />
        </>
      ) : (
        <InSpace
          list={injuries.data.injuries}
          earlierNotes={injuries.data.earlierNotes}
          jointWorkOpen={injuries.data.jointWorkOpen}
          partnerName={space.data.space.partner?.displayName ?? null}
        />
      )}
    </Page>
  );
}

interface InSpaceProps {
  list: TInjury[];
  earlierNotes: TEarlierNote[];
  jointWorkOpen: boolean;
  partnerName: string | null;
}

function InSpace({ list, earlierNotes, jointWorkOpen, partnerName }: InSpaceProps) {
  const current = list.filter((injury) => injury.archivedAt === null);
  const putAway = list.filter((injury) => injury.archivedAt !== null);
  const card = (injury: TInjury) => (
    <li key={injury.id}>
      <InjuryCard injury={injury} partnerName={partnerName} jointWorkOpen={jointWorkOpen} />
    </li>
  );
  return (
    <>
      {!jointWorkOpen && <JointWorkPaused />}
      <Panel heading={t('injuries.list.heading')}>
        {current.length === 0 ? (
          <p>{t('injuries.list.empty')}</p>
        ) : (
          <ul className={styles.cards}>{current.map(card)}</ul>
        )}
        <p className={styles.aside}>
          <Link to="/program">{t('injuries.program.link')}</Link>
        </p>
      </Panel>
      {jointWorkOpen && (
        <Panel heading={t('injuries.form.heading')}>
          <NameInjuryForm solo={partnerName === null} />
        </Panel>
      )}
      {putAway.length > 0 && (
        <Panel heading={t('injuries.archived.heading')} quiet>
          <p className={styles.aside}>{t('injuries.archived.intro')}</p>
          <ul className={styles.cards}>{putAway.map(card)}</ul>
        </Panel>
      )}
      <EarlierNotes notes={earlierNotes} />
    </>
  );
}

function EarlierNotes({ notes }: { notes: TEarlierNote[] }) {
  if (notes.length === 0) return null;
  return (
    <Panel heading={t('injuries.earlier.heading')} quiet>
      <p className={styles.aside}>{t('injuries.earlier.intro')}</p>
      <ul className={styles.cards}>
        {notes.map((note) => (
          <li key={note.id} className={styles.earlier}>
            <p className={styles.aside}>
              {t('injuries.earlier.written', { date: formatDate(note.writtenAt) })}
            </p>
            <p className={styles.noteText}>{note.note}</p>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
