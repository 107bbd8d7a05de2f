import type { TReaderApology } from '#shared/schemas/apology.ts';
import { t } from '#web/i18n/index.ts';
import { CommentsSection } from '#web/ui/comments-section.tsx';
import { formatDate, Panel } from '#web/ui/index.ts';
import styles from './apology.module.css';
import { ReaderCommitments } from './commitments';
import { injuryWords } from './parts';
import { VersionHistory, VersionText } from './versions';

/**
 * The hurt partner's view: the newest version the partner sent (never a draft), every earlier
 * version with a word diff, comments on any part (select words to quote them), and the
 * commitments with their follow-through notes to answer.
 */
export function ReaderApology({
  apology,
  partnerName,
  jointWorkOpen,
}: {
  apology: TReaderApology;
  partnerName: string;
  jointWorkOpen: boolean;
}) {
  const latest = apology.latest;
  return (
    <Panel
      heading={t('apology.reader.heading', { name: partnerName })}
      id={`apology-${apology.id}`}
    >
      <p className={styles.quiet}>
        {injuryWords(apology.injury)} ·{' '}
        {t('apology.reader.sent', { number: latest.number, date: formatDate(latest.sentAt) })}
      </p>
      <p>{t('apology.reader.lead')}</p>
      <article className={styles.letter} aria-label={t('apology.reader.articleLabel')}>
        <VersionText version={latest} base={null} headingLevel={3} />
      </article>
      {apology.versions.length > 1 && (
        <VersionHistory
          apologyId={apology.id}
          versions={apology.versions}
          heading={t('apology.versions.reader', { name: partnerName })}
        />
      )}
      <CommentsSection kind="apology" itemId={apology.id} audience="partner" />
      <ReaderCommitments
        commitments={apology.commitments}
        partnerName={partnerName}
        jointWorkOpen={jointWorkOpen}
      />
    </Panel>
  );
}
