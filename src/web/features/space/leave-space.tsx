import { useState } from 'react';
import { t } from '#web/i18n/index.ts';
import { Button, ConfirmDialog, focusPageHeading, Panel, useAnnounce } from '#web/ui/index.ts';
import { useLeaveSpace } from './api';

/** Leaving, kept apart at the bottom of Home, behind a question that says what it means. */
export function LeaveSpace({ partnerName }: { partnerName: string | null }) {
  const [open, setOpen] = useState(false);
  const leave = useLeaveSpace();
  const announce = useAnnounce();

  const close = () => {
    setOpen(false);
    leave.reset();
  };

  const confirm = () => {
    leave.mutate(undefined, {
      onSuccess: () => {
        setOpen(false);
        announce(t('space.leave.done'));
        // This section is about to disappear with the space; give focus a place to land.
        window.requestAnimationFrame(focusPageHeading);
      },
    });
  };

  return (
    <>
      <Panel heading={t('space.leave.heading')} quiet>
        <p>{t('space.leave.intro')}</p>
        <Button variant="gentleWarning" onClick={() => setOpen(true)}>
          {t('space.leave.button')}
        </Button>
      </Panel>
      <ConfirmDialog
        open={open}
        onClose={close}
        onConfirm={confirm}
        heading={t('space.leave.dialog.heading')}
        confirmLabel={t('space.leave.dialog.confirm')}
        pendingLabel={t('space.leave.dialog.pending')}
        cancelLabel={t('space.leave.dialog.cancel')}
        pending={leave.isPending}
        error={leave.error?.message}
      >
        <ul>
          {partnerName && <li>{t('space.leave.dialog.partnerKeeps', { name: partnerName })}</li>}
          <li>{t('space.leave.dialog.private')}</li>
          <li>{t('space.leave.dialog.shared')}</li>
          <li>{t('space.leave.dialog.later')}</li>
        </ul>
      </ConfirmDialog>
    </>
  );
}
