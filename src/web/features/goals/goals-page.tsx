import { Link } from 'react-router';
import { useSpace } from '#web/core/space.ts';
import { t } from '#web/i18n/index.ts';
import { JointWorkPaused, LoadError, Loading, Notice, Page } from '#web/ui/index.ts';
import { useGoalsView } from './api';
import { GoalsPanel } from './goals-panel';
import { HardDatesPanel } from './hard-dates-panel';
import { ReviewPanel } from './review-panel';

/**
 * /goals: moving forward together. Our goals and their steps, our plan for hard dates, and the
 * progress review. They open in phase 3 with the couple's pace and rest while joint work rests;
 * what was written stays readable either way.
 */
export function GoalsPage() {
  const space = useSpace();
  return (
    <Page title={t('goals.title')} heading={t('goals.heading')} lead={t('goals.lead')}>
      {space.isPending ? (
        <Loading label={t('goals.loading')} />
      ) : space.isError ? (
        <LoadError message={space.error.message} onRetry={() => void space.refetch()} />
      ) : space.data.space?.partner ? (
        <Together />
      ) : (
        <Notice>
          <p>{t('goals.alone')}</p>
          <p>
            <Link to="/home">{t('goals.alone.link')}</Link>
          </p>
        </Notice>
      )}
    </Page>
  );
}

function Together() {
  const view = useGoalsView();
  if (view.isPending) return <Loading label={t('goals.loading')} />;
  if (view.isError) {
    return <LoadError message={view.error.message} onRetry={() => void view.refetch()} />;
  }
  const { phaseOpen, jointWorkOpen, goals, hardDates } = view.data;
  const canWrite = phaseOpen && jointWorkOpen;
  return (
    <>
      {!jointWorkOpen && <JointWorkPaused />}
      {jointWorkOpen && !phaseOpen && (
        <Notice>
          <p>{t('goals.notYet')}</p>
          <p>
            <Link to="/program">{t('goals.notYet.link')}</Link>
          </p>
        </Notice>
      )}
      <GoalsPanel goals={goals} canWrite={canWrite} />
      <HardDatesPanel dates={hardDates} canWrite={canWrite} />
      <ReviewPanel canWrite={canWrite} />
    </>
  );
}
