import { useId, useState, type FormEvent } from 'react';
import type { TTwoStepStatus } from '#shared/schemas/two-step.ts';
import { isStepUpRequired } from '#web/core/step-up.ts';
import { StepUpForm } from '#web/ui/step-up-form.tsx';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  formatDate,
  LoadError,
  Loading,
  Notice,
  Panel,
  TextField,
  useAnnounce,
} from '#web/ui/index.ts';
import styles from './two-step.module.css';
import {
  useAddPasskey,
  useConfirmTotp,
  useNewRecoveryCodes,
  useRemovePasskey,
  useStartTotp,
  useTurnOffTotp,
  useTwoStepStatus,
} from './two-step-api';

/**
 * The account page's two-step section: the authenticator app, recovery codes and passkeys.
 * Changes to the second step ask the person to confirm it is them first. (The re-lock after a
 * pause is its own section of the account page, with its lock screen: features/account.)
 */
export function TwoStepSection() {
  const status = useTwoStepStatus();
  const [retry, setRetry] = useState<(() => void) | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  /** Runs an action; if it needs a step-up, asks for one and runs it again afterwards. */
  const guarded = (action: () => Promise<unknown>) => {
    action().catch((error: unknown) => {
      if (isStepUpRequired(error)) setRetry(() => () => void action().catch(() => undefined));
    });
  };

  return (
    <Panel heading={t('twoStep.section.heading')}>
      <p>{t('twoStep.section.lead')}</p>
      {retry && (
        <StepUpForm
          idPrefix="two-step"
          onDone={() => {
            const again = retry;
            setRetry(null);
            again();
          }}
        />
      )}
      {codes && <RecoveryCodes codes={codes} onSaved={() => setCodes(null)} />}
      {status.isPending ? (
        <Loading label={t('twoStep.section.loading')} />
      ) : status.isError ? (
        <LoadError message={status.error.message} onRetry={() => void status.refetch()} />
      ) : (
        <>
          <AuthenticatorApp status={status.data} guarded={guarded} onCodes={setCodes} />
          <Passkeys status={status.data} guarded={guarded} onCodes={setCodes} />
        </>
      )}
    </Panel>
  );
}

type Guarded = (action: () => Promise<unknown>) => void;

function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const id = useId();
  return (
    <Notice>
      <h3 id={id}>{t('twoStep.codes.heading')}</h3>
      <p>{t('twoStep.codes.lead')}</p>
      <ul className={styles.codes} aria-labelledby={id} data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Button onClick={onSaved}>{t('twoStep.codes.saved')}</Button>
    </Notice>
  );
}

