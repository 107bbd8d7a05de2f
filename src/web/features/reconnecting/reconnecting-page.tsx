import { Link } from 'react-router';
import { useSpace } from '#web/core/space.ts';
import { t } from '#web/i18n/index.ts';
import { JointWorkPaused, LoadError, Loading, Notice, Page, Panel } from '#web/ui/index.ts';
import { useReconnecting } from './api';
import { AppreciationsPanel } from './appreciations';
import { DatesPanel } from './dates';
import { PacingPanel } from './pacing';
import { RitualsPanel } from './rituals';

/**
 * /reconnecting (phase 3): rituals of connection, appreciations, dates and the intimacy pacing
 * agreement. It opens with the couple's pace; while joint work rests everything can be read and
 * set aside, and the pacing pause still works, but nothing new is started.
 */
export function ReconnectingPage() {
  const space = useSpace();
  return (
    <Page
      title={t('reconnecting.title')}
      heading={t('reconnecting.heading')}
      lead={t('reconnecting.lead')}
    >
      {space.isPending ? (
        <Loading label={t('reconnecting.loading')} />
      ) : space.isError ? (
        <LoadError message={space.error.message} onRetry={() => void space.refetch()} />
      ) : space.data.space?.partner ? (
        <Together partnerName={space.data.space.partner.displayName} />
      ) : (
        <Panel heading={t('reconnecting.title')}>
          <Notice>
            <p>{space.data.space ? t('reconnecting.alone') : t('reconnecting.noSpace')}</p>
          </Notice>
          <p>
            <Link to="/home">{t('reconnecting.noSpace.link')}</Link>
          </p>
        </Panel>
      )}
    </Page>
  );
}

function Together({ partnerName }: { partnerName: string }) {
  const view = useReconnecting();
  if (view.isPending) return <Loading label={t('reconnecting.loading')} />;
  if (view.isError) {
    return <LoadError message={view.error.message} onRetry={() => void view.refetch()} />;
  }
  const data = view.data;
  if (!data.phaseOpen) {
    // After stepping back from phase 3, an agreed pace can still be paused (or a pause lifted).
    const pacingKept = data.pacing.pace !== null || data.pacing.paused;
    return (
      <>
        <Notice>
          <p>{t('reconnecting.notYet')}</p>
          <p>
            <Link to="/program">{t('reconnecting.notYet.link')}</Link>
          </p>
        </Notice>
        {pacingKept && <PacingPanel pacing={data.pacing} partnerName={partnerName} open={false} />}
      </>
    );
  }
  const open = data.jointWorkOpen;
  return (
    <>
      {!open && <JointWorkPaused />}
      <RitualsPanel rituals={data.rituals} partnerName={partnerName} open={open} />
      <AppreciationsPanel
        received={data.appreciations.received}
        sent={data.appreciations.sent}
        partnerName={partnerName}
        open={open}
      />
      <DatesPanel dates={data.dates} partnerName={partnerName} open={open} />
      <PacingPanel pacing={data.pacing} partnerName={partnerName} open={open} />
    </>
  );
}
