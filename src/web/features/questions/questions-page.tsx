import { Link } from 'react-router';
import { useSpace } from '#web/core/space.ts';
import { t } from '#web/i18n/index.ts';
import { JointWorkPaused, LoadError, Loading, Notice, Page } from '#web/ui/index.ts';
import { useOverview, useRefreshOnQuestionNews } from './api';
import { Answering } from './answering';
import { Asking } from './asking';

/**
 * /questions: the question queue. For each injury I was hurt in, my drafts, my pace and what I
 * let go; for each injury where I broke the trust, the questions released to me, to answer.
 */
export function QuestionsPage() {
  const space = useSpace();
  return (
    <Page title={t('questions.title')} heading={t('questions.heading')} lead={t('questions.lead')}>
      {space.isPending ? (
        <Loading label={t('questions.loading')} />
      ) : space.isError ? (
        <LoadError message={space.error.message} onRetry={() => void space.refetch()} />
      ) : space.data.space ? (
        <InSpace partnerName={space.data.space.partner?.displayName ?? null} />
      ) : (
        <Notice>
          <p>{t('questions.noSpace')}</p>
          <p>
            <Link to="/home">{t('questions.noSpace.link')}</Link>
          </p>
        </Notice>
      )}
    </Page>
  );
}

function InSpace({ partnerName }: { partnerName: string | null }) {
  const overview = useOverview();
  useRefreshOnQuestionNews();
  if (overview.isPending) return <Loading label={t('questions.loading')} />;
  if (overview.isError) {
    return <LoadError message={overview.error.message} onRetry={() => void overview.refetch()} />;
  }
  const { injuries, pace, jointWorkOpen } = overview.data;
  if (injuries.length === 0) {
    return (
      <Notice>
        <p>{t('questions.noInjury')}</p>
        <p>
          <Link to="/injuries">{t('questions.noInjury.link')}</Link>
        </p>
      </Notice>
    );
  }
  return (
    <>
      {!jointWorkOpen && (
        <>
          <JointWorkPaused />
          <p>{t('questions.paused')}</p>
        </>
      )}
      {injuries.map((injury) =>
        injury.role === 'hurt' ? (
          <Asking
            key={injury.id}
            injury={injury}
            pace={pace.find((p) => p.injuryId === injury.id) ?? null}
            partnerName={partnerName}
            jointWorkOpen={jointWorkOpen}
          />
        ) : (
          <Answering
            key={injury.id}
            injury={injury}
            partnerName={partnerName ?? ''}
            jointWorkOpen={jointWorkOpen}
          />
        ),
      )}
    </>
  );
}
