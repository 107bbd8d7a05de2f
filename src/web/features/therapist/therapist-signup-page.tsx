import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { ZTherapistSignUpBody } from '#shared/schemas/therapist.ts';
import type { ReturnState } from '#web/core/session.ts';
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
import { useTherapistSignUp } from './api';
import { getPendingTherapistLink, subscribePendingTherapistLink } from './pending-link';
import styles from './therapist.module.css';

const FIELDS = ['displayName', 'email', 'password', 'practiceName', 'licence'] as const;
type Field = (typeof FIELDS)[number];

const FIELD_IDS: Record<Field, string> = {
  displayName: 'therapist-signup-name',
  email: 'therapist-signup-email',
  password: 'therapist-signup-password',
  practiceName: 'therapist-signup-practice',
  licence: 'therapist-signup-licence',
};

/** Sign-up for therapists: an account like a partner's, plus the practice and licence. */
export function TherapistSignUpPage() {
  const me = useMe();
  const pendingLink = useSyncExternalStore(subscribePendingTherapistLink, getPendingTherapistLink);
  const signUp = useTherapistSignUp();
  const navigate = useNavigate();
  const { errors, show, clear } = useFormErrors<Field>();
  const [values, setValues] = useState<Record<Field, string>>({
    displayName: '',
    email: '',
    password: '',
    practiceName: '',
    licence: '',
  });

  if (me.data) {
    const to = pendingLink ? '/therapist/join' : me.data.therapist ? '/practice' : '/home';
    return <Navigate to={to} replace />;
  }

  const update = (field: Field) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signUp.isPending) return;
    const parsed = ZTherapistSignUpBody.safeParse(values);
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

  const backHere: ReturnState = { from: pendingLink ? '/therapist/join' : '/practice' };

  return (
    <Page
      title={t('therapist.signUp.title')}
      heading={t('therapist.signUp.heading')}
      lead={t('therapist.signUp.intro')}
      width="narrow"
    >
      {pendingLink && (
        <Notice>
          <p>{t('therapist.signUp.linkWaiting')}</p>
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
          label={t('therapist.field.displayName')}
          hint={t('therapist.field.displayName.hint')}
          autoComplete="name"
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
        <TextField
          id={FIELD_IDS.practiceName}
          name="practiceName"
          label={t('therapist.field.practiceName')}
          hint={t('therapist.field.practiceName.hint')}
          autoComplete="organization"
          maxLength={120}
          value={values.practiceName}
          onValueChange={update('practiceName')}
          error={errors.fields.practiceName}
        />
        <TextField
          id={FIELD_IDS.licence}
          name="licence"
          label={t('therapist.field.licence')}
          hint={t('therapist.field.licence.hint')}
          autoComplete="off"
          maxLength={300}
          value={values.licence}
          onValueChange={update('licence')}
          error={errors.fields.licence}
        />
        <Button type="submit" pending={signUp.isPending}>
          {signUp.isPending ? t('therapist.signUp.pending') : t('therapist.signUp.submit')}
        </Button>
      </form>
      <p className={styles.switch}>
        {t('therapist.signUp.haveAccount')}{' '}
        <Link to="/signin" state={backHere}>
          {t('therapist.signUp.toSignIn')}
        </Link>
      </p>
      <p>
        {t('therapist.signUp.partner')} <Link to="/signup">{t('therapist.signUp.toPartner')}</Link>
      </p>
    </Page>
  );
}
