import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { TNewsKind, TTodayResponse } from '../../../shared/schemas/today';
import { t, type MessageKey } from '../../i18n';
import { formatDateTime, JointWorkPaused, LoadError, Loading, Panel } from '../../ui';
import { localDay, useMarkSeen, useToday } from './api';
import styles from './today.module.css';

const NEWS: Record<TNewsKind, { one: MessageKey; many: MessageKey; path: string }> = {
  checkin: { one: 'today.news.checkin.one', many: 'today.news.checkin.many', path: '/checkins' },
  trigger: { one: 'today.news.trigger.one', many: 'today.news.trigger.many', path: '/triggers' },
  reflection: {
    one: 'today.news.reflection.one',
    many: 'today.news.reflection.many',
    path: '/guide',
  },
  letter: { one: 'today.news.letter.one', many: 'today.news.letter.many', path: '/impact-letter' },
  letter_reflection: {
    one: 'today.news.letter_reflection.one',
    many: 'today.news.letter_reflection.many',
    path: '/impact-letter',
  },
  letter_mark: {
    one: 'today.news.letter_mark.one',
    many: 'today.news.letter_mark.many',
    path: '/impact-letter',
  },
  measure: { one: 'today.news.measure.one', many: 'today.news.measure.many', path: '/measures' },
  trigger_plan: {
    one: 'today.news.trigger_plan.one',
    many: 'today.news.trigger_plan.many',
    path: '/triggers',
  },
  injury: { one: 'today.news.injury.one', many: 'today.news.injury.many', path: '/injuries' },
};

function newsLine(kind: TNewsKind, count: number, name: string): string {
  const key = count === 1 ? NEWS[kind].one : NEWS[kind].many;
  return (t as (key: MessageKey, params: Record<string, string | number>) => string)(key, {
    name,
    count,
  });
}

export interface TodayPanelsProps {
  /** The partner's display name, or null while alone in the space. */
  partnerName: string | null;
}

/**
 * What matters today, for the home page: my check-in, what my partner shared since I last
 * looked, and one next step. Once shown, the news counts as seen for next time.
 */
export function TodayPanels({ partnerName }: TodayPanelsProps) {
  const day = localDay();
  const today = useToday(day);
  const markSeen = useMarkSeen();
  const marked = useRef(false);

  useEffect(() => {
    if (!today.data || marked.current) return;
    marked.current = true;
    markSeen.mutate(new Date().toISOString());
  }, [today.data, markSeen]);

  if (today.isPending) return <Loading label={t('today.loading')} />;
  if (today.isError)
    return <LoadError message={today.error.message} onRetry={() => void today.refetch()} />;
  const data = today.data;

  return (
    <div className={styles.today}>
      {data.jointWork === 'paused' && <JointWorkPaused />}
      <CheckinPanel checkin={data.myCheckin} />
      {partnerName && <NewsPanel news={data.news} partnerName={partnerName} />}
      <NextPanel next={data.next} />
    </div>
  );
}

function CheckinPanel({ checkin }: { checkin: TTodayResponse['myCheckin'] }) {
  return (
    <Panel heading={t('today.checkin.heading')}>
      {checkin ? (
        <>
          <p>{checkin.shared ? t('today.checkin.doneShared') : t('today.checkin.done')}</p>
          <p>
            <Link to="/checkins">{t('today.checkin.open')}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('today.checkin.none')}</p>
          <p>
            <Link to="/checkins" className={styles.primaryLink}>
              {t('today.checkin.start')}
            </Link>
          </p>
        </>
      )}
    </Panel>
  );
}

function NewsPanel({ news, partnerName }: { news: TTodayResponse['news']; partnerName: string }) {
  return (
    <Panel heading={t('today.news.heading', { name: partnerName })}>
      {news.length === 0 ? (
        <p>{t('today.news.none', { name: partnerName })}</p>
      ) : (
        <ul className={styles.news}>
          {news.map((item) => (
            <li key={item.kind}>
              <Link to={NEWS[item.kind].path}>{newsLine(item.kind, item.count, partnerName)}</Link>
              <span className={styles.when}>
                {' '}
                ({t('today.news.latest', { when: formatDateTime(item.latestAt) })})
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

function NextPanel({ next }: { next: TTodayResponse['next'] }) {
  return (
    <Panel heading={t('today.next.heading')}>
      {next ? (
        <>
          <p className={styles.intro}>{t('today.next.intro')}</p>
          <p>
            <Link to={next.path} className={styles.primaryLink}>
              {next.title}
            </Link>
          </p>
          <p>{next.why}</p>
        </>
      ) : (
        <p>{t('today.next.none')}</p>
      )}
      <p>
        <Link to="/program">{t('today.next.map')}</Link>
      </p>
    </Panel>
  );
}
