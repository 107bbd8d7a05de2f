import { useState, type FormEvent } from 'react';
import { ZChangeEmail, type TAccount } from '../../../shared/schemas/account';
import { t } from '../../i18n';
import {
  Button,
  fieldErrorsFromZod,
  Notice,
  Panel,
  pickKnownFields,
  TextField,
  useFormErrors,
} from '../../ui';
import { useChangeEmail, useResendVerification } from './api';

const FIELDS = ['newEmail', 'password'] as const;

export function EmailSection({ account }: { account: TAccount }) {
  const change = useChangeEmail();
  const resend = useResendVerification();
  const [values, setValues] = useState({ newEmail: '', password: '' });
  const { errors, show, clear } = useFormErrors<(typeof FIELDS)[number]>();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZChangeEmail.safeParse(values);
    if (!parsed.success) return show(fieldErrorsFromZod(parsed.error, FIELDS));
    clear();
    change.mutate(parsed.data, {
      onSuccess: () => setValues({ newEmail: '', password: '' }),
      onError: (e) => show(pickKnownFields(e.fields, FIELDS), e.message),
    });
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
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          value={values.newEmail}
          onValueChange={(v) => setValues((c) => ({ ...c, newEmail: v }))}
          error={errors.fields.newEmail}
        />
        <TextField
          id="account-email-password"
          name="password"
          type="password"
          label={t('account.email.password')}
          autoComplete="current-password"
          value={values.password}
          onValueChange={(v) => setValues((c) => ({ ...c, password: v }))}
          error={errors.fields.password}
        />
        {errors.message && !errors.fields.newEmail && !errors.fields.password && (
          <Notice tone="problem" role="alert">
            <p>{errors.message}</p>
          </Notice>
        )}
        {change.isSuccess && <p role="status">{t('account.email.sent')}</p>}
        <Button type="submit" variant="secondary" pending={change.isPending}>
          {change.isPending ? t('account.email.pending') : t('account.email.submit')}
        </Button>
      </form>
    </Panel>
  );
}
