import { useId, useState } from 'react';
import { CommentsSection } from '#web/ui/comments-section.tsx';
import type { TMeasureResponse, TMeasureSummary } from '#shared/schemas/measures.ts';
import { t } from '#web/i18n/index.ts';
import { useSpaceHasTherapist } from '#web/core/space-therapist.ts';
import { Button, LoadError, Loading, ShareControl, TherapistShareControl } from '#web/ui/index.ts';
import { useHistory, useSetVisibility, useTherapistShareResponse } from './api';
import { formatScore, formatWeekShort } from './format';
import styles from './measures.module.css';

export interface HistoryTableProps {
  measure: TMeasureSummary;
  whose: 'mine' | 'partner';
  partnerName: string | null;
  sharingPaused: boolean;
}

/** A part of a response in words, with its score on the part's range in quieter type. */
function Part({ part }: { part: TMeasureResponse['total'] }) {
  if (part.score === null) {
    return <span className={styles.quiet}>{t('measures.result.notEnough')}</span>;
  }
  return (
    <>
      {part.band?.label}
      {part.band && ' '}
      <span className={styles.score}>
        {t('measures.history.score', {
          score: formatScore(part.score),
          max: formatScore(part.max),
        })}
      </span>
    </>
  );
}

/**
 * The weeks of one check-in as a plain table, newest first, with earlier weeks a page at a time.
 * Mine carry a share control each; my partner's are the ones they shared with me.
 */
export function HistoryTable({ measure, whose, partnerName, sharingPaused }: HistoryTableProps) {
  const history = useHistory(measure.id, whose);
  const setVisibility = useSetVisibility();
  const therapistShare = useTherapistShareResponse();
  const therapistAvailable = useSpaceHasTherapist();
  const captionId = useId();

  if (history.isPending) return <Loading label={t('measures.history.loading')} />;
  if (history.isError) {
    return <LoadError message={history.error.message} onRetry={() => void history.refetch()} />;
  }
  const rows = history.data.pages.flatMap((page) => page.responses);
  if (rows.length === 0) {
    return (
      <p>
        {whose === 'mine'
          ? t('measures.history.empty')
          : t('measures.partner.empty', { name: partnerName ?? '' })}
      </p>
    );
  }

  return (
    <>
      <div className={styles.tableWrap} role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className={styles.table}>
          <caption id={captionId} className="visually-hidden">
            {whose === 'mine'
              ? t('measures.history.caption', { title: measure.title })
              : t('measures.partner.caption', { title: measure.title, name: partnerName ?? '' })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('measures.history.week')}</th>
              <th scope="col">{t('measures.history.words')}</th>
              {measure.subscales.map((subscale) => (
                <th scope="col" key={subscale.id}>
                  {subscale.title}
                </th>
              ))}
              {whose === 'mine' && <th scope="col">{t('measures.history.sharing')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{formatWeekShort(row.week)}</th>
                <td>
                  <Part part={row.total} />
                </td>
                {measure.subscales.map((subscale) => {
                  const part = row.subscales.find((candidate) => candidate.id === subscale.id);
                  return <td key={subscale.id}>{part && <Part part={part} />}</td>;
                })}
                {whose === 'mine' && (
                  <td className={styles.shareCell}>
                    <ShareControl
                      shared={row.visibility === 'partner'}
                      sharedWithTherapist={row.sharedWithTherapist}
                      partnerName={partnerName}
                      sharingPaused={sharingPaused}
                      onShare={() =>
                        setVisibility.mutateAsync({ id: row.id, visibility: 'partner' })
                      }
                      onMakePrivate={() =>
                        setVisibility.mutateAsync({ id: row.id, visibility: 'private' })
                      }
                    />
                    <TherapistShareControl
                      shared={row.sharedWithTherapist}
                      therapistAvailable={therapistAvailable}
                      onChange={(shared) => therapistShare.mutateAsync({ id: row.id, shared })}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <WeekComments rows={rows} whose={whose} />
      {history.hasNextPage && (
        <p>
          <Button
            variant="quiet"
            pending={history.isFetchingNextPage}
            onClick={() => void history.fetchNextPage()}
          >
            {history.isFetchingNextPage
              ? t('measures.history.loadingMore')
              : t('measures.history.more')}
          </Button>
        </p>
      )}
    </>
  );
}

/**
 * Comments on each shared week (issue 12): a table has no room for a thread, so each week that
 * someone else may see has its own "Comments" button below the table, opening its thread.
 */
function WeekComments({ rows, whose }: { rows: TMeasureResponse[]; whose: 'mine' | 'partner' }) {
  const [open, setOpen] = useState<string | null>(null);
  const shared = rows.filter(
    (row) => whose === 'partner' || row.visibility === 'partner' || row.sharedWithTherapist,
  );
  if (shared.length === 0) return null;
  return (
    <ul className={styles.weekComments}>
      {shared.map((row) => {
        const audience =
          whose === 'partner'
            ? 'partner'
            : row.visibility === 'partner'
              ? row.sharedWithTherapist
                ? 'all'
                : 'partner'
              : 'therapist';
        return (
          <li key={row.id}>
            <Button
              variant="quiet"
              aria-expanded={open === row.id}
              onClick={() => setOpen(open === row.id ? null : row.id)}
            >
              {t('comments.forWeek', { week: formatWeekShort(row.week) })}
            </Button>
            {open === row.id && (
              <CommentsSection
                kind="measure"
                itemId={row.id}
                audience={audience}
                headingLevel={4}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
