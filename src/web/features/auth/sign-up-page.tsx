import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ZSignUpBody } from '#shared/schemas/auth.ts';
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
import { useSignUp } from './api';
import styles from './auth.module.css';
import { destinationAfterAuth } from './destination';

const FIELDS = ['displayName', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

const FIELD_IDS: Record<Field, string> = {
  displayName: 'signup-name',
  email: 'signup-email',
  password: 'signup-password',
};

export function SignUpPage() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const pendingInvite = useSyncExternalStore(subscribePendingInvite, getPendingInvite);
  const signUp = useSignUp();
  const { errors, show, clear } = useFormErrors<Field>();
  const [values, setValues] = useState<Record<Field, string>>({
    displayName: '',
    email: '',
    password: '',
  });

  if (me.data) {
    return <Navigate to={destinationAfterAuth(location.state, pendingInvite !== null)} replace />;
  }

  const update = (field: Field) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signUp.isPending) return;
    const parsed = ZSignUpBody.safeParse(values);
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, FIELDS));
      return;
    }
    clear();
    signUp.mutate(parsed.data, {
      onSuccess: (signedIn) => {
        if (!signedIn) void navigate('/account/check-email');
      },
      onError: (error) => show(pickKnownFields(error.fields, FIELDS), error.message),
    });
  };

  return (
    <Page
      title={t('auth.signUp.title')}
      heading={t('auth.signUp.heading')}
      lead={t('auth.signUp.intro')}
      width="narrow"
    >
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
          id={FIELD_IDS.displayName}
          name="displayName"
          label={t('auth.field.displayName')}
          hint={t('auth.field.displayName.hint')}
          autoComplete="nickname"
          maxLength={60}
          value={values.displayName}
          onValueChange={update('displayName')}
          error={errors.fields.displayName}
        />
        <TextField
          id={FIELD_IDS.email}
          name="email"
          type="email"
          label={t('auth.field.email')}
          autoComplete="email"
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
          hint={t('auth.field.password.hint')}
          autoComplete="new-password"
          autoCapitalize="none"
          spellCheck={false}
          value={values.password}
          onValueChange={update('password')}
          error={errors.fields.password}
        />
        <Button type="submit" pending={signUp.isPending}>
          {signUp.isPending ? t('auth.signUp.pending') : t('auth.signUp.submit')}
        </Button>
      </form>
      <p className={styles.switch}>
        {t('auth.signUp.haveAccount')}{' '}
        <Link to="/signin" state={location.state as unknown}>
          {t('auth.signUp.toSignIn')}
        </Link>
      </p>
      <p>
        {t('auth.therapistQuestion')} <Link to="/therapist/signup">{t('auth.therapistLink')}</Link>
      </p>
    </Page>
  );
}
