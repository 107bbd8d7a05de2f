import { Link } from 'react-router';
import { t } from '#web/i18n/index.ts';
import { LoadError, Loading, Page, Panel } from '#web/ui/index.ts';
import { useMeasures } from './api';
import { formatWeek } from './format';
import styles from './measures.module.css';

/** `/measures`: the weekly check-ins, each with a gentle word on whether this week's is done. */
export function MeasuresPage() {
  const measures = useMeasures();
  return (
    <Page title={t('measures.title')} heading={t('measures.heading')} lead={t('measures.lead')}>
      {measures.isPending ? (
        <Loading label={t('measures.loading')} />
      ) : measures.isError ? (
        <LoadError message={measures.error.message} onRetry={() => void measures.refetch()} />
      ) : (
        <>
          {measures.data.measures.map((measure) => (
            <Panel
              key={measure.id}
              heading={<Link to={`/measures/${measure.id}`}>{measure.title}</Link>}
            >
              <p className={styles.quiet}>
                {t('measures.questionCount', { count: measure.items.length })}
              </p>
              <p>{measure.due ? t('measures.ready') : t('measures.doneThisWeek')}</p>
              {measure.due && measure.lastWeek && (
                <p className={styles.quiet}>
                  {t('measures.doneBefore', { week: formatWeek(measure.lastWeek) })}
                </p>
              )}
            </Panel>
          ))}
          <p className={styles.quiet}>{t('measures.whyWeekly')}</p>
        </>
      )}
    </Page>
  );
}
