import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '#web/core/session.ts';
import { useSpace } from '#web/core/space.ts';
import type { TSafetyState } from '#shared/schemas/safety.ts';
import { t } from '#web/i18n/index.ts';
import { Button, LoadError, Loading, Notice, Page, Panel, useAnnounce } from '#web/ui/index.ts';
import {
  browserRegion,
  usePauseJointWork,
  useResumeJointWork,
  useSafetyState,
  useSaveNeutralTab,
  useSaveRegion,
} from './api';
import styles from './safety.module.css';
import { SupportResources } from './support-resources';

/**
 * Help and safety: support services for the person's region, for anyone, signed in or not; and
 * for someone in a space, their own pause on shared exercises.
 */
export function SafetyPage() {
  const me = useMe();
  const signedIn = Boolean(me.data);
  const state = useSafetyState(signedIn);
  const saveRegion = useSaveRegion();
  const partnerJoined = Boolean(useSpace({ enabled: signedIn }).data?.space?.partner);

  if (me.isPending || (signedIn && state.isPending)) {
    return (
      <Page title={t('safety.title')} heading={t('safety.heading')}>
        <Loading label={t('safety.loading')} />
      </Page>
    );
  }

  return (
    <Page title={t('safety.title')} heading={t('safety.heading')} lead={t('safety.lead')}>
      {signedIn &&
        (state.isError ? (
          <LoadError message={state.error.message} onRetry={() => void state.refetch()} />
        ) : (
          state.data?.inSpace && (
            <PausePanel pausedByMe={state.data.pausedByMe} partnerJoined={partnerJoined} />
          )
        ))}
      {signedIn && (
        <Panel heading={t('safety.screen.heading')}>
          <p className={styles.explain}>{t('safety.screen.explain')}</p>
          <p>
            <Link to="/safety-screen">{t('safety.screen.link')}</Link>
          </p>
        </Panel>
      )}
      <SupportResources
        initialRegion={state.data?.region ?? browserRegion()}
        {...(signedIn ? { onRegionChange: (region) => saveRegion.mutate({ region }) } : {})}
      />
      {signedIn && state.data && <TabPanel neutral={state.data.neutralTab} />}
      <Panel heading={t('safety.limits.heading')} quiet>
        <p>{t('safety.limits.partner')}</p>
        <p>{t('safety.limits.device')}</p>
        <p>{t('safety.limits.notTherapy')}</p>
      </Panel>
    </Page>
  );
}

/**
 * What to say once my pause is lifted. "Open again" only when shared exercises really are open:
 * not before the partner has joined, and not while they rest for another reason (said in the
 * same neutral words as everywhere, so nothing is learned about why).
 */
function resumedMessage(state: TSafetyState, partnerJoined: boolean): string {
  if (!partnerJoined) return t('safety.pause.resumedAlone');
  return state.jointWork === 'open'
    ? t('safety.pause.resumed')
    : t('safety.pause.resumedStillResting');
}

function PausePanel({
  pausedByMe,
  partnerJoined,
}: {
  pausedByMe: boolean;
  partnerJoined: boolean;
}) {
  const pause = usePauseJointWork();
  const resume = useResumeJointWork();
  const announce = useAnnounce();
  const failed = pause.error ?? resume.error;

  return (
    <Panel heading={t('safety.pause.heading')}>
      {pausedByMe ? (
        <>
          <Notice>
            <p>{t('safety.pause.pausedByMe')}</p>
          </Notice>
          <p className={styles.explain}>{t('safety.pause.resumeExplain')}</p>
          <Button
            variant="secondary"
            pending={resume.isPending}
            onClick={() =>
              resume.mutate(undefined, {
                onSuccess: (state) => announce(resumedMessage(state, partnerJoined)),
              })
            }
          >
            {resume.isPending ? t('safety.pause.resuming') : t('safety.pause.resume')}
          </Button>
        </>
      ) : (
        <>
          <p className={styles.explain}>{t('safety.pause.explain')}</p>
          <Button
            variant="secondary"
            pending={pause.isPending}
            onClick={() =>
              pause.mutate(undefined, { onSuccess: () => announce(t('safety.pause.done')) })
            }
          >
            {pause.isPending ? t('safety.pause.pausing') : t('safety.pause.pause')}
          </Button>
        </>
      )}
      {failed && (
        <Notice tone="problem" role="alert">
          <p>{failed.message}</p>
        </Notice>
      )}
    </Panel>
  );
}

function TabPanel({ neutral }: { neutral: boolean }) {
  const save = useSaveNeutralTab();
  // Shown at once; the saved state wins again if saving fails.
  const [checked, setChecked] = useState(neutral);
  useEffect(() => setChecked(neutral), [neutral]);
  return (
    <Panel heading={t('safety.tab.heading')}>
      <p className={styles.explain}>{t('safety.tab.explain')}</p>
      <p>
        <label className={styles.checkbox}>
          <input
            type="checkbox"
            checked={checked}
            onChange={(event) => {
              const next = event.target.checked;
              setChecked(next);
              save.mutate({ neutral: next }, { onError: () => setChecked(neutral) });
            }}
          />
          {t('safety.tab.label')}
        </label>
      </p>
      {save.error && (
        <Notice tone="problem" role="alert">
          <p>{save.error.message}</p>
        </Notice>
      )}
    </Panel>
  );
}
