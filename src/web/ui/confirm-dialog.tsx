import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button, buttonRowClass } from './button';
import styles from './confirm-dialog.module.css';
import { Notice } from './status';

export interface ConfirmDialogProps {
  open: boolean;
  /** Called for Stay, for Escape, and after the dialog closes on its own. */
  onClose: () => void;
  onConfirm: () => void;
  heading: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel: string;
  pending: boolean;
  error?: string | undefined;
}

/**
 * A modal question built on the native `<dialog>`: the browser keeps focus inside, closes it on
 * Escape, and returns focus to the button that opened it. Focus starts on the safe choice.
 */
export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  heading,
  children,
  confirmLabel,
  pendingLabel,
  cancelLabel,
  pending,
  error,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog ref={dialogRef} className={styles.dialog} aria-labelledby={headingId} onClose={onClose}>
      <h2 id={headingId} className={styles.heading}>
        {heading}
      </h2>
      <div className={styles.body}>{children}</div>
      {error && (
        <Notice tone="problem" role="alert">
          <p>{error}</p>
        </Notice>
      )}
      <div className={buttonRowClass}>
        <Button ref={cancelRef} variant="primary" onClick={onClose}>
          {cancelLabel}
        </Button>
        <Button variant="gentleWarning" pending={pending} onClick={onConfirm}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
