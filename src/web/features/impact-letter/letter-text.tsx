import { useId, useState } from 'react';
import {
  LETTER_SECTIONS,
  type TLetterSections,
  type TVersionStub,
} from '#shared/schemas/impact-letter.ts';
import { t } from '#web/i18n/index.ts';
import { Button, formatDate, formatDateTime, LoadError, Loading } from '#web/ui/index.ts';
import { useLetterVersion } from './api';
import styles from './impact-letter.module.css';

export const SECTION_LABEL = {
  whatHappened: 'impact-letter.section.whatHappened',
  howItAffectedMe: 'impact-letter.section.howItAffectedMe',
  whatINeedNow: 'impact-letter.section.whatINeedNow',
} as const;

/** A letter laid out for calm reading: one heading per part, the writer's own line breaks kept. */
export function LetterText({
  sections,
  emptyNote,
  headingLevel = 3,
}: {
  sections: TLetterSections;
  emptyNote: string;
  headingLevel?: 3 | 4;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className={styles.paper}>
      {LETTER_SECTIONS.map((section) => (
        <section key={section} className={styles.paperSection}>
          <Heading className={styles.paperHeading}>{t(SECTION_LABEL[section])}</Heading>
          {sections[section].trim() === '' ? (
            <p className={styles.quiet}>{emptyNote}</p>
          ) : (
            <p className={styles.written}>{sections[section]}</p>
          )}
        </section>
      ))}
    </div>
  );
}

/** The versions a letter was shared in, each readable as it was. */
export function SharedVersions({
  letterId,
  versions,
  summary,
  emptyNote,
}: {
  letterId: string;
  versions: TVersionStub[];
  summary: string;
  emptyNote: string;
}) {
  const [open, setOpen] = useState<number | null>(null);
  const regionId = useId();
  if (versions.length === 0) return null;
  return (
    <details className={styles.details}>
      <summary>{summary}</summary>
      <ul className={styles.plainList}>
        {versions.map((version) => (
          <li key={version.number} className={styles.versionRow}>
            <span>
              {t('impact-letter.versions.sharedOn', { date: formatDateTime(version.publishedAt) })}
            </span>
            <Button
              variant="quiet"
              aria-expanded={open === version.number}
              aria-controls={regionId}
              onClick={() => setOpen(open === version.number ? null : version.number)}
            >
              {open === version.number
                ? t('impact-letter.versions.hide')
                : t('impact-letter.versions.read', { date: formatDate(version.publishedAt) })}
            </Button>
          </li>
        ))}
      </ul>
      <div id={regionId}>
        {open !== null && <VersionText letterId={letterId} number={open} emptyNote={emptyNote} />}
      </div>
    </details>
  );
}

function VersionText({
  letterId,
  number,
  emptyNote,
}: {
  letterId: string;
  number: number;
  emptyNote: string;
}) {
  const version = useLetterVersion(letterId, number);
  if (version.isPending) return <Loading label={t('common.loading')} />;
  if (version.isError) {
    return <LoadError message={version.error.message} onRetry={() => void version.refetch()} />;
  }
  return (
    <div className={styles.earlierVersion}>
      <p className={styles.meta}>
        {t('impact-letter.versions.asShared', { date: formatDateTime(version.data.publishedAt) })}
      </p>
      <LetterText sections={version.data} emptyNote={emptyNote} headingLevel={4} />
    </div>
  );
}
