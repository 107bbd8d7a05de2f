import { Link } from 'react-router';
import type { TAccessEntry } from '#shared/schemas/access-log.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  formatDate,
  formatDateTime,
  LoadError,
  Loading,
  Notice,
  Page,
  Panel,
} from '#web/ui/index.ts';
import { useAccessLog } from './api';
import styles from './access-log.module.css';

/** A day (`YYYY-MM-DD`) as the calendar day it names; a moment in the person's own time zone. */
function itemDay(value: string): string {
  return formatDate(value.length === 10 ? `${value}T12:00:00Z` : value);
}

/** "Check-in of 3 March 2026": the item's kind and date, never a word of what it says. */
export function itemLabel(entry: TAccessEntry): string {
  if (entry.itemDate === null) return t(`accessLog.item.gone.${entry.itemKind}`);
  return t(`accessLog.item.${entry.itemKind}`, { date: itemDay(entry.itemDate) });
}

function who(entry: TAccessEntry): string {
  if (!entry.therapist) return t('accessLog.therapist.gone');
  return entry.therapist.practiceName
    ? t('accessLog.therapist.withPractice', {
        name: entry.therapist.displayName,
        practice: entry.therapist.practiceName,
      })
    : entry.therapist.displayName;
}

function Entry({ entry }: { entry: TAccessEntry }) {
  return (
    <li className={styles.entry}>
      <p className={styles.item}>{itemLabel(entry)}</p>
      <p className={styles.meta}>
        {t('accessLog.openedBy', { who: who(entry) })}{' '}
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </p>
    </li>
  );
}

/**
 * Who opened what I shared: every time our therapist opened one of my items. Only my own items
 * are listed; my partner's log is theirs.
 */
export function AccessLogPage() {
  const log = useAccessLog();
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <Page
      title={t('accessLog.title')}
      heading={t('accessLog.heading')}
      lead={t('accessLog.lead')}
      width="narrow"
    >
      <Notice>
        <p>{t('accessLog.onlyYou')}</p>
      </Notice>
      <Panel heading={t('accessLog.listHeading')}>
        {log.isPending && <Loading label={t('accessLog.loading')} />}
        {log.isError && (
          <LoadError message={log.error.message} onRetry={() => void log.refetch()} />
        )}
        {log.data && entries.length === 0 && <p>{t('accessLog.empty')}</p>}
        {entries.length > 0 && (
          <ol className={styles.list}>
            {entries.map((entry) => (
              <Entry key={entry.seq} entry={entry} />
            ))}
          </ol>
        )}
        {log.hasNextPage && (
          <p>
            <Button
              variant="quiet"
              pending={log.isFetchingNextPage}
              onClick={() => void log.fetchNextPage()}
            >
              {log.isFetchingNextPage ? t('accessLog.loadingMore') : t('accessLog.more')}
            </Button>
          </p>
        )}
      </Panel>
      <Panel heading={t('accessLog.how.heading')} quiet>
        <p>{t('accessLog.how.body')}</p>
        <p>{t('accessLog.how.stop')}</p>
        <p>
          <Link to="/account">{t('accessLog.backToAccount')}</Link>
        </p>
      </Panel>
    </Page>
  );
}
