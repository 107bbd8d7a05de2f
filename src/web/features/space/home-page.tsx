import type { ReactNode } from 'react';
import type { TSpace } from '#shared/schemas/space.ts';
import { useMe } from '#web/core/session.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  formatDate,
  LoadError,
  Loading,
  Notice,
  Page,
  Panel,
  useAnnounce,
} from '#web/ui/index.ts';
import { useSpace } from '#web/core/space.ts';
import { useCreateSpace } from './api';
import { LeaveSpace } from './leave-space';
import styles from './space.module.css';

export interface HomePageProps {
  /** The invites feature's panel, composed in by the app shell. */
  invitePanel: ReactNode;
  /** What matters today (the today feature), composed in by the app shell; given my partner's name. */
  today: (partnerName: string | null) => ReactNode;
}

export function HomePage({ invitePanel, today }: HomePageProps) {
  const me = useMe();
  const space = useSpace();
  const name = me.data?.displayName ?? '';

  return (
    <Page title={t('space.title')} heading={t('space.greeting', { name })}>
      {space.isPending ? (
        <Loading label={t('space.loading')} />
      ) : space.isError ? (
        <LoadError message={space.error.message} onRetry={() => void space.refetch()} />
      ) : space.data.space === null ? (
        <div className={styles.home}>
          <div className={styles.todaySlot}>{today(null)}</div>
          <div className={styles.afterToday}>
            <NoSpace />
          </div>
        </div>
      ) : (
        <div className={styles.home}>
          <div className={styles.todaySlot}>
            {today(space.data.space.partner?.displayName ?? null)}
          </div>
          <div className={styles.afterToday}>
            {space.data.space.partner ? (
              <Together
                space={space.data.space}
                partnerName={space.data.space.partner.displayName}
              />
            ) : (
              <Panel heading={t('space.waiting.heading')}>
                <p>{t('space.waiting.body')}</p>
                <p>{t('space.waiting.body2')}</p>
                {invitePanel}
              </Panel>
            )}
            <LeaveSpace partnerName={space.data.space.partner?.displayName ?? null} />
          </div>
        </div>
      )}
    </Page>
  );
}

function NoSpace() {
  const createSpace = useCreateSpace();
  const announce = useAnnounce();
  return (
    <Panel heading={t('space.none.heading')}>
      <p>{t('space.none.body')}</p>
      <p>{t('space.none.body2')}</p>
      {createSpace.isError && (
        <Notice tone="problem" role="alert">
          <p>{createSpace.error.message}</p>
        </Notice>
      )}
      <p>
        <Button
          pending={createSpace.isPending}
          onClick={() =>
            createSpace.mutate(undefined, { onSuccess: () => announce(t('space.created')) })
          }
        >
          {createSpace.isPending ? t('space.none.pending') : t('space.none.create')}
        </Button>
      </p>
      <p className={styles.aside}>{t('space.none.joinHint')}</p>
    </Panel>
  );
}

function Together({ space, partnerName }: { space: TSpace; partnerName: string }) {
  // Shared from the moment the second of the two joined.
  const partnerJoinedAt = space.partner?.joinedAt ?? space.joinedAt;
  const since =
    Date.parse(partnerJoinedAt) > Date.parse(space.joinedAt) ? partnerJoinedAt : space.joinedAt;
  return (
    <Panel heading={t('space.together.heading')} quiet>
      <p>{t('space.together.since', { name: partnerName, date: formatDate(since) })}</p>
    </Panel>
  );
}
