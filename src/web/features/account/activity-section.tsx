import type { MessageKey } from '#web/i18n/index.ts';
import { t } from '#web/i18n/index.ts';
import { formatDateTime, LoadError, Loading, Panel } from '#web/ui/index.ts';
import { useActivity } from './api';

function describe(kind: string): string {
  const key = `account.activity.kind.${kind}`;
  return key in KNOWN
    ? t(key as MessageKey as 'account.activity.kind.other')
    : t('account.activity.kind.other');
}

const KNOWN: Record<string, true> = Object.fromEntries(
  [
    'sign-in',
    'password-changed',
    'password-reset',
    'email-change-requested',
    'email-changed',
    'email-verified',
    'name-changed',
    'signed-out-everywhere',
  ].map((kind) => [`account.activity.kind.${kind}`, true]),
);

export function ActivitySection() {
  const activity = useActivity();
  return (
    <Panel heading={t('account.activity.heading')}>
      <p>{t('account.activity.intro')}</p>
      {activity.isPending ? (
        <Loading label={t('account.activity.loading')} />
      ) : activity.isError ? (
        <LoadError message={activity.error.message} onRetry={() => void activity.refetch()} />
      ) : activity.data.events.length === 0 ? (
        <p>{t('account.activity.none')}</p>
      ) : (
        <ul>
          {activity.data.events.map((event) => (
            <li key={event.id}>
              {t('account.activity.entry', {
                what: describe(event.kind),
                device: event.device,
                when: formatDateTime(event.at),
              })}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
