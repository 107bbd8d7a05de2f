import { Link } from 'react-router';
import { useUnreadCount } from '#web/core/live.ts';
import { useMe } from '#web/core/session.ts';
import { t } from '#web/i18n/index.ts';
import styles from './bell.module.css';

/**
 * The bell in the safety bar: opens my notifications, with the unread count the live stream
 * keeps (no query of its own). Signed out, it is not there. Its name says the number, so a
 * screen reader hears "Notifications, 2 unread"; the badge itself is hidden from it.
 */
export function NotificationBell() {
  const me = useMe();
  if (!me.data) return null;
  return <SignedInBell />;
}

function SignedInBell() {
  const unread = useUnreadCount() ?? 0;
  const label = unread === 0 ? t('bell.none') : t('bell.unread', { count: unread });
  return (
    <Link to="/notifications" className={styles.bell} aria-label={label} title={label}>
      <svg className={styles.icon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15L6 16Z" />
        <path d="M10 20.5a2 2 0 0 0 4 0" />
      </svg>
      {unread > 0 && (
        <span className={styles.badge} aria-hidden="true" data-testid="bell-count">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
