import { completeSignOut } from '#web/core/query-client.ts';
import { t } from '#web/i18n/index.ts';
import { Button, Notice, Panel } from '#web/ui/index.ts';
import { useSignOutEverywhere } from './api';

export function SignOutEverywhereSection() {
  const signOut = useSignOutEverywhere();
  return (
    <Panel heading={t('account.everywhere.heading')}>
      <p>{t('account.everywhere.body')}</p>
      {signOut.isError && (
        <Notice tone="problem" role="alert">
          <p>{signOut.error.message}</p>
        </Notice>
      )}
      <Button
        variant="secondary"
        pending={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSuccess: completeSignOut })}
      >
        {signOut.isPending ? t('account.everywhere.pending') : t('account.everywhere.button')}
      </Button>
    </Panel>
  );
}
