import { useState } from 'react';
import { t } from '#web/i18n/index.ts';
import { Button } from './button';
import { ConfirmDialog } from './confirm-dialog';
import styles from './notice.module.css';

export interface ShareControlProps {
  shared: boolean;
  /** The partner's display name; without a partner there is no one to share with. */
  partnerName: string | null;
  onShare: () => Promise<unknown>;
  onMakePrivate: () => Promise<unknown>;
  /** Set while joint work is paused: sharing waits, making private again never does. */
  sharingPaused?: boolean;
  /** Shared with the couple's therapist (a separate choice): then "only you" would not be true. */
  sharedWithTherapist?: boolean;
}

/**
 * Sharing one item with the partner, in two explicit steps (BRIEF §3): a button, then a question
 * that says plainly who will read it. Making it private again is one step.
 */
export function ShareControl({
  shared,
  partnerName,
  onShare,
  onMakePrivate,
  sharingPaused = false,
  sharedWithTherapist = false,
}: ShareControlProps) {
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (action: () => Promise<unknown>) => {
    setPending(true);
    setError(undefined);
    try {
      await action();
      setAsking(false);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : t('common.tryAgain'));
    } finally {
      setPending(false);
    }
  };

  if (!partnerName) return <p className={styles.quiet}>{t('share.onlyYou')}</p>;
  if (shared) {
    return (
      <div>
        <p className={styles.quiet}>{t('share.sharedWith', { name: partnerName })}</p>
        <Button variant="quiet" pending={pending} onClick={() => void run(onMakePrivate)}>
          {pending ? t('share.makingPrivate') : t('share.makePrivate')}
        </Button>
        {error && !asking && <p role="alert">{error}</p>}
      </div>
    );
  }
  return (
    <div>
      <p className={styles.quiet}>
        {sharedWithTherapist
          ? t('share.notWithPartner', { name: partnerName })
          : t('share.private')}
      </p>
      {sharingPaused ? (
        <p className={styles.quiet}>{t('share.paused')}</p>
      ) : (
        <Button variant="secondary" onClick={() => setAsking(true)}>
          {t('share.start', { name: partnerName })}
        </Button>
      )}
      <ConfirmDialog
        open={asking}
        onClose={() => setAsking(false)}
        onConfirm={() => void run(onShare)}
        heading={t('share.confirmHeading', { name: partnerName })}
        confirmLabel={t('share.confirm')}
        pendingLabel={t('share.sharing')}
        cancelLabel={t('share.cancel')}
        pending={pending}
        error={error}
      >
        <p>{t('share.confirmBody', { name: partnerName })}</p>
      </ConfirmDialog>
    </div>
  );
}
