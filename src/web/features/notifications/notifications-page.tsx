import { Link } from 'react-router';
import type { TNotification } from '#shared/schemas/notifications.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  formatDateTime,
  LoadError,
  Loading,
  Page,
  Panel,
  useAnnounce,
} from '#web/ui/index.ts';
import { useMarkRead, useNotifications } from './api';
import styles from './notifications.module.css';

/** The neutral words of an entry: its kind and who did it, nothing of what they wrote. */
export function notificationText(entry: Pick<TNotification, 'kind' | 'actorName'>): string {
  const name = entry.actorName ?? t('notifications.someone');
  return t(`notifications.kind.${entry.kind}`, { name });
}

function Entry({ entry }: { entry: TNotification }) {
  const mark = useMarkRead();
  return (
    <li className={entry.read ? styles.entry : `${styles.entry} ${styles.unread}`}>
      <p className={styles.text}>
        {!entry.read && <span className={styles.tag}>{t('notifications.unreadTag')} </span>}
        <Link to={entry.link} onClick={() => !entry.read && mark.mutate(entry.id)}>
          {notificationText(entry)}
        </Link>
      </p>
      <p className={styles.meta}>
        <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
        {!entry.read && (
          <Button
            variant="quiet"
            className={styles.markOne}
            pending={mark.isPending}
            onClick={() => mark.mutate(entry.id)}
          >
            {t('notifications.markOne')}
          </Button>
        )}
      </p>
    </li>
  );
}

/** My notifications, newest first, a page at a time; each opens the thing it is about. */
export function NotificationsPage() {
  const list = useNotifications();
  const markAll = useMarkRead();
  const announce = useAnnounce();
  const entries = list.data?.pages.flatMap((page) => page.notifications) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;
  return (
    <Page
      title={t('notifications.title')}
      heading={t('notifications.heading')}
      lead={t('notifications.lead')}
      width="narrow"
    >
      <Panel heading={t('notifications.listHeading')}>
        {list.isPending && <Loading label={t('notifications.loading')} />}
        {list.isError && (
          <LoadError message={list.error.message} onRetry={() => void list.refetch()} />
        )}
        {list.data && entries.length === 0 && <p>{t('notifications.empty')}</p>}
        {unread > 0 && (
          <p className={styles.actions}>
            <span>{t('notifications.unreadCount', { count: unread })}</span>
            <Button
              variant="secondary"
              pending={markAll.isPending}
              onClick={() =>
                markAll.mutate('all', {
                  onSuccess: () => announce(t('notifications.markedAll')),
                })
              }
            >
              {t('notifications.markAll')}
            </Button>
          </p>
        )}
        {entries.length > 0 && (
          <ol className={styles.list}>
            {entries.map((entry) => (
              <Entry key={entry.id} entry={entry} />
            ))}
          </ol>
        )}
        {list.hasNextPage && (
          <p>
            <Button
              variant="quiet"
              pending={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {list.isFetchingNextPage ? t('notifications.loadingMore') : t('notifications.more')}
            </Button>
          </p>
        )}
      </Panel>
      <p>
        <Link to="/notifications/settings">{t('notifications.settingsLink')}</Link>
      </p>
    </Page>
  );
}
