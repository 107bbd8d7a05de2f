import { Link } from 'react-router';
import { t } from '#web/i18n/index.ts';
import { LoadError, Loading, Notice, Page, Panel, useAnnounce } from '#web/ui/index.ts';
import { useSpace } from '#web/core/space.ts';
import { useLogTrigger, usePlan } from './api';
import { MyEntries, PartnerEntries } from './entries';
import { EntryForm } from './entry-form';
import { PlanPanel } from './plan-panel';

/**
 * /triggers: log a trigger quickly, read my log and what my partner shares, and keep our plan
 * for meeting triggers together.
 */
export function TriggersPage() {
  const space = useSpace();
  return (
    <Page title={t('triggers.title')} heading={t('triggers.heading')} lead={t('triggers.lead')}>
      {space.isPending ? (
        <Loading label={t('triggers.loading')} />
      ) : space.isError ? (
        <LoadError message={space.error.message} onRetry={() => void space.refetch()} />
      ) : space.data.space ? (
        <InSpace partnerName={space.data.space.partner?.displayName ?? null} />
      ) : (
        <>
          <LogPanel />
          <MyEntries partnerName={null} sharingPaused={false} />
          <Panel heading={t('triggers.plan.heading')}>
            <Notice>
              <p>{t('triggers.plan.noSpace')}</p>
            </Notice>
            <p>
              <Link to="/home">{t('triggers.plan.noSpace.link')}</Link>
            </p>
          </Panel>
        </>
      )}
    </Page>
  );
}

function InSpace({ partnerName }: { partnerName: string | null }) {
  // The plan answer also says whether joint work is paused, which holds sharing too.
  const plan = usePlan();
  const sharingPaused = plan.data ? !plan.data.jointWorkOpen : false;
  return (
    <>
      <LogPanel />
      <MyEntries partnerName={partnerName} sharingPaused={sharingPaused} />
      {partnerName && <PartnerEntries partnerName={partnerName} />}
      <PlanPanel />
    </>
  );
}

function LogPanel() {
  const log = useLogTrigger();
  const announce = useAnnounce();
  return (
    <Panel heading={t('triggers.log.heading')}>
      <p>{t('triggers.log.intro')}</p>
      <EntryForm
        idPrefix="log"
        submitLabel={t('triggers.log.submit')}
        pendingLabel={t('triggers.log.pending')}
        pending={log.isPending}
        onSubmit={async (body) => {
          await log.mutateAsync(body);
          announce(t('triggers.log.saved'));
        }}
      />
    </Panel>
  );
}
