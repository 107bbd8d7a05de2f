import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZStepUpResponse, type TStepUpBody } from '../../shared/schemas/two-step';
import { t } from '../i18n';
import { Button, ErrorSummary, Panel, TextField, useFormErrors } from '../ui';
import { apiFetch, isApiError } from './api-client';
import { queryKeys } from './query-keys';

/**
 * "Confirm it is you": the step-up a sensitive action asks for (export, erasure, a change of the
 * second step or email, inviting a therapist). The server answers such an action with
 * `step_up_required`; the page shows this form, then tries the action again.
 */
export function isStepUpRequired(error: unknown): boolean {
  return isApiError(error) && error.code === 'step_up_required';
}

export function useStepUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TStepUpBody) =>
      apiFetch('/api/auth/step-up', { method: 'POST', body, schema: ZStepUpResponse }),
    // A wrong password or code answers 401: the form says so, the session is not over.
    meta: { unauthenticatedIsExpected: true },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.twoStep }),
  });
}

const FIELDS = ['password', 'code'] as const;
type Field = (typeof FIELDS)[number];

export function StepUpForm({ idPrefix, onDone }: { idPrefix: string; onDone: () => void }) {
  const stepUp = useStepUp();
  const { errors, show, clear } = useFormErrors<Field>();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const ids = { password: `${idPrefix}-stepup-password`, code: `${idPrefix}-stepup-code` };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (stepUp.isPending) return;
    const body: TStepUpBody | null = password
      ? { method: 'password', password }
      : code.trim()
        ? { method: 'totp', code: code.trim() }
        : null;
    if (!body) {
      show({ password: t('twoStep.stepUp.missing') });
      return;
    }
    clear();
    stepUp.mutate(body, {
      onSuccess: () => {
        setPassword('');
        setCode('');
        onDone();
      },
      onError: (error) => show(isApiError(error) ? error.fields : {}, error.message),
    });
  };

  return (
    <Panel heading={t('twoStep.stepUp.heading')}>
      <p>{t('twoStep.stepUp.lead')}</p>
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={FIELDS.filter((f) => errors.fields[f]).map((f) => ({
          fieldId: ids[f],
          message: errors.fields[f]!,
        }))}
      />
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id={ids.password}
          name="password"
          type="password"
          label={t('twoStep.stepUp.passwordLabel')}
          autoComplete="current-password"
          value={password}
          onValueChange={setPassword}
          error={errors.fields.password}
        />
        <TextField
          id={ids.code}
          name="code"
          label={t('twoStep.stepUp.codeLabel')}
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onValueChange={setCode}
          error={errors.fields.code}
        />
        <Button type="submit" pending={stepUp.isPending}>
          {stepUp.isPending ? t('twoStep.stepUp.pending') : t('twoStep.stepUp.submit')}
        </Button>
      </form>
    </Panel>
  );
}
