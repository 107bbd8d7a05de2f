import { useState } from 'react';
import { wordDiff } from '#shared/word-diff.ts';
import type { TApologyPart, TApologyVersion, TVersionStub } from '#shared/schemas/apology.ts';
import { t } from '#web/i18n/index.ts';
import { formatDateTime, LoadError, Loading } from '#web/ui/index.ts';
import { useApologyVersion } from './api';
import styles from './apology.module.css';
import { PART_LABEL, WRITTEN_PARTS } from './parts';

/**
 * Every sent version, kept: pick one to read, and another to compare it with. The comparison is
 * a word diff per part (`src/shared/word-diff.ts`): words taken out are struck through, words put
 * in are underlined, and both are named for screen readers.
 */
export function VersionHistory({
  apologyId,
  versions,
  heading,
}: {
  apologyId: string;
  versions: TVersionStub[];
  heading: string;
}) {
  const newest = versions[0]?.number ?? null;
  const [shown, setShown] = useState<number | null>(newest);
  const [against, setAgainst] = useState<number | null>(
    versions.length > 1 ? versions[1]!.number : null,
  );
  const label = (v: TVersionStub) =>
    t('apology.versions.item', { number: v.number, date: formatDateTime(v.sentAt) });
  return (
    <details className={styles.versions}>
      <summary>{heading}</summary>
      <div className={styles.versionPickers}>
        <label>
          {t('apology.versions.show')}{' '}
          <select
            value={shown ?? ''}
            onChange={(event) => setShown(Number(event.currentTarget.value))}
          >
            {versions.map((v) => (
              <option key={v.number} value={v.number}>
                {label(v)}
              </option>
            ))}
          </select>
        </label>
        {versions.length > 1 && (
          <label>
            {t('apology.versions.compare')}{' '}
            <select
              value={against ?? ''}
              onChange={(event) =>
                setAgainst(event.currentTarget.value ? Number(event.currentTarget.value) : null)
              }
            >
              <option value="">{t('apology.versions.noCompare')}</option>
              {versions
                .filter((v) => v.number !== shown)
                .map((v) => (
                  <option key={v.number} value={v.number}>
                    {label(v)}
                  </option>
                ))}
            </select>
          </label>
        )}
      </div>
      {shown !== null && (
        <VersionView
          apologyId={apologyId}
          number={shown}
          against={against === shown ? null : against}
        />
      )}
    </details>
  );
}

function VersionView({
  apologyId,
  number,
  against,
}: {
  apologyId: string;
  number: number;
  against: number | null;
}) {
  const version = useApologyVersion(apologyId, number);
  const older = useApologyVersion(apologyId, against);
  if (version.isPending || (against !== null && older.isPending)) {
    return <Loading label={t('apology.versions.loading')} />;
  }
  if (version.isError) {
    return <LoadError message={version.error.message} onRetry={() => void version.refetch()} />;
  }
  const base = against !== null && older.data ? older.data : null;
  return <VersionText version={version.data} base={base} headingLevel={4} />;
}

/** One version's parts; with `base`, each part as a word diff from `base` to this version. */
export function VersionText({
  version,
  base,
  headingLevel,
}: {
  version: TApologyVersion;
  base: TApologyVersion | null;
  headingLevel: 3 | 4;
}) {
  const parts: TApologyPart[] = [...WRITTEN_PARTS];
  if (version.askForgiveness || (base?.askForgiveness ?? false)) parts.push('forgiveness');
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className={styles.versionText}>
      {parts.map((part) => (
        <section key={part} className={styles.readPart}>
          <Heading>{t(PART_LABEL[part])}</Heading>
          {base ? (
            <p className={styles.readText}>
              {wordDiff(base[part], version[part]).map((piece, i) =>
                piece.op === 'same' ? (
                  <span key={i}>{piece.text}</span>
                ) : piece.op === 'removed' ? (
                  <del key={i} className={styles.removed}>
                    <span className={styles.visuallyHidden}>{t('apology.diff.removed')} </span>
                    {piece.text}
                  </del>
                ) : (
                  <ins key={i} className={styles.added}>
                    <span className={styles.visuallyHidden}>{t('apology.diff.added')} </span>
                    {piece.text}
                  </ins>
                ),
              )}
            </p>
          ) : (
            <p className={styles.readText}>{version[part]}</p>
          )}
        </section>
      ))}
    </div>
  );
}
