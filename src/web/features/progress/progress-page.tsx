import { useMemo, type ReactNode } from 'react';
import type { TMilestoneKey, TProgressResponse } from '#shared/schemas/progress.ts';
import { plural, t, type MessageKey } from '#web/i18n/index.ts';
import { formatDate, LoadError, Loading, Page, Panel } from '#web/ui/index.ts';
import { LineChart } from '#web/ui/line-chart.tsx';
import { useProgress } from './api';
import styles from './progress.module.css';

const MILESTONE: Record<TMilestoneKey, MessageKey> = {
  started: 'progress.milestone.started',
  together: 'progress.milestone.together',
  first_checkin: 'progress.milestone.first_checkin',
  first_shared_checkin: 'progress.milestone.first_shared_checkin',
  first_trigger: 'progress.milestone.first_trigger',
  trigger_plan: 'progress.milestone.trigger_plan',
  first_lesson_reflection: 'progress.milestone.first_lesson_reflection',
  roles_confirmed: 'progress.milestone.roles_confirmed',
  phase_2: 'progress.milestone.phase_2',
  phase_3: 'progress.milestone.phase_3',
  letter_shared: 'progress.milestone.letter_shared',
  reflection_sent: 'progress.milestone.reflection_sent',
  felt_understood: 'progress.milestone.felt_understood',
  first_measure: 'progress.milestone.first_measure',
};

const WEEK_MS = 7 * 24 * 3600 * 1000;

const weekLabel = (week: Date) =>
  new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(
    week,
  );

export interface ProgressPageProps {
  /** The weekly check-ins' charts (the measures feature), composed in by the app shell. */
  measures: ReactNode;
}

/** My path so far: a line with ups and downs, never a score. */
export function ProgressPage({ measures }: ProgressPageProps) {
  const progress = useProgress();
  return (
    <Page title={t('progress.title')} heading={t('progress.heading')} lead={t('progress.lead')}>
      {progress.isPending ? (
        <Loading label={t('progress.loading')} />
      ) : progress.isError ? (
        <LoadError message={progress.error.message} onRetry={() => void progress.refetch()} />
      ) : (
        <>
          <Since startedAt={progress.data.startedAt} />
          <CheckinPath weeks={progress.data.weeks} />
          {measures}
          <Milestones milestones={progress.data.milestones} />
        </>
      )}
    </Page>
  );
}

function Since({ startedAt }: { startedAt: string }) {
  const weeks = Math.floor((Date.now() - Date.parse(startedAt)) / WEEK_MS);
  const date = formatDate(startedAt);
  return (
    <p className={styles.since}>
      {weeks < 1
        ? t('progress.since.thisWeek', { date })
        : plural('progress.since.weeks', weeks, { date })}
    </p>
  );
}

function CheckinPath({ weeks }: { weeks: TProgressResponse['weeks'] }) {
  const points = useMemo(() => weeks.map((w) => new Date(`${w.week}T12:00:00`)), [weeks]);
  const pain = useMemo(
    () => [
      {
        label: t('progress.pain.series'),
        values: weeks.map((w) => w.pain),
        colorVar: '--color-danger' as const,
      },
    ],
    [weeks],
  );
  const intensity = useMemo(
    () => [
      {
        label: t('progress.intensity.series'),
        values: weeks.map((w) => w.intensity),
        colorVar: '--color-accent' as const,
      },
    ],
    [weeks],
  );
  if (weeks.length === 0) {
    return (
      <Panel heading={t('progress.checkins.heading')}>
        <p>{t('progress.checkins.none')}</p>
      </Panel>
    );
  }
  return (
    <Panel heading={t('progress.checkins.heading')}>
      <p className={styles.note}>{t('progress.checkins.note')}</p>
      <LineChart
        caption={t('progress.pain.caption')}
        summary={plural('progress.pain.summary', weeks.length)}
        points={points}
        pointLabel={weekLabel}
        series={pain}
        range={PAIN_RANGE}
      />
      <LineChart
        caption={t('progress.intensity.caption')}
        summary={plural('progress.intensity.summary', weeks.length)}
        points={points}
        pointLabel={weekLabel}
        series={intensity}
        range={INTENSITY_RANGE}
      />
    </Panel>
  );
}

const PAIN_RANGE: [number, number] = [0, 10];
const INTENSITY_RANGE: [number, number] = [1, 5];

function Milestones({ milestones }: { milestones: TProgressResponse['milestones'] }) {
  return (
    <Panel heading={t('progress.milestones.heading')}>
      <p className={styles.note}>{t('progress.milestones.note')}</p>
      <ol className={styles.milestones}>
        {milestones.map((m) => (
          <li key={m.key}>
            <span className={styles.milestoneDate}>{formatDate(m.at)}</span>
            <span>{(t as (key: MessageKey) => string)(MILESTONE[m.key])}</span>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
