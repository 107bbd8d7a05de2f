import { useEffect, useState, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { ZTherapistLinkToken } from '#shared/schemas/therapist.ts';
import type { ReturnState } from '#web/core/session.ts';
import { useMe } from '#web/core/session.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  buttonClass,
  buttonRowClass,
  formatDate,
  LoadError,
  Loading,
  Notice,
  Page,
  useAnnounce,
} from '#web/ui/index.ts';
import { useClaimLink, useClaimPreview } from './api';
import {
  clearPendingTherapistLink,
  getPendingTherapistLink,
  subscribePendingTherapistLink,
} from './pending-link';
import styles from './therapist.module.css';

/**
 * Opened from `/therapist/join#<token>`. The app moves the token out of the address bar into
 * memory before this page renders; here it is previewed and, once signed in as a therapist,
 * claimed.
 */
export function TherapistJoinPage() {
  const token = useSyncExternalStore(subscribePendingTherapistLink, getPendingTherapistLink);
  const [claimed, setClaimed] = useState(false);
  const [deadToken, setDeadToken] = useState<string | null>(null);
  const wellFormed = token !== null && ZTherapistLinkToken.safeParse(token).success;
  const preview = useClaimPreview(wellFormed && !claimed ? token : null);
  const previewGone = preview.isError && preview.error.status === 404;

  useEffect(() => {
    if (token !== null && (previewGone || !wellFormed)) {
      setDeadToken(token);
      clearPendingTherapistLink();
    }
  }, [token, previewGone, wellFormed]);

  let content;
  if (claimed) {
    content = <Waiting />;
  } else if (token === null) {
    content = deadToken ? <LinkDoesNotWork /> : <NoLink />;
  } else if (!wellFormed || previewGone) {
    content = <LinkDoesNotWork />;
  } else if (preview.isPending) {
    content = <Loading label={t('therapist.join.loading')} />;
  } else if (preview.isError) {
    content = <LoadError message={preview.error.message} onRetry={() => void preview.refetch()} />;
  } else {
    content = (
      <>
        <div className={styles.card}>
          <p>{t('therapist.join.preview', { name: preview.data.inviterName })}</p>
          <p>{t('therapist.join.expires', { date: formatDate(preview.data.expiresAt) })}</p>
          <p>{t('therapist.join.what')}</p>
        </div>
        <ClaimStep token={token} onClaimed={() => setClaimed(true)} />
      </>
    );
  }

  return (
    <Page title={t('therapist.join.title')} heading={t('therapist.join.heading')} width="narrow">
      {content}
    </Page>
  );
}

function ClaimStep({ token, onClaimed }: { token: string; onClaimed: () => void }) {
  const me = useMe();
  const claim = useClaimLink();
  const announce = useAnnounce();

  if (me.isPending) return <Loading label={t('common.loading')} />;
  if (me.isError) return <LoadError message={me.error.message} onRetry={() => void me.refetch()} />;

  if (!me.data) {
    const back: ReturnState = { from: '/therapist/join' };
    return (
      <>
        <p>{t('therapist.join.signedOut')}</p>
        <div className={buttonRowClass}>
          <Link to="/therapist/signup" className={buttonClass('primary')}>
            {t('therapist.join.signUp')}
          </Link>
          <Link to="/signin" state={back} className={buttonClass('secondary')}>
            {t('therapist.join.signIn')}
          </Link>
        </div>
      </>
    );
  }

  if (!me.data.therapist || claim.error?.code === 'not_a_therapist') {
    return (
      <Notice role="alert">
        <h2>{t('therapist.join.notTherapist.heading')}</h2>
        <p>{t('therapist.join.notTherapist.body')}</p>
      </Notice>
    );
  }
  if (claim.isError && claim.error.status === 404) return <LinkDoesNotWork />;

  const onClaim = () => {
    claim.mutate(token, {
      onSuccess: () => {
        clearPendingTherapistLink();
        announce(t('therapist.join.waiting.heading'));
        onClaimed();
      },
    });
  };

  return (
    <>
      <p>{t('therapist.join.signedInAs', { name: me.data.displayName })}</p>
      {claim.isError && (
        <Notice tone="problem" role="alert">
          <p>{claim.error.message}</p>
        </Notice>
      )}
      <Button pending={claim.isPending} onClick={onClaim}>
        {claim.isPending ? t('therapist.join.accepting') : t('therapist.join.accept')}
      </Button>
    </>
  );
}

function Waiting() {
  return (
    <Notice role="status">
      <h2>{t('therapist.join.waiting.heading')}</h2>
      <p>{t('therapist.join.waiting.body')}</p>
      <p>
        <Link to="/practice">{t('therapist.join.toPractice')}</Link>
      </p>
    </Notice>
  );
}

function LinkDoesNotWork() {
  return (
    <Notice role="status">
      <h2>{t('therapist.join.invalid.heading')}</h2>
      <p>{t('therapist.join.invalid.body')}</p>
      <p>
        <Link to="/">{t('therapist.join.goFront')}</Link>
      </p>
    </Notice>
  );
}

function NoLink() {
  return (
    <Notice>
      <h2>{t('therapist.join.missing.heading')}</h2>
      <p>{t('therapist.join.missing.body')}</p>
      <p>
        <Link to="/">{t('therapist.join.goFront')}</Link>
      </p>
    </Notice>
  );
}
