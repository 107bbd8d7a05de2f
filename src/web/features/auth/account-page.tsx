import { Link } from 'react-router';
import type { ReactNode } from 'react';
import type { TSessionInfo } from '#shared/schemas/auth.ts';
import { completeSignOut } from '#web/core/query-client.ts';
import { useMe } from '#web/core/session.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  formatDateTime,
  LoadError,
  Loading,
  Notice,
  Page,
  Panel,
  useAnnounce,
} from '#web/ui/index.ts';
import { useSessions, useSignOut, useSignOutOthers, useSignOutSession } from './api';
import styles from './auth.module.css';

/** `extra`: what the shell composes in from other features (the therapist's practice, say). */
export function AccountPage({ extra }: { extra?: ReactNode }) {
  const me = useMe();
  const user = me.data;

  return (
    <Page title={t('account.title')} heading={t('account.heading')}>
      {user ? (
        <Panel heading={t('account.details.heading')}>
          <dl className={styles.details}>
            <dt>{t('account.details.name')}</dt>
            <dd>{user.displayName}</dd>
            <dt>{t('account.details.email')}</dt>
            <dd>{user.email}</dd>
          </dl>
        </Panel>
      ) : (
        <Loading label={t('account.loading')} />
      )}
      {/* A partner's panel: a therapist's account shares nothing with a therapist. */}
      {user && !user.therapist && (
        <Panel heading={t('account.accessLog.heading')}>
          <p>{t('account.accessLog.body')}</p>
          <p>
            <Link to="/access-log">{t('account.accessLog.link')}</Link>
          </p>
        </Panel>
      )}
      {extra}
      <SessionsPanel />
      <SignOutPanel />
    </Page>
  );
}

function SessionsPanel() {
  const sessions = useSessions();
  const signOutOthers = useSignOutOthers();
  const announce = useAnnounce();

  const onSignOutOthers = () => {
    signOutOthers.mutate(undefined, {
      onSuccess: ({ signedOut }) => {
        announce(
          signedOut === 0
            ? t('account.sessions.signedOutOthers.none')
            : signedOut === 1
              ? t('account.sessions.signedOutOthers.one')
              : t('account.sessions.signedOutOthers.many', { count: signedOut }),
        );
      },
    });
  };

  const others = sessions.data?.sessions.filter((session) => !session.current) ?? [];

  return (
    <Panel heading={t('account.sessions.heading')}>
      <p>{t('account.sessions.intro')}</p>
      {sessions.isPending ? (
        <Loading label={t('account.sessions.loading')} />
      ) : sessions.isError ? (
        <LoadError message={sessions.error.message} onRetry={() => void sessions.refetch()} />
      ) : (
        <>
          <ul className={styles.sessions}>
            {sortSessions(sessions.data.sessions).map((session) => (
              <SessionRow key={session.id} session={session} />
            ))}
          </ul>
          {signOutOthers.isError && (
            <Notice tone="problem" role="alert">
              <p>{signOutOthers.error.message}</p>
            </Notice>
          )}
          {others.length > 0 && (
            <Button variant="secondary" pending={signOutOthers.isPending} onClick={onSignOutOthers}>
              {signOutOthers.isPending
                ? t('account.sessions.signOutOthers.pending')
                : t('account.sessions.signOutOthers')}
            </Button>
          )}
        </>
      )}
    </Panel>
  );
}

/** This device first, then the most recently active. */
function sortSessions(sessions: TSessionInfo[]): TSessionInfo[] {
  return [...sessions].sort((a, b) => {
    if (a.current !== b.current) return a.current ? -1 : 1;
    return Date.parse(b.lastSeenAt) - Date.parse(a.lastSeenAt);
  });
}

function SessionRow({ session }: { session: TSessionInfo }) {
  const signOutSession = useSignOutSession();
  const announce = useAnnounce();
  const since = formatDateTime(session.createdAt);

  return (
    <li className={styles.session}>
      <div className={styles.sessionText}>
        <p className={styles.device}>
          {session.device}
          {session.current && (
            <span className={styles.badge}>{t('account.sessions.thisDevice')}</span>
          )}
        </p>
        <p className={styles.meta}>{t('account.sessions.since', { date: since })}</p>
        <p className={styles.meta}>
          {t('account.sessions.lastSeen', { date: formatDateTime(session.lastSeenAt) })}
        </p>
        {signOutSession.isError && (
          <p className={styles.meta} role="alert">
            {signOutSession.error.message}
          </p>
        )}
      </div>
      {!session.current && (
        <Button
          variant="quiet"
          pending={signOutSession.isPending}
          onClick={() =>
            signOutSession.mutate(session.id, {
              onSuccess: () => announce(t('account.sessions.signedOutOne')),
            })
          }
        >
          {t('account.sessions.signOut')}
          <span className="visually-hidden">
            {' '}
            {t('account.sessions.signOutWhich', { device: session.device, date: since })}
          </span>
        </Button>
      )}
    </li>
  );
}

function SignOutPanel() {
  const signOut = useSignOut();
  // Forgetting the account makes this private page hand over to the front page.
  const onSignOut = () => signOut.mutate(undefined, { onSuccess: completeSignOut });

  return (
    <Panel heading={t('account.signOut.heading')}>
      <p>{t('account.signOut.body')}</p>
      {signOut.isError && (
        <Notice tone="problem" role="alert">
          <p>{signOut.error.message}</p>
        </Notice>
      )}
      <Button variant="secondary" pending={signOut.isPending} onClick={onSignOut}>
        {signOut.isPending ? t('account.signOut.pending') : t('account.signOut.button')}
      </Button>
    </Panel>
  );
}
