import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { TNewsKind, TTodayResponse } from '#shared/schemas/today.ts';
import { plural, t, type PluralBase } from '#web/i18n/index.ts';
import { formatDateTime, JointWorkPaused, LoadError, Loading, Panel } from '#web/ui/index.ts';
import { localDay, useMarkSeen, useToday } from './api';
import styles from './today.module.css';

/** Each kind of news: its words (one and more than one) and where it lives. */
const NEWS: Record<TNewsKind, { words: PluralBase; path: string }> = {
  checkin: { words: 'today.news.checkin', path: '/checkins' },
  trigger: { words: 'today.news.trigger', path: '/triggers' },
  reflection: { words: 'today.news.reflection', path: '/guide' },
  letter: { words: 'today.news.letter', path: '/impact-letter' },
  letter_reflection: { words: 'today.news.letter_reflection', path: '/impact-letter' },
  letter_mark: { words: 'today.news.letter_mark', path: '/impact-letter' },
  measure: { words: 'today.news.measure', path: '/measures' },
  trigger_plan: { words: 'today.news.trigger_plan', path: '/triggers' },
  injury: { words: 'today.news.injury', path: '/injuries' },
  therapist_message: { words: 'today.news.therapist_message', path: '/messages' },
  therapist_suggestion: { words: 'today.news.therapist_suggestion', path: '/program' },
  comment: { words: 'today.news.comment', path: '/notifications' },
  therapist_comment: { words: 'today.news.therapist_comment', path: '/notifications' },
  question: { words: 'today.news.question', path: '/questions' },
  apology: { words: 'today.news.apology', path: '/apology' },
  contact_log: { words: 'today.news.contact_log', path: '/contact-log' },
  forgiveness: { words: 'today.news.forgiveness', path: '/forgiveness' },
  decision: { words: 'today.news.decision', path: '/decision' },
  meaning_factor: { words: 'today.news.meaning_factor', path: '/meaning' },
  meaning_story: { words: 'today.news.meaning_story', path: '/meaning' },
  meaning_shared_story: { words: 'today.news.meaning_shared_story', path: '/meaning' },
  goals: { words: 'today.news.goals', path: '/goals' },
};

/** What the couple's therapist sent; everything else is what the partner shared. */
const FROM_THERAPIST: ReadonlySet<TNewsKind> = new Set([
  'therapist_message',
  'therapist_suggestion',
  'therapist_comment',
]);

/** The news split by who it is from: the partner's first, then the therapist's. */
export function newsBySender(news: TTodayResponse['news']) {
  return {
    partner: news.filter((item) => !FROM_THERAPIST.has(item.kind)),
    therapist: news.filter((item) => FROM_THERAPIST.has(item.kind)),
  };
}

function newsLine(kind: TNewsKind, count: number, name: string): string {
  return (plural as (base: PluralBase, count: number, params: { name: string }) => string)(
    NEWS[kind].words,
    count,
    { name },
  );
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
  const { partner, therapist } = newsBySender(news);
  return (
    <Panel heading={t('today.news.heading')}>
      {partner.length === 0 ? (
        <p>{t('today.news.none', { name: partnerName })}</p>
      ) : (
        <NewsList news={partner} name={partnerName} />
      )}
      {therapist.length > 0 && <NewsList news={therapist} name={partnerName} />}
    </Panel>
  );
}

function NewsList({ news, name }: { news: TTodayResponse['news']; name: string }) {
  return (
    <ul className={styles.news}>
      {news.map((item) => (
        <li key={item.kind}>
          <Link to={NEWS[item.kind].path}>{newsLine(item.kind, item.count, name)}</Link>
          <span className={styles.when}>
            {' '}
            ({t('today.news.latest', { when: formatDateTime(item.latestAt) })})
          </span>
        </li>
      ))}
    </ul>
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