function AuthenticatorApp({
  status,
  guarded,
  onCodes,
}: {
  status: TTwoStepStatus;
  guarded: Guarded;
  onCodes: (codes: string[]) => void;
}) {
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const off = useTurnOffTotp();
  const regenerate = useNewRecoveryCodes();
  const announce = useAnnounce();
  const [code, setCode] = useState('');

  const onConfirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    guarded(() =>
      confirm.mutateAsync(code.trim()).then(({ recoveryCodes }) => {
        start.reset();
        setCode('');
        onCodes(recoveryCodes);
      }),
    );
  };

  return (
    <section className={styles.block} aria-labelledby="two-step-app-heading">
      <h3 id="two-step-app-heading">{t('twoStep.app.heading')}</h3>
      <p>{status.totp ? t('twoStep.app.on') : t('twoStep.app.off')}</p>
      {status.totp ? (
        <>
          <p>{t('twoStep.codes.left', { count: status.recoveryCodesLeft })}</p>
          {regenerate.isError && !isStepUpRequired(regenerate.error) && (
            <Notice tone="problem" role="alert">
              <p>{regenerate.error.message}</p>
            </Notice>
          )}
          <p>
            <Button
              variant="secondary"
              pending={regenerate.isPending}
              onClick={() =>
                guarded(() =>
                  regenerate.mutateAsync().then(({ recoveryCodes }) => {
                    onCodes(recoveryCodes);
                    announce(t('twoStep.codes.regenerated'));
                  }),
                )
              }
            >
              {t('twoStep.codes.regenerate')}
            </Button>
          </p>
          <p>
            <Button
              variant="quiet"
              pending={off.isPending}
              onClick={() =>
                guarded(() => off.mutateAsync().then(() => announce(t('twoStep.app.turnedOff'))))
              }
            >
              {t('twoStep.app.turnOff')}
            </Button>
          </p>
        </>
      ) : start.data ? (
        <form onSubmit={onConfirm} noValidate>
          <h4>{t('twoStep.setup.heading')}</h4>
          <p>{t('twoStep.setup.step1')}</p>
          <p>
            {t('twoStep.setup.keyLabel')}:{' '}
            <span className={styles.key} data-testid="totp-secret">
              {start.data.secret.replace(/(.{4})/g, '$1 ').trim()}
            </span>
          </p>
          <p>{t('twoStep.setup.step2')}</p>
          <TextField
            id="two-step-setup-code"
            name="code"
            label={t('twoStep.setup.codeLabel')}
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onValueChange={setCode}
            error={
              confirm.isError && !isStepUpRequired(confirm.error)
                ? confirm.error.message
                : undefined
            }
          />
          <Button type="submit" pending={confirm.isPending}>
            {confirm.isPending ? t('twoStep.setup.pending') : t('twoStep.setup.submit')}
          </Button>{' '}
          <Button variant="quiet" onClick={() => start.reset()}>
            {t('twoStep.setup.cancel')}
          </Button>
        </form>
      ) : (
        <Button pending={start.isPending} onClick={() => guarded(() => start.mutateAsync())}>
          {t('twoStep.app.turnOn')}
        </Button>
      )}
    </section>
  );
}

function Passkeys({
  status,
  guarded,
  onCodes,
}: {
  status: TTwoStepStatus;
  guarded: Guarded;
  onCodes: (codes: string[]) => void;
}) {
  const add = useAddPasskey();
  const remove = useRemovePasskey();
  const announce = useAnnounce();
  const [label, setLabel] = useState('');
  const supported = typeof window !== 'undefined' && 'PublicKeyCredential' in window;

  const onAdd = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    guarded(() =>
      add.mutateAsync(label.trim() || 'Passkey').then((added) => {
        setLabel('');
        announce(t('twoStep.passkeys.added'));
        if (added.recoveryCodes) onCodes(added.recoveryCodes);
      }),
    );
  };

  return (
    <section className={styles.block} aria-labelledby="two-step-passkeys-heading">
      <h3 id="two-step-passkeys-heading">{t('twoStep.passkeys.heading')}</h3>
      <p>{t('twoStep.passkeys.lead')}</p>
      {status.passkeys.length === 0 ? (
        <p>{t('twoStep.passkeys.none')}</p>
      ) : (
        <ul className={styles.passkeys}>
          {status.passkeys.map((key) => (
            <li key={key.id} className={styles.passkey}>
              <span>
                <strong>{key.label}</strong>{' '}
                {t('twoStep.passkeys.since', { date: formatDate(key.createdAt) })}
              </span>
              <Button
                variant="quiet"
                pending={remove.isPending && remove.variables === key.id}
                onClick={() =>
                  guarded(() =>
                    remove.mutateAsync(key.id).then(() => announce(t('twoStep.passkeys.removed'))),
                  )
                }
              >
                {t('twoStep.passkeys.remove')}
                <span className="visually-hidden"> {key.label}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {supported ? (
        <form onSubmit={onAdd} noValidate>
          {add.isError && !isStepUpRequired(add.error) && (
            <Notice tone="problem" role="alert">
              <p>{t('twoStep.passkeys.failed')}</p>
            </Notice>
          )}
          <TextField
            id="two-step-passkey-name"
            name="label"
            label={t('twoStep.passkeys.nameLabel')}
            hint={t('twoStep.passkeys.nameHint')}
            maxLength={60}
            value={label}
            onValueChange={setLabel}
          />
          <Button type="submit" variant="secondary" pending={add.isPending}>
            {t('twoStep.passkeys.add')}
          </Button>
        </form>
      ) : (
        <p>{t('twoStep.passkeys.unsupported')}</p>
      )}
    </section>
  );
}
