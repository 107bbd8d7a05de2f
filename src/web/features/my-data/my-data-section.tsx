import { useState } from 'react';
import { ERASURE_COOLING_OFF_DAYS } from '#shared/schemas/my-data.ts';
import { isStepUpRequired } from '#web/core/step-up.ts';
import { StepUpForm } from '#web/ui/step-up-form.tsx';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  ConfirmDialog,
  formatDateTime,
  LoadError,
  Loading,
  Notice,
  Panel,
  useAnnounce,
} from '#web/ui/index.ts';
import { downloadExport, useCancelErasure, useErasure, useScheduleErasure } from './api';
import styles from './my-data.module.css';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The account page's "download my data" and "delete my account" sections. */
export function MyDataSection() {
  return (
    <>
      <ExportPanel />
      <ErasurePanel />
    </>
  );
}

function ExportPanel() {
  const announce = useAnnounce();
  const [state, setState] = useState<
    | { phase: 'idle' | 'done' | 'step-up' }
    | { phase: 'failed'; message: string }
    | { phase: 'running'; received: number; estimate: number }
  >({ phase: 'idle' });

  const start = () => {
    setState({ phase: 'running', received: 0, estimate: 1 });
    downloadExport((received, estimate) => setState({ phase: 'running', received, estimate }))
      .then(() => {
        setState({ phase: 'done' });
        announce(t('myData.export.done'));
      })
      .catch((error: unknown) => {
        if (isStepUpRequired(error)) setState({ phase: 'step-up' });
        else
          setState({
            phase: 'failed',
            message: error instanceof Error ? error.message : t('myData.export.failed'),
          });
      });
  };

  return (
    <Panel heading={t('myData.export.heading')}>
      <p>{t('myData.export.lead')}</p>
      {state.phase === 'step-up' && <StepUpForm idPrefix="export" onDone={start} />}
      {state.phase === 'running' && (
        <div role="status">
          <label htmlFor="export-progress">{t('myData.export.progress')}</label>
          <progress
            id="export-progress"
            className={styles.progress}
            max={100}
            value={Math.min(99, Math.round((state.received / state.estimate) * 100))}
          />
          <p>{t('myData.export.progressText', { received: formatBytes(state.received) })}</p>
        </div>
      )}
      {state.phase === 'done' && (
        <Notice>
          <p>{t('myData.export.done')}</p>
        </Notice>
      )}
      {state.phase === 'failed' && (
        <Notice tone="problem" role="alert">
          <p>{state.message}</p>
        </Notice>
      )}
      {state.phase !== 'step-up' && (
        <Button pending={state.phase === 'running'} onClick={start}>
          {state.phase === 'running' ? t('myData.export.pending') : t('myData.export.button')}
        </Button>
      )}
    </Panel>
  );
}

function ErasurePanel() {
  const erasure = useErasure();
  const schedule = useScheduleErasure();
  const cancel = useCancelErasure();
  const announce = useAnnounce();
  const [asking, setAsking] = useState(false);
  const [needStepUp, setNeedStepUp] = useState(false);
  const days = ERASURE_COOLING_OFF_DAYS;

  const onConfirm = () =>
    schedule.mutate(undefined, {
      onSuccess: () => setAsking(false),
      onError: (error) => {
        if (isStepUpRequired(error)) {
          setAsking(false);
          setNeedStepUp(true);
        }
      },
    });

  return (
    <Panel heading={t('myData.erase.heading')}>
      {erasure.isPending ? (
        <Loading label={t('myData.erase.loading')} />
      ) : erasure.isError ? (
        <LoadError message={erasure.error.message} onRetry={() => void erasure.refetch()} />
      ) : erasure.data.scheduled ? (
        <>
          <Notice>
            <p>
              {t('myData.erase.scheduled', {
                date: formatDateTime(erasure.data.scheduled.executeAt),
              })}
            </p>
          </Notice>
          <Button
            pending={cancel.isPending}
            onClick={() =>
              cancel.mutate(undefined, { onSuccess: () => announce(t('myData.erase.cancelled')) })
            }
          >
            {t('myData.erase.cancel')}
          </Button>
        </>
      ) : (
        <>
          <p>{t('myData.erase.lead')}</p>
          <ul>
            <li>{t('myData.erase.rule.private')}</li>
            <li>{t('myData.erase.rule.shared')}</li>
            <li>{t('myData.erase.rule.coauthored')}</li>
            <li>{t('myData.erase.rule.therapist')}</li>
            <li>{t('myData.erase.rule.log')}</li>
            <li>{t('myData.erase.rule.wait', { days })}</li>
          </ul>
          {needStepUp && (
            <StepUpForm
              idPrefix="erase"
              onDone={() => {
                setNeedStepUp(false);
                setAsking(true);
              }}
            />
          )}
          {cancel.isSuccess && (
            <Notice>
              <p>{t('myData.erase.cancelled')}</p>
            </Notice>
          )}
          <Button variant="secondary" onClick={() => setAsking(true)}>
            {t('myData.erase.button', { days })}
          </Button>
          <ConfirmDialog
            open={asking}
            onClose={() => setAsking(false)}
            onConfirm={onConfirm}
            heading={t('myData.erase.confirmTitle')}
            confirmLabel={t('myData.erase.confirm', { days })}
            pendingLabel={t('myData.export.pending')}
            cancelLabel={t('myData.erase.keep')}
            pending={schedule.isPending}
            error={
              schedule.isError && !isStepUpRequired(schedule.error)
                ? schedule.error.message
                : undefined
            }
          >
            <p>{t('myData.erase.confirmBody', { days })}</p>
          </ConfirmDialog>
        </>
      )}
    </Panel>
  );
}
