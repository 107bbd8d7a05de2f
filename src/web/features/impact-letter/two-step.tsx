import { useState } from 'react';
import { t } from '#web/i18n/index.ts';
import { Button, ConfirmDialog, type ButtonVariant } from '#web/ui/index.ts';

export interface TwoStepProps {
  /** The first step: a button that only asks. */
  label: string;
  variant?: ButtonVariant;
  heading: string;
  body: string;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel?: string;
  /** The second step. Rejects with a message to show in the dialog. */
  onConfirm: () => Promise<unknown>;
}

/**
 * Sharing or sending, in two explicit steps (BRIEF §3), like the core's ShareControl but with
 * words that say exactly what will be shared, and with whom.
 */
export function TwoStep({
  label,
  variant = 'secondary',
  heading,
  body,
  confirmLabel,
  pendingLabel,
  cancelLabel = t('impact-letter.notNow'),
  onConfirm,
}: TwoStepProps) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const confirm = async () => {
    setPending(true);
    setError(undefined);
    try {
      await onConfirm();
      setOpen(false);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : t('common.tryAgain'));
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => {
          setOpen(false);
          setError(undefined);
        }}
        onConfirm={() => void confirm()}
        heading={heading}
        confirmLabel={confirmLabel}
        pendingLabel={pendingLabel}
        cancelLabel={cancelLabel}
        pending={pending}
        error={error}
      >
        <p>{body}</p>
      </ConfirmDialog>
    </>
  );
}
