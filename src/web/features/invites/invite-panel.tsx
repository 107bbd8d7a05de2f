import { useRef, useState } from 'react';
import type { TCreatedInvite, TInvite } from '#shared/schemas/invites.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  buttonRowClass,
  formatDate,
  LoadError,
  Loading,
  Notice,
  useAnnounce,
} from '#web/ui/index.ts';
import { useCancelInvite, useCreateInvite, useInvites } from './api';
import styles from './invites.module.css';

/** The address to send: the token rides in the fragment, which browsers never send to servers. */
function inviteLink(token: string): string {
  return `${window.location.origin}/join#${token}`;
}

/** The newest active link, if any. */
function latest(invites: TInvite[]): TInvite | undefined {
  return [...invites].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
}

/**
 * Making, showing and cancelling the invite link. The token is shown once, straight after it is
 * made, and kept only in this component's state; after that the page can only say that a link
 * is active and until when.
 */
export function InvitePanel() {
  const invites = useInvites();
  const create = useCreateInvite();
  const cancel = useCancelInvite();
  const announce = useAnnounce();
  const [fresh, setFresh] = useState<TCreatedInvite | null>(null);

  const makeLink = () => {
    create.mutate(undefined, {
      onSuccess: (created) => setFresh(created),
    });
  };

  const cancelLink = (id: string) => {
    cancel.mutate(id, {
      onSuccess: () => {
        setFresh(null);
        announce(t('invites.cancelled'));
      },
    });
  };

  if (invites.isPending) return <Loading label={t('invites.loading')} />;
  if (invites.isError) {
    return <LoadError message={invites.error.message} onRetry={() => void invites.refetch()} />;
  }

  const active = latest(invites.data.invites);
  const problem = create.error ?? cancel.error;
  const problemNotice = problem && (
    <Notice tone="problem" role="alert">
      <p>{problem.message}</p>
    </Notice>
  );

  if (fresh && active?.id === fresh.id) {
    return (
      <div className={styles.panel}>
        <FreshLink invite={fresh} />
        {problemNotice}
        <Button variant="quiet" pending={cancel.isPending} onClick={() => cancelLink(fresh.id)}>
          {cancel.isPending ? t('invites.cancel.pending') : t('invites.cancel')}
        </Button>
      </div>
    );
  }

  if (active) {
    return (
      <div className={styles.panel}>
        <p className={styles.active}>
          {t('invites.active', { date: formatDate(active.expiresAt) })}
        </p>
        <p className={styles.aside}>{t('invites.active.hidden')}</p>
        {problemNotice}
        <div className={buttonRowClass}>
          <Button variant="secondary" pending={create.isPending} onClick={makeLink}>
            {create.isPending ? t('invites.pending') : t('invites.remake')}
          </Button>
          <Button variant="quiet" pending={cancel.isPending} onClick={() => cancelLink(active.id)}>
            {cancel.isPending ? t('invites.cancel.pending') : t('invites.cancel')}
          </Button>
        </div>
        <p className={styles.aside}>{t('invites.remake.note')}</p>
      </div>
    );
  }

  return (
    <div className={styles.panel}>
      {problemNotice}
      <Button pending={create.isPending} onClick={makeLink}>
        {create.isPending ? t('invites.pending') : t('invites.create')}
      </Button>
    </div>
  );
}

type CopyState = 'idle' | 'copied' | 'selected';

function FreshLink({ invite }: { invite: TCreatedInvite }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');
  const link = inviteLink(invite.token);

  const selectLink = () => {
    inputRef.current?.focus();
    inputRef.current?.select();
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopyState('copied');
    } catch {
      // No clipboard access (an older browser, or a page not served over HTTPS): select the
      // text so the person can copy it themselves.
      selectLink();
      setCopyState('selected');
    }
  };

  return (
    <div className={styles.fresh}>
      <h3>{t('invites.new.heading')}</h3>
      <p>{t('invites.new.once')}</p>
      <label className={styles.label} htmlFor="invite-link">
        {t('invites.new.label')}
      </label>
      <div className={styles.linkRow}>
        <input
          ref={inputRef}
          id="invite-link"
          className={styles.link}
          type="text"
          readOnly
          value={link}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby="invite-link-expiry"
          spellCheck={false}
        />
        <Button onClick={() => void copy()}>{t('invites.copy')}</Button>
      </div>
      <p id="invite-link-expiry" className={styles.aside}>
        {t('invites.new.expires', { date: formatDate(invite.expiresAt) })}
      </p>
      <p role="status" className={styles.copyStatus}>
        {copyState === 'copied'
          ? t('invites.copied')
          : copyState === 'selected'
            ? t('invites.copyFallback')
            : ''}
      </p>
    </div>
  );
}
