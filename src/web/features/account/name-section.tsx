import { useState, type FormEvent } from 'react';
import { ZDisplayName } from '#shared/schemas/auth.ts';
import { t } from '#web/i18n/index.ts';
import { Button, Notice, Panel, TextField, useFormErrors } from '#web/ui/index.ts';
import { useChangeName } from './api';

export function NameSection({ current }: { current: string }) {
  const change = useChangeName();
  const [name, setName] = useState(current);
  const { errors, show, clear } = useFormErrors<'displayName'>();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZDisplayName.safeParse(name);
    if (!parsed.success) return show({ displayName: parsed.error.issues[0]?.message ?? '' });
    clear();
    change.mutate({ displayName: parsed.data }, { onError: (e) => show({}, e.message) });
  };
  return (
    <Panel heading={t('account.name.heading')}>
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id="account-name"
          name="displayName"
          label={t('account.name.label')}
          autoComplete="nickname"
          maxLength={60}
          value={name}
          onValueChange={setName}
          error={errors.fields.displayName}
        />
        {errors.message && (
          <Notice tone="problem" role="alert">
            <p>{errors.message}</p>
          </Notice>
        )}
        {change.isSuccess && <p role="status">{t('account.name.done')}</p>}
        <Button type="submit" variant="secondary" pending={change.isPending}>
          {change.isPending ? t('account.name.pending') : t('account.name.submit')}
        </Button>
      </form>
    </Panel>
  );
}
