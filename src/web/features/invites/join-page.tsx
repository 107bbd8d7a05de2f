import { useEffect, useState, useSyncExternalStore } from 'react';
import { Link, useNavigate } from 'react-router';
import { ZInviteToken } from '#shared/schemas/invites.ts';
import type { ApiError } from '#web/core/api-client.ts';
import {
  clearPendingInvite,
  getPendingInvite,
  subscribePendingInvite,
} from '#web/core/pending-invite.ts';
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
import { useAcceptInvite, useInvitePreview } from './api';
import styles from './invites.module.css';

/**
 * Opened from `/join#<token>`. The app moves the token out of the address bar into memory before
 * this page renders (see pending-invite.ts); here it is previewed and, once signed in, accepted.
 */
export function JoinPage() {
  const token = useSyncExternalStore(subscribePendingInvite, getPendingInvite);
  const [deadToken, setDeadToken] = useState<string | null>(null);
  const wellFormed = token !== null && ZInviteToken.safeParse(token).success;
  const preview = useInvitePreview(wellFormed ? token : null);

  const previewGone = preview.isError && preview.error.status === 404;
  useEffect(() => {
    // A dead link should not send the person back here after they sign in.
    if (token !== null && (previewGone || !wellFormed)) {
      setDeadToken(token);
      clearPendingInvite();
    }
  }, [token, previewGone, wellFormed]);

  let content;
  if (token === null) {
    content = deadToken ? <LinkDoesNotWork /> : <NoLink />;
  } else if (!wellFormed || previewGone) {
    content = <LinkDoesNotWork />;
  } else if (preview.isPending) {
    content = <Loading label={t('join.loading')} />;
  } else if (preview.isError) {
    content = <LoadError message={preview.error.message} onRetry={() => void preview.refetch()} />;
  } else {
    content = (
      <>
        <div className={styles.card}>
          <p className={styles.inviter}>{t('join.preview', { name: preview.data.inviterName })}</p>
          <p>{t('join.expires', { date: formatDate(preview.data.expiresAt) })}</p>
          <p>{t('join.what')}</p>
        </div>
        <JoinStep token={token} />
      </>
    );
  }

  return (
    <Page title={t('join.title')} heading={t('join.heading')} width="narrow">
      {content}
    </Page>
  );
}

function JoinStep({ token }: { token: string }) {
  const me = useMe();
  const accept = useAcceptInvite();
  const navigate = useNavigate();
  const announce = useAnnounce();

  if (me.isPending) return <Loading label={t('common.loading')} />;
  if (me.isError) {
    return <LoadError message={me.error.message} onRetry={() => void me.refetch()} />;
  }

  if (!me.data) {
    return (
      <>
        <p>{t('join.signedOut')}</p>
        <div className={buttonRowClass}>
          <Link to="/signup" className={buttonClass('primary')}>
            {t('join.signUp')}
          </Link>
          <Link to="/signin" className={buttonClass('secondary')}>
            {t('join.signIn')}
          </Link>
        </div>
      </>
    );
  }

  if (accept.isError && isFinal(accept.error)) return <AcceptProblem error={accept.error} />;

  const onJoin = () => {
    accept.mutate(token, {
      onSuccess: () => {
        clearPendingInvite();
        announce(t('join.joined'));
        void navigate('/home', { replace: true });
      },
    });
  };

  return (
    <>
      <p>{t('join.signedInAs', { name: me.data.displayName })}</p>
      {accept.isError && (
        <Notice tone="problem" role="alert">
          <p>{accept.error.message}</p>
        </Notice>
      )}
      <Button pending={accept.isPending} onClick={onJoin}>
        {accept.isPending ? t('join.accepting') : t('join.accept')}
      </Button>
    </>
  );
}

/** Answers that trying again will not change. */
function isFinal(error: ApiError): boolean {
  return error.status === 404 || error.code === 'already_in_space' || error.code === 'space_full';
}

function AcceptProblem({ error }: { error: ApiError }) {
  if (error.status === 404) return <LinkDoesNotWork />;
  const already = error.code === 'already_in_space';
  return (
    <Notice role="alert">
      <h2>{already ? t('join.already.heading') : t('join.full.heading')}</h2>
      <p>{already ? t('join.already.body') : t('join.full.body')}</p>
      <p>
        <Link to="/home">{t('join.goHome')}</Link>
      </p>
    </Notice>
  );
}

function LinkDoesNotWork() {
  return (
    <Notice role="status">
      <h2>{t('join.invalid.heading')}</h2>
      <p>{t('join.invalid.body')}</p>
      <p>
        <Link to="/">{t('join.goFront')}</Link>
      </p>
    </Notice>
  );
}

function NoLink() {
  return (
    <Notice>
      <h2>{t('join.missing.heading')}</h2>
      <p>{t('join.missing.body')}</p>
      <p>
        <Link to="/">{t('join.goFront')}</Link>
      </p>
    </Notice>
  );
}
