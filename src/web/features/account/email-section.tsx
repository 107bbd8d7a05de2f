import { useState, type FormEvent } from 'react';
import { ZChangeEmail, type TAccount, type TChangeEmail } from '#shared/schemas/account.ts';
import { isStepUpRequired } from '#web/core/step-up.ts';
import { StepUpForm } from '#web/ui/step-up-form.tsx';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  fieldErrorsFromZod,
  Notice,
  Panel,
  pickKnownFields,
  TextField,
  useFormErrors,
} from '#web/ui/index.ts';
import { useChangeEmail, useResendVerification } from './api';

const FIELDS = ['newEmail'] as const;

/**
 * Moving the account to another address. The server asks the person to confirm it is them first
 * (step-up: password or a code); the form for that shows here, and the change is sent again
 * once they have.
 */
export function EmailSection({ account }: { account: TAccount }) {
  const change = useChangeEmail();
  const resend = useResendVerification();
  const [newEmail, setNewEmail] = useState('');
  const [confirming, setConfirming] = useState<TChangeEmail | null>(null);
  const { errors, show, clear } = useFormErrors<(typeof FIELDS)[number]>();
  const send = (body: TChangeEmail) =>
    change.mutate(body, {
      onSuccess: () => {
        setConfirming(null);
        setNewEmail('');
      },
      onError: (e) => {
        if (isStepUpRequired(e)) return setConfirming(body);
        setConfirming(null);
        show(pickKnownFields(e.fields, FIELDS), e.message);
      },
    });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (change.isPending) return;
    const parsed = ZChangeEmail.safeParse({ newEmail });
    if (!parsed.success) return show(fieldErrorsFromZod(parsed.error, FIELDS));
    clear();
    send(parsed.data);
  };
  return (
    <Panel heading={t('account.email.heading')}>
      <p>{t('account.email.current', { email: account.email })}</p>
      {!account.emailVerified && (
        <Notice>
          <p>{t('account.email.unverified')}</p>
          {resend.isSuccess ? (
            <p role="status">{t('account.email.resent')}</p>
          ) : (
            <Button variant="quiet" pending={resend.isPending} onClick={() => resend.mutate()}>
              {t('account.email.resend')}
            </Button>
          )}
        </Notice>
      )}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id="account-new-email"
          name="newEmail"
          type="email"
          label={t('account.email.new')}
          hint={t('account.email.hint')}
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          value={newEmail}
          onValueChange={setNewEmail}
          error={errors.fields.newEmail}
        />
        {errors.message && !errors.fields.newEmail && (
          <Notice tone="problem" role="alert">
            <p>{errors.message}</p>
          </Notice>
        )}
        {change.isSuccess && <p role="status">{t('account.email.sent')}</p>}
        {!confirming && (
          <Button type="submit" variant="secondary" pending={change.isPending}>
            {change.isPending ? t('account.email.pending') : t('account.email.submit')}
          </Button>
        )}
      </form>
      {confirming && <StepUpForm idPrefix="account-email" onDone={() => send(confirming)} />}
    </Panel>
  );
}
