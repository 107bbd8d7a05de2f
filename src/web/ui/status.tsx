import type { ReactNode } from 'react';
import { t } from '#web/i18n/index.ts';
import { Button } from './button';
import { cx } from './class-names';
import styles from './notice.module.css';

/** A calm "loading" line, announced politely to screen readers. */
export function Loading({ label }: { label: string }) {
  return (
    <p className={styles.loading} role="status">
      <span className={styles.spinner} aria-hidden="true" />
      {label}
    </p>
  );
}

export interface LoadErrorProps {
  /** Written for the person; API errors already are. */
  message: string;
  onRetry?: () => void;
}

/** Shown when something could not be loaded, with a way to try again. */
export function LoadError({ message, onRetry }: LoadErrorProps) {
  return (
    <div className={cx(styles.notice, styles.problem)} role="alert">
      <p>{message}</p>
      {onRetry && (
        <p>
          <Button variant="quiet" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </p>
      )}
    </div>
  );
}

export interface NoticeProps {
  tone?: 'info' | 'problem';
  /** `alert` for a problem that just happened; `status` for news; none for static text. */
  role?: 'alert' | 'status';
  children: ReactNode;
}

export function Notice({ tone = 'info', role, children }: NoticeProps) {
  return (
    <div className={cx(styles.notice, tone === 'problem' && styles.problem)} role={role}>
      {children}
    </div>
  );
}
