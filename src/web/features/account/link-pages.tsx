import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ZEmail, ZNewPassword } from '#shared/schemas/auth.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  ErrorSummary,
  Loading,
  Notice,
  Page,
  pickKnownFields,
  summaryProblems,
  TextField,
  useFormErrors,
} from '#web/ui/index.ts';
import { useCompleteReset, useConfirmEmail, useRequestReset, useVerifyEmail } from './api';
import { useLinkToken } from './link-token';

/** After sign-up, when this device could not be signed in: the email says what to do. */
export function CheckEmailPage() {
  return (
    <Page
      title={t('account.checkEmail.title')}
      heading={t('account.checkEmail.heading')}
      width="narrow"
    >
      <p>{t('account.checkEmail.body')}</p>
      <p>
        <Link to="/signin">{t('account.checkEmail.signIn')}</Link>
      </p>
    </Page>
  );
}

/** Opened from the sign-up email: confirms the address at once (a POST; the token never in a URL a server sees). */
export function VerifyEmailPage() {
  const token = useLinkToken();
  const verify = useVerifyEmail();
  const sent = useRef(false);
  useEffect(() => {
    if (token && !sent.current) {
      sent.current = true;
      verify.mutate(token);
    }
  }, [token, verify]);
  return (
    <Page title={t('account.verify.title')} heading={t('account.verify.heading')} width="narrow">
      {!token ? (
        <Notice tone="problem">
          <p>{t('account.verify.noLink')}</p>
        </Notice>
      ) : verify.isSuccess ? (
        <Notice role="status">
          <p>{t('account.verify.done')}</p>
        </Notice>
      ) : verify.isError ? (
        <Notice tone="problem" role="alert">
          <p>{verify.error.message}</p>
        </Notice>
      ) : (
        <Loading label={t('account.verify.working')} />
      )}
      <p>
        <Link to="/home">{t('account.verify.continue')}</Link>
      </p>
    </Page>
  );
}

export function ForgotPasswordPage() {
  const request = useRequestReset();
  const [email, setEmail] = useState('');
  const { errors, show, clear } = useFormErrors<'email'>();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZEmail.safeParse(email);
    if (!parsed.success) {
      show({ email: parsed.error.issues[0]?.message ?? '' });
      return;
    }
    clear();
    request.mutate(parsed.data, { onError: (e) => show({}, e.message) });
  };
  return (
    <Page
      title={t('account.forgot.title')}
      heading={t('account.forgot.heading')}
      lead={t('account.forgot.intro')}
      width="narrow"
    >
      {request.isSuccess ? (
        <Notice role="status">
          <p>{t('account.forgot.sent')}</p>
        </Notice>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <ErrorSummary
            message={errors.message}
            focusKey={errors.focusKey}
            problems={summaryProblems(errors.fields, ['email'], { email: 'forgot-email' })}
          />
          <TextField
            id="forgot-email"
            name="email"
            type="email"
            label={t('auth.field.email')}
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            value={email}
            onValueChange={setEmail}
            error={errors.fields.email}
          />
          <Button type="submit" pending={request.isPending}>
            {request.isPending ? t('account.forgot.pending') : t('account.forgot.submit')}
          </Button>
        </form>
      )}
    </Page>
  );
}

export function ResetPasswordPage() {
  const token = useLinkToken();
  const reset = useCompleteReset();
  const [password, setPassword] = useState('');
  const { errors, show, clear } = useFormErrors<'password'>();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZNewPassword.safeParse(password);
    if (!parsed.success) {
      show({ password: parsed.error.issues[0]?.message ?? '' });
      return;
    }
    clear();
    reset.mutate(
      { token: token ?? '', password: parsed.data },
      { onError: (e) => show(pickKnownFields(e.fields, ['password'] as const), e.message) },
    );
  };
  if (!token)
    return (
      <Page title={t('account.reset.title')} heading={t('account.reset.heading')} width="narrow">
        <Notice tone="problem">
          <p>{t('account.verify.noLink')}</p>
        </Notice>
        <p>
          <Link to="/account/forgot">{t('account.reset.again')}</Link>
        </p>
      </Page>
    );
  return (
    <Page
      title={t('account.reset.title')}
      heading={t('account.reset.heading')}
      lead={t('account.reset.intro')}
      width="narrow"
    >
      {reset.isSuccess ? (
        <>
          <Notice role="status">
            <p>{t('account.reset.done')}</p>
          </Notice>
          <p>
            <Link to="/signin">{t('account.checkEmail.signIn')}</Link>
          </p>
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <ErrorSummary
            message={errors.message}
            focusKey={errors.focusKey}
            problems={summaryProblems(errors.fields, ['password'], { password: 'reset-password' })}
          />
          <TextField
            id="reset-password"
            name="password"
            type="password"
            label={t('account.reset.password')}
            hint={t('account.password.hint')}
            autoComplete="new-password"
            value={password}
            onValueChange={setPassword}
            error={errors.fields.password}
          />
          <Button type="submit" pending={reset.isPending}>
            {reset.isPending ? t('account.reset.pending') : t('account.reset.submit')}
          </Button>
          {reset.error?.code === 'link_expired' && (
            <p>
              <Link to="/account/forgot">{t('account.reset.again')}</Link>
            </p>
          )}
        </form>
      )}
    </Page>
  );
}

/** Opened from the email sent to a new address: one button, so a preview bot cannot confirm it. */
export function ConfirmEmailPage() {
  const token = useLinkToken();
  const confirm = useConfirmEmail();
  return (
    <Page
      title={t('account.emailConfirm.title')}
      heading={t('account.emailConfirm.heading')}
      lead={t('account.emailConfirm.intro')}
      width="narrow"
    >
      {!token ? (
        <Notice tone="problem">
          <p>{t('account.verify.noLink')}</p>
        </Notice>
      ) : confirm.isSuccess ? (
        <Notice role="status">
          <p>{t('account.emailConfirm.done')}</p>
        </Notice>
      ) : (
        <>
          {confirm.isError && (
            <Notice tone="problem" role="alert">
              <p>{confirm.error.message}</p>
            </Notice>
          )}
          <Button pending={confirm.isPending} onClick={() => confirm.mutate(token)}>
            {confirm.isPending
              ? t('account.emailConfirm.pending')
              : t('account.emailConfirm.submit')}
          </Button>
        </>
      )}
    </Page>
  );
}
