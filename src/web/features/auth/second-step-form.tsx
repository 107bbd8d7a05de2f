import { useState, type FormEvent } from 'react';
import type { TSecondStepNeeded } from '#shared/schemas/two-step.ts';
import { t } from '#web/i18n/index.ts';
import { Button, ErrorSummary, Notice, Page, TextField, useFormErrors } from '#web/ui/index.ts';
import styles from './auth.module.css';
import { usePasskeySecondStep, useSecondStep } from './two-step-api';

type Field = 'code';
const CODE_ID = 'second-step-code';

/** The second step of a sign-in: a code from the app, a recovery code, or a passkey. */
export function SecondStepForm({
  steps,
  onStartAgain,
}: {
  steps: TSecondStepNeeded['secondStep'];
  onStartAgain: () => void;
}) {
  const [method, setMethod] = useState<'totp' | 'recovery'>(steps.totp ? 'totp' : 'recovery');
  const [code, setCode] = useState('');
  const secondStep = useSecondStep();
  const passkey = usePasskeySecondStep();
  const { errors, show, clear } = useFormErrors<Field>();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (secondStep.isPending) return;
    clear();
    secondStep.mutate(
      { method, code: code.trim() },
      { onError: (error) => show({ code: error.fields.code ?? error.message }, error.message) },
    );
  };

  return (
    <Page title={t('twoStep.signIn.heading')} heading={t('twoStep.signIn.heading')} width="narrow">
      <p>{t('twoStep.signIn.lead')}</p>
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={errors.fields.code ? [{ fieldId: CODE_ID, message: errors.fields.code }] : []}
      />
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <TextField
          key={method}
          id={CODE_ID}
          name="code"
          label={
            method === 'totp' ? t('twoStep.signIn.codeLabel') : t('twoStep.signIn.recoveryLabel')
          }
          hint={method === 'totp' ? t('twoStep.signIn.codeHint') : t('twoStep.signIn.recoveryHint')}
          inputMode={method === 'totp' ? 'numeric' : 'text'}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          value={code}
          onValueChange={setCode}
          error={errors.fields.code}
        />
        <Button type="submit" pending={secondStep.isPending}>
          {secondStep.isPending ? t('twoStep.signIn.pending') : t('twoStep.signIn.submit')}
        </Button>
      </form>
      {steps.totp && (
        <p>
          <Button
            variant="quiet"
            onClick={() => {
              setMethod(method === 'totp' ? 'recovery' : 'totp');
              setCode('');
              clear();
            }}
          >
            {method === 'totp' ? t('twoStep.signIn.useRecovery') : t('twoStep.signIn.useApp')}
          </Button>
        </p>
      )}
      {steps.passkey && (
        <>
          {passkey.isError && (
            <Notice tone="problem" role="alert">
              <p>{t('twoStep.signIn.passkeyFailed')}</p>
            </Notice>
          )}
          <p>
            <Button
              variant="secondary"
              pending={passkey.isPending}
              onClick={() => passkey.mutate()}
            >
              {t('twoStep.signIn.passkey')}
            </Button>
          </p>
        </>
      )}
      <p>
        <Button variant="quiet" onClick={onStartAgain}>
          {t('twoStep.signIn.startAgain')}
        </Button>
      </p>
    </Page>
  );
}
