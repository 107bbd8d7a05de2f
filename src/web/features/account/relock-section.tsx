import { useId } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RELOCK_CHOICES, ZTwoStepStatus, type TLockState } from '#shared/schemas/two-step.ts';
import { apiFetch } from '#web/core/api-client.ts';
import { t } from '#web/i18n/index.ts';
import { Notice, Panel, useAnnounce } from '#web/ui/index.ts';
import { lockStateKey, useLockState } from './relock-gate';
import styles from './relock.module.css';

/** The account page's choice of re-lock after a pause (off by default). */
export function RelockSection() {
  const state = useLockState(true);
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const id = useId();
  const set = useMutation({
    mutationFn: (minutes: TLockState['relockMinutes']) =>
      apiFetch('/api/auth/two-step/relock', {
        method: 'PUT',
        body: { minutes },
        schema: ZTwoStepStatus,
      }),
    onSuccess: ({ relockMinutes }) => {
      queryClient.setQueryData<TLockState>(lockStateKey, { locked: false, relockMinutes });
      announce(t('twoStep.relock.saved'));
    },
  });
  const current = state.data?.relockMinutes ?? null;
  return (
    <Panel heading={t('twoStep.relock.heading')}>
      <p>{t('twoStep.relock.lead')}</p>
      <label htmlFor={id}>{t('twoStep.relock.label')}</label>
      <select
        id={id}
        className={styles.select}
        value={current === null ? '' : String(current)}
        disabled={!state.data || set.isPending}
        onChange={(event) => {
          const value = event.target.value;
          set.mutate(value === '' ? null : (Number(value) as TLockState['relockMinutes']));
        }}
      >
        <option value="">{t('twoStep.relock.off')}</option>
        {RELOCK_CHOICES.map((m) => (
          <option key={m} value={m}>
            {t('twoStep.relock.minutes', { count: m })}
          </option>
        ))}
      </select>
      {set.isError && (
        <Notice tone="problem" role="alert">
          <p>{set.error.message}</p>
        </Notice>
      )}
    </Panel>
  );
}
