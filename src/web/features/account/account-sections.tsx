import { t } from '#web/i18n/index.ts';
import { Loading } from '#web/ui/index.ts';
import { ActivitySection } from './activity-section';
import { EmailSection } from './email-section';
import { NameSection } from './name-section';
import { PasswordSection } from './password-section';
import { RelockSection } from './relock-section';
import { SignOutEverywhereSection } from './sign-out-everywhere-section';
import { useAccount } from './api';

/**
 * The account settings the shell puts on the account page, one component per section; two-step
 * sign-in adds its own sections next to these.
 */
export function AccountSections() {
  const account = useAccount();
  if (!account.data) return <Loading label={t('account.activity.loading')} />;
  return (
    <>
      <NameSection current={account.data.displayName} />
      <EmailSection account={account.data} />
      <PasswordSection />
      <RelockSection />
      <ActivitySection />
      <SignOutEverywhereSection />
    </>
  );
}
