import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { ZSignInBody } from '#shared/schemas/auth.ts';
import { getPendingInvite, subscribePendingInvite } from '#web/core/pending-invite.ts';
import { useMe } from '#web/core/session.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  ErrorSummary,
  fieldErrorsFromZod,
  Notice,
  Page,
  pickKnownFields,
  summaryProblems,
  TextField,
  useFormErrors,
} from '#web/ui/index.ts';
import { useSignIn } from './api';
import { SecondStepForm } from './second-step-form';
import type { TSecondStepNeeded } from '#shared/schemas/two-step.ts';
import styles from './auth.module.css';
import { destinationAfterAuth } from './destination';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

const FIELD_IDS: Record<Field, string> = {
  email: 'signin-email',
  password: 'signin-password',
};

export function SignInPage() {
  const me = useMe();
  const location = useLocation();
  const pendingInvite = useSyncExternalStore(subscribePendingInvite, getPendingInvite);
  const signIn = useSignIn();
  const { errors, show, clear } = useFormErrors<Field>();
  const [values, setValues] = useState<Record<Field, string>>({ email: '', password: '' });
  const [secondStep, setSecondStep] = useState<TSecondStepNeeded['secondStep'] | null>(null);

  if (me.data) {
    return <Navigate to={destinationAfterAuth(location.state, pendingInvite !== null)} replace />;
  }

  const update = (field: Field) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signIn.isPending) return;
    const parsed = ZSignInBody.safeParse(values);
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, FIELDS));
      return;
    }
    clear();
    signIn.mutate(parsed.data, {
      onSuccess: (result) => {
        if ('secondStep' in result) setSecondStep(result.secondStep);
      },
      onError: (error) => show(pickKnownFields(error.fields, FIELDS), error.message),
    });
  };

  if (secondStep) {
    return (
      <SecondStepForm
        steps={secondStep}
        onStartAgain={() => {
          setSecondStep(null);
          setValues({ email: values.email, password: '' });
        }}
      />
    );
  }

  return (
    <Page title={t('auth.signIn.title')} heading={t('auth.signIn.heading')} width="narrow">
      {pendingInvite && (
        <Notice>
          <p>{t('auth.inviteWaiting')}</p>
        </Notice>
      )}
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={summaryProblems(errors.fields, FIELDS, FIELD_IDS)}
      />
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <TextField
          id={FIELD_IDS.email}
          name="email"
          type="email"
          label={t('auth.field.email')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={values.email}
          onValueChange={update('email')}
          error={errors.fields.email}
        />
        <TextField
          id={FIELD_IDS.password}
          name="password"
          type="password"
          label={t('auth.field.password')}
          autoComplete="current-password"
          autoCapitalize="none"
          spellCheck={false}
          value={values.password}
          onValueChange={update('password')}
          error={errors.fields.password}
        />
        <Button type="submit" pending={signIn.isPending}>
          {signIn.isPending ? t('auth.signIn.pending') : t('auth.signIn.submit')}
        </Button>
      </form>
      <p>
        <Link to="/account/forgot">{t('account.forgot.link')}</Link>
      </p>
      <p className={styles.switch}>
        {t('auth.signIn.noAccount')}{' '}
        <Link to="/signup" state={location.state as unknown}>
          {t('auth.signIn.toSignUp')}
        </Link>
      </p>
      <p>
        {t('auth.therapistQuestion')} <Link to="/therapist/signup">{t('auth.therapistLink')}</Link>
      </p>
    </Page>
  );
}
