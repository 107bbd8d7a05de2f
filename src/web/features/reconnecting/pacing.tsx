import { useState, type FormEvent } from 'react';
import {
  PACES,
  PACING_WORDS_MAX,
  ZPacingInput,
  type TPace,
  type TPacing,
} from '#shared/schemas/reconnecting.ts';
import { t } from '#web/i18n/index.ts';
import { Button, buttonRowClass, Notice, Panel, useAnnounce } from '#web/ui/index.ts';
import { ConflictPanel } from '#web/ui/conflict-panel.tsx';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import { Conflict, useAgreePacing, usePause, useProposePacing } from './api';
import { ChoiceField, useChecked } from './parts';
import styles from './reconnecting.module.css';

const PACE_WORDS = {
  closeness: 'reconnecting.pacing.pace.closeness',
  gentle: 'reconnecting.pacing.pace.gentle',
  slowly: 'reconnecting.pacing.pace.slowly',
  open: 'reconnecting.pacing.pace.open',
} as const satisfies Record<TPace, string>;

const FIELDS = ['pace', 'words'] as const;
type Field = (typeof FIELDS)[number];
const fieldId = (field: Field) => `pacing-${field}`;

function PacingForm({
  pacing,
  partnerName,
  onDone,
}: {
  pacing: TPacing;
  partnerName: string;
  onDone: () => void;
}) {
  const [pace, setPace] = useState<TPace | null>(pacing.pace);
  const [words, setWords] = useState(pacing.words);
  const [base, setBase] = useState(pacing.version);
  const [conflict, setConflict] = useState<TPacing | null>(null);
  const propose = useProposePacing();
  const announce = useAnnounce();
  const { errors, check, failed, summary } = useChecked(FIELDS, fieldId);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (propose.isPending) return;
    const body = check(ZPacingInput, { pace, words });
    if (!body) return;
    propose.mutate(
      { version: base, body },
      {
        onSuccess: () => {
          announce(t('reconnecting.pacing.sent', { name: partnerName }));
          onDone();
        },
        onError: (error) => {
          if (error instanceof Conflict) {
            const current = error.current as TPacing;
            setConflict(current);
            setBase(current.version);
            return;
          }
          failed(error);
        },
      },
    );
  };

  return (
    <>
      {conflict && (
        <ConflictPanel
          heading={t('reconnecting.pacing.conflict.heading')}
          body={t('reconnecting.pacing.conflict.body')}
          parts={[
            {
              key: 'pace',
              label: t('reconnecting.pacing.field.pace'),
              mine: pace ? t(PACE_WORDS[pace]) : '',
              saved: conflict.pace ? t(PACE_WORDS[conflict.pace]) : '',
            },
            {
              key: 'words',
              label: t('reconnecting.pacing.field.words'),
              mine: words,
              saved: conflict.words,
            },
          ]}
          onUseSaved={(key) => {
            if (key === 'pace') setPace(conflict.pace);
            if (key === 'words') setWords(conflict.words);
          }}
        />
      )}
      {summary}
      <form
        className={styles.form}
        onSubmit={submit}
        noValidate
        aria-label={t('reconnecting.pacing.suggest')}
      >
        <ChoiceField
          id={fieldId('pace')}
          legend={t('reconnecting.pacing.field.pace')}
          options={PACES.map((value) => ({ value, label: t(PACE_WORDS[value]) }))}
          value={pace}
          onValueChange={setPace}
          error={errors.fields.pace}
        />
        <TextAreaField
          id={fieldId('words')}
          label={t('reconnecting.pacing.field.words')}
          hint={t('reconnecting.pacing.field.words.hint')}
          max={PACING_WORDS_MAX}
          rows={3}
          value={words}
          onValueChange={setWords}
          error={errors.fields.words}
        />
        <div className={buttonRowClass}>
          <Button type="submit" pending={propose.isPending}>
            {propose.isPending ? t('reconnecting.saving') : t('reconnecting.pacing.submit')}
          </Button>
          <Button variant="quiet" onClick={onDone}>
            {t('reconnecting.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}

/**
 * The intimacy pacing agreement and its pause. The pause is one button with no question after
 * it; the other partner's page says only that it is paused (decision 0070). Pausing is never
 * held, not even while joint work rests.
 */
export function PacingPanel({
  pacing,
  partnerName,
  open,
}: {
  pacing: TPacing;
  partnerName: string;
  open: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const pause = usePause();
  const agree = useAgreePacing();
  const announce = useAnnounce();

  const status =
    pacing.status === 'agreed'
      ? t('reconnecting.pacing.agreed')
      : pacing.proposedByMe
        ? t('reconnecting.pacing.waiting', { name: partnerName })
        : t('reconnecting.pacing.fromPartner', { name: partnerName });

  return (
    <Panel heading={t('reconnecting.pacing.heading')} id="pacing">
      <p>{t('reconnecting.pacing.intro')}</p>
      {pacing.paused ? (
        <Notice>
          <p className={styles.label}>{t('reconnecting.pacing.paused')}</p>
          <p>
            {pacing.pausedByMe
              ? t('reconnecting.pacing.paused.mine')
              : t('reconnecting.pacing.paused.other')}
          </p>
          {pacing.pausedByMe && (
            <p>
              <Button
                variant="secondary"
                pending={pause.isPending}
                onClick={() =>
                  pause.mutate(false, {
                    onSuccess: () => announce(t('reconnecting.pacing.resumedDone')),
                  })
                }
              >
                {t('reconnecting.pacing.resume')}
              </Button>
            </p>
          )}
        </Notice>
      ) : (
        <div className={styles.pause}>
          <Button
            variant="secondary"
            pending={pause.isPending}
            aria-describedby="pacing-pause-hint"
            onClick={() =>
              pause.mutate(true, {
                onSuccess: () => announce(t('reconnecting.pacing.pausedDone')),
              })
            }
          >
            {t('reconnecting.pacing.pause')}
          </Button>
          <p className={styles.hint} id="pacing-pause-hint">
            {t('reconnecting.pacing.pause.hint')}
          </p>
        </div>
      )}
      {pacing.pace === null ? (
        <p className={styles.quiet}>{t('reconnecting.pacing.none')}</p>
      ) : (
        <div className={styles.item}>
          <p className={styles.label}>{t(PACE_WORDS[pacing.pace])}</p>
          {pacing.words && <p className={styles.preserve}>{pacing.words}</p>}
          <p>{status}</p>
        </div>
      )}
      {pacing.paused ? (
        <p className={styles.quiet}>{t('reconnecting.pacing.whilePaused')}</p>
      ) : editing ? (
        <PacingForm pacing={pacing} partnerName={partnerName} onDone={() => setEditing(false)} />
      ) : (
        open && (
          <div className={buttonRowClass}>
            {pacing.status === 'proposed' && !pacing.proposedByMe && (
              <Button
                pending={agree.isPending}
                onClick={() =>
                  agree.mutate(pacing.version, {
                    onSuccess: () => announce(t('reconnecting.pacing.agreedDone')),
                  })
                }
              >
                {t('reconnecting.pacing.agree')}
              </Button>
            )}
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {pacing.pace === null
                ? t('reconnecting.pacing.suggest')
                : t('reconnecting.pacing.change')}
            </Button>
          </div>
        )
      )}
      {(agree.error ?? pause.error) && (
        <p className={styles.error}>{(agree.error ?? pause.error)?.message}</p>
      )}
    </Panel>
  );
}
