import { completeSignOut } from '../../core/query-client';
import { t } from '../../i18n';
import { Button, Notice, Panel } from '../../ui';
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
