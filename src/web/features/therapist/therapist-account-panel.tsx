import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ZTherapistProfileBody } from '#shared/schemas/therapist.ts';
import { useMe } from '#web/core/session.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  ErrorSummary,
  fieldErrorsFromZod,
  formatDate,
  LoadError,
  Loading,
  Panel,
  pickKnownFields,
  summaryProblems,
  TextField,
  useAnnounce,
  useFormErrors,
} from '#web/ui/index.ts';
import { useTherapistProfile, useUpdateTherapistProfile } from './api';
import styles from './therapist.module.css';

const FIELDS = ['practiceName', 'licence'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_IDS: Record<Field, string> = {
  practiceName: 'profile-practice',
  licence: 'profile-licence',
};

/**
 * On the account page: a therapist's practice details (the verified mark is shown, never
 * edited); for a partner, the way to the "Your therapist" page.
 */
export function TherapistAccountPanel() {
  const me = useMe();
  if (!me.data) return null;
  if (!me.data.therapist) {
    return (
      <p>
        {t('therapist.account.partnerLink')}{' '}
        <Link to="/therapist">{t('therapist.account.partnerLinkText')}</Link>.
      </p>
    );
  }
  return <PracticePanel />;
}

function PracticePanel() {
  const profile = useTherapistProfile(true);
  const save = useUpdateTherapistProfile();
  const announce = useAnnounce();
  const { errors, show, clear } = useFormErrors<Field>();
  const [values, setValues] = useState<Record<Field, string> | null>(null);

  useEffect(() => {
    if (profile.data && values === null) {
      setValues({ practiceName: profile.data.practiceName, licence: profile.data.licence });
    }
  }, [profile.data, values]);

  let body;
  if (profile.isPending || !values) {
    body = <Loading label={t('therapist.profile.loading')} />;
  } else if (profile.isError) {
    body = <LoadError message={profile.error.message} onRetry={() => void profile.refetch()} />;
  } else {
    const onSubmit = (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (save.isPending) return;
      const parsed = ZTherapistProfileBody.safeParse(values);
      if (!parsed.success) {
        show(fieldErrorsFromZod(parsed.error, FIELDS));
        return;
      }
      clear();
      save.mutate(parsed.data, {
        onSuccess: () => announce(t('therapist.profile.saved')),
        onError: (error) => show(pickKnownFields(error.fields, FIELDS), error.message),
      });
    };
    const verifiedAt = profile.data?.verifiedAt;
    body = (
      <>
        <dl className={styles.details}>
          <dt>{t('therapist.profile.status')}</dt>
          <dd>
            {verifiedAt
              ? t('therapist.profile.verifiedOn', { date: formatDate(verifiedAt) })
              : t('therapist.profile.unverified')}
          </dd>
        </dl>
        <ErrorSummary
          message={errors.message}
          focusKey={errors.focusKey}
          problems={summaryProblems(errors.fields, FIELDS, FIELD_IDS)}
        />
        <form onSubmit={onSubmit} noValidate>
          <TextField
            id={FIELD_IDS.practiceName}
            name="practiceName"
            label={t('therapist.field.practiceName')}
            hint={t('therapist.field.practiceName.hint')}
            autoComplete="organization"
            maxLength={120}
            value={values.practiceName}
            onValueChange={(v) => setValues({ ...values, practiceName: v })}
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
            onValueChange={(v) => setValues({ ...values, licence: v })}
            error={errors.fields.licence}
          />
          <Button type="submit" pending={save.isPending}>
            {save.isPending ? t('therapist.profile.saving') : t('therapist.profile.save')}
          </Button>
        </form>
      </>
    );
  }
  return <Panel heading={t('therapist.profile.heading')}>{body}</Panel>;
}
