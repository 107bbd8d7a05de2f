import { t } from '#web/i18n/index.ts';
import { LoadError, Loading, Panel } from '#web/ui/index.ts';
import { LineChart } from '#web/ui/line-chart.tsx';
import { useHistory, useMeasures } from './api';
import type { TMeasureSummary } from '#shared/schemas/measures.ts';

const weekLabel = (week: Date) =>
  new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(
    week,
  );

/** The weekly check-ins over time, one chart per check-in I have filled in; for the progress page. */
export function MeasuresProgress() {
  const measures = useMeasures();
  if (measures.isPending) return <Loading label={t('measures.progress.loading')} />;
  if (measures.isError)
    return <LoadError message={measures.error.message} onRetry={() => void measures.refetch()} />;
  const filled = measures.data.measures.filter((m) => m.lastWeek !== null);
  return (
    <Panel heading={t('measures.progress.heading')}>
      {filled.length === 0 ? (
        <p>{t('measures.progress.none')}</p>
      ) : (
        filled.map((measure) => <MeasureChart key={measure.id} measure={measure} />)
      )}
    </Panel>
  );
}

function MeasureChart({ measure }: { measure: TMeasureSummary }) {
  const history = useHistory(measure.id, 'mine');
  if (history.isPending) return <Loading label={t('measures.progress.loading')} />;
  if (history.isError)
    return <LoadError message={history.error.message} onRetry={() => void history.refetch()} />;
  // The newest page is enough for a path of recent weeks; older weeks stay in the history table.
  const responses = [...(history.data.pages[0]?.responses ?? [])].reverse();
  const scored = responses.filter((r) => r.total.score !== null);
  if (scored.length === 0) return null;
  const total = scored[0]!.total;
  return (
    <LineChart
      caption={measure.title}
      summary={t(
        total.higherMeans === 'better'
          ? 'measures.progress.summaryBetter'
          : 'measures.progress.summaryHarder',
        { min: total.min, max: total.max },
      )}
      points={scored.map((r) => new Date(`${r.week}T12:00:00`))}
      pointLabel={weekLabel}
      series={[
        {
          label: t('measures.progress.total'),
          values: scored.map((r) => r.total.score),
          colorVar: '--color-accent',
        },
      ]}
      range={[total.min, total.max]}
    />
  );
}
