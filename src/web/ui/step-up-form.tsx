import { useState, type FormEvent } from 'react';
import type { TStepUpBody } from '#shared/schemas/two-step.ts';
import { isApiError } from '#web/core/api-client.ts';
import { useStepUp } from '#web/core/step-up.ts';
import { t } from '#web/i18n/index.ts';
// From the index, like the pages: the design system stays one chunk in the build.
import { Button, ErrorSummary, Panel, TextField, useFormErrors } from '.';

const FIELDS = ['password', 'code'] as const;
type Field = (typeof FIELDS)[number];

/**
 * "Confirm it is you": the form a page shows when a sensitive action answers
 * `step_up_required` (see `isStepUpRequired` in core/step-up); `onDone` tries the action again.
 */
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
