import { useState } from 'react';
import { t } from '#web/i18n/index.ts';
import { Button } from './button';
import { ConfirmDialog } from './confirm-dialog';
import own from './therapist-share-control.module.css';
import styles from './notice.module.css';

export interface TherapistShareControlProps {
  /** Shared with the couple's therapist now. */
  shared: boolean;
  /** The couple has an active therapist (both partners approved). */
  therapistAvailable: boolean;
  onChange: (shared: boolean) => Promise<unknown>;
}

/**
 * Sharing one item with the couple's therapist: its own choice, apart from the partner share, in
 * two explicit steps (a button, then a question that says who will and will not see it). Shown
 * only while there is a therapist, or while the item is still shared with one, so a share can
 * always be stopped. Stopping is one step. It says plainly that the partner is not told.
 */
export function TherapistShareControl({
  shared,
  therapistAvailable,
  onChange,
}: TherapistShareControlProps) {
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (next: boolean) => {
    setPending(true);
    setError(undefined);
    try {
      await onChange(next);
      setAsking(false);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : t('common.tryAgain'));
    } finally {
      setPending(false);
    }
  };

  if (!shared && !therapistAvailable) return null;
  if (shared) {
    return (
      <div className={own.control}>
        <p className={styles.quiet}>{t('therapistShare.shared')}</p>
        <Button variant="quiet" pending={pending} onClick={() => void run(false)}>
          {pending ? t('therapistShare.stopping') : t('therapistShare.stop')}
        </Button>
        {error && <p role="alert">{error}</p>}
      </div>
    );
  }
  return (
    <div className={own.control}>
      <Button variant="secondary" onClick={() => setAsking(true)}>
        {t('therapistShare.start')}
      </Button>
      <ConfirmDialog
        open={asking}
        onClose={() => setAsking(false)}
        onConfirm={() => void run(true)}
        heading={t('therapistShare.confirmHeading')}
        confirmLabel={t('therapistShare.confirm')}
        pendingLabel={t('therapistShare.sharing')}
        cancelLabel={t('therapistShare.cancel')}
        pending={pending}
        error={error}
      >
        <p>{t('therapistShare.confirmBody')}</p>
        <p>{t('therapistShare.confirmPartner')}</p>
        <p>{t('therapistShare.confirmLog')}</p>
      </ConfirmDialog>
    </div>
  );
}
