import { useQueryClient } from '@tanstack/react-query';
import { StepUpForm } from '#web/ui/step-up-form.tsx';
import { t } from '#web/i18n/index.ts';
import { Page } from '#web/ui/index.ts';
import { unlockHere } from './relock-gate';

/**
 * Shown instead of any page while the session is locked after a pause: no content, no names,
 * only the way back in (password or a code). Quick exit stays in the safety bar above it.
 */
export function LockScreen() {
  const queryClient = useQueryClient();
  return (
    <Page
      title={t('twoStep.locked.title')}
      heading={t('twoStep.locked.heading')}
      lead={t('twoStep.locked.lead')}
      width="narrow"
    >
      <StepUpForm idPrefix="relock" onDone={() => unlockHere(queryClient)} />
    </Page>
  );
}
