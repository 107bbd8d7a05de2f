import { useState, type FormEvent } from 'react';
import { ZChangePassword } from '#shared/schemas/account.ts';
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
import { useChangePassword } from './api';

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function PasswordSection() {
  const change = useChangePassword();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const { errors, show, clear } = useFormErrors<(typeof FIELDS)[number]>();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZChangePassword.safeParse(values);
    if (!parsed.success) return show(fieldErrorsFromZod(parsed.error, FIELDS));
    clear();
    change.mutate(parsed.data, {
      onSuccess: () => setValues({ currentPassword: '', newPassword: '' }),
      onError: (e) => show(pickKnownFields(e.fields, FIELDS), e.message),
    });
  };
  return (
    <Panel heading={t('account.password.heading')}>
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id="account-current-password"
          name="currentPassword"
          type="password"
          label={t('account.password.current')}
          autoComplete="current-password"
          value={values.currentPassword}
          onValueChange={(v) => setValues((c) => ({ ...c, currentPassword: v }))}
          error={errors.fields.currentPassword}
        />
        <TextField
          id="account-new-password"
          name="newPassword"
          type="password"
          label={t('account.password.new')}
          hint={t('account.password.hint')}
          autoComplete="new-password"
          value={values.newPassword}
          onValueChange={(v) => setValues((c) => ({ ...c, newPassword: v }))}
          error={errors.fields.newPassword}
        />
        {errors.message && !errors.fields.currentPassword && !errors.fields.newPassword && (
          <Notice tone="problem" role="alert">
            <p>{errors.message}</p>
          </Notice>
        )}
        {change.isSuccess && <p role="status">{t('account.password.done')}</p>}
        <Button type="submit" variant="secondary" pending={change.isPending}>
          {change.isPending ? t('account.password.pending') : t('account.password.submit')}
        </Button>
      </form>
    </Panel>
  );
}
