import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { checkApologyLanguage, type CompiledRule } from '#shared/apology-language.ts';
import {
  APOLOGY_PART_MAX,
  APOLOGY_PARTS,
  ZWriterApology,
  type TApologyPart,
  type TLanguageRule,
  type TSaveApologyBody,
  type TWriterApology,
} from '#shared/schemas/apology.ts';
import { useDraft, type Saved } from '#web/core/use-draft.ts';
import { t } from '#web/i18n/index.ts';
import { CommentsSection } from '#web/ui/comments-section.tsx';
import { ConflictPanel } from '#web/ui/conflict-panel.tsx';
import {
  Button,
  buttonRowClass,
  ConfirmDialog,
  formatDate,
  formatDateTime,
  Notice,
  Panel,
  pickKnownFields,
  useAnnounce,
} from '#web/ui/index.ts';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import { useSaveApology, useSendApology } from './api';
import styles from './apology.module.css';
import { WriterCommitments } from './commitments';
import { LanguageNotes } from './language-notes';
import { injuryWords, PART_HINT, PART_LABEL, WRITTEN_PARTS } from './parts';
import { VersionHistory } from './versions';

/** The form's values: every part, and the forgiveness choice as text (the draft hook's shape). */
type Values = Record<TApologyPart | 'ask', string>;

const fieldId = (apologyId: string, part: string) => `apology-${apologyId}-${part}`;

function savedOf(apology: TWriterApology): Saved<Values> {
  return {
    values: { ...apology.draft, ask: apology.askForgiveness ? 'yes' : '' },
    version: apology.version,
    savedAt: apology.savedAt,
  };
}

function bodyOf(values: Values): TSaveApologyBody {
  const { ask, ...parts } = values;
  return { ...parts, askForgiveness: ask === 'yes' };
}

export function WriterApology({
  apology,
  rules,
  compiled,
  partnerName,
  jointWorkOpen,
}: {
  apology: TWriterApology;
  rules: readonly TLanguageRule[];
  compiled: readonly CompiledRule[];
  partnerName: string | null;
  jointWorkOpen: boolean;
}) {
  const save = useSaveApology();
  const send = useSendApology();
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  const [sendError, setSendError] = useState<string>();
  const [sendFields, setSendFields] = useState<Partial<Record<TApologyPart, string>>>({});

  const draft = useDraft<Values>({
    saved: savedOf(apology),
    save: async (values, version) =>
      savedOf(await save.mutateAsync({ id: apology.id, version, body: bodyOf(values) })),
    readCurrent: (current) => {
      const parsed = ZWriterApology.safeParse(current);
      return parsed.success ? savedOf(parsed.data) : null;
    },
    autosave: true,
  });

  // A commitment added elsewhere on the page moves the version on; follow it.
  const { adopt, dirty } = draft;
  useEffect(() => {
    if (!dirty) adopt(savedOf(apology));
  }, [apology.version]);

  const values = draft.values;
  const asking = values.ask === 'yes';
  // The check runs as the person writes, on the words in the form (the server's is the same code).
  const findings = useMemo(
    () =>
      checkApologyLanguage(compiled, {
        ...bodyOf(values),
        forgiveness: asking ? values.forgiveness : '',
      }),
    [compiled, values, asking],
  );
  const shownParts: TApologyPart[] = asking
    ? [...WRITTEN_PARTS, 'forgiveness']
    : [...WRITTEN_PARTS];
  const serverFields = draft.error ? pickKnownFields(draft.error.fields, APOLOGY_PARTS) : {};

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (await draft.save()) announce(t('apology.saved'));
  };

  const doSend = async () => {
    setSendError(undefined);
    setSendFields({});
    if (!(await draft.flush())) {
      setSendError(t('apology.send.saveFirst'));
      return;
    }
    try {
      const result = await send.mutateAsync({ id: apology.id, version: draft.version() });
      draft.adopt(savedOf(result));
      setConfirming(false);
      announce(t('apology.send.done', { name: partnerName ?? '' }));
    } catch (caught) {
      const error = caught as { message?: string; fields?: Record<string, string> };
      setSendError(error.message ?? t('common.tryAgain'));
      setSendFields(pickKnownFields(error.fields ?? {}, APOLOGY_PARTS));
      setConfirming(false);
    }
  };

  const sent = apology.versions.length > 0;
  const unsent = apology.hasUnsentChanges || draft.dirty;
  return (
    <Panel heading={t('apology.mine.heading')} id={`apology-${apology.id}`}>
      <p className={styles.quiet}>{injuryWords(apology.injury)}</p>
      <Notice tone="info">
        <p>{t('apology.why.heldBack')}</p>
      </Notice>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        {shownParts.map((part) => {
          const mine = findings.filter((f) => f.part === part);
          return (
            <div key={part} className={styles.part}>
              <TextAreaField
                id={fieldId(apology.id, part)}
                label={t(PART_LABEL[part])}
                hint={t(PART_HINT[part])}
                max={APOLOGY_PART_MAX}
                count="limit"
                rows={5}
                value={values[part]}
                error={sendFields[part] ?? serverFields[part]}
                onValueChange={(value) => draft.setValues({ ...values, [part]: value })}
              />
              <LanguageNotes
                id={`${fieldId(apology.id, part)}-language`}
                findings={mine}
                rules={rules}
              />
            </div>
          );
        })}
        <div className={styles.checkRow}>
          <input
            type="checkbox"
            id={fieldId(apology.id, 'ask')}
            checked={asking}
            onChange={(event) =>
              draft.setValues({ ...values, ask: event.currentTarget.checked ? 'yes' : '' })
            }
          />
          <label htmlFor={fieldId(apology.id, 'ask')}>{t('apology.ask.label')}</label>
        </div>
        <p className={styles.quiet}>{t('apology.ask.hint')}</p>
        <DraftState draft={draft} parts={shownParts} />
        <div className={buttonRowClass}>
          <Button type="submit" variant="secondary" pending={draft.status === 'saving'}>
            {draft.status === 'saving' ? t('apology.saving') : t('apology.save')}
          </Button>
        </div>
      </form>

      <div className={styles.sendBox}>
        {!partnerName ? (
          <p>{t('apology.send.noPartner')}</p>
        ) : (
          <>
            <p className={styles.sendState}>
              {sent
                ? t('apology.send.sentOn', {
                    name: partnerName,
                    date: formatDate(apology.versions[0]!.sentAt),
                  })
                : t('apology.send.private', { name: partnerName })}
            </p>
            {sent && unsent && (
              <p className={styles.quiet}>
                {t('apology.send.unsentChanges', { name: partnerName })}
              </p>
            )}
            {!jointWorkOpen && <p className={styles.quiet}>{t('apology.send.resting')}</p>}
            {jointWorkOpen && (!sent || unsent) && (
              <Button onClick={() => setConfirming(true)}>
                {sent
                  ? t('apology.send.revise', { name: partnerName })
                  : t('apology.send.start', { name: partnerName })}
              </Button>
            )}
            {sendError && (
              <Notice tone="problem" role="alert">
                <p>{sendError}</p>
              </Notice>
            )}
            <ConfirmDialog
              open={confirming}
              onClose={() => setConfirming(false)}
              onConfirm={() => void doSend()}
              heading={t('apology.send.confirmHeading', { name: partnerName })}
              confirmLabel={t('apology.send.confirm')}
              pendingLabel={t('apology.send.sending')}
              cancelLabel={t('apology.notNow')}
              pending={send.isPending}
            >
              <p>{t('apology.send.confirmBody', { name: partnerName })}</p>
              {findings.length > 0 && <p>{t('apology.send.withSuggestions')}</p>}
            </ConfirmDialog>
          </>
        )}
      </div>

      <WriterCommitments
        apology={apology}
        partnerName={partnerName}
        jointWorkOpen={jointWorkOpen}
      />

      {sent && (
        <VersionHistory
          apologyId={apology.id}
          versions={apology.versions}
          heading={t('apology.versions.mine')}
        />
      )}
      {sent && partnerName && (
        <CommentsSection kind="apology" itemId={apology.id} audience="partner" />
      )}
    </Panel>
  );
}

type Draft = ReturnType<typeof useDraft<Values>>;

/** Where the draft stands, or both versions side by side after a conflict (412). */
function DraftState({ draft, parts }: { draft: Draft; parts: TApologyPart[] }) {
  const { conflict } = draft;
  if (draft.status === 'conflict' && conflict) {
    return (
      <ConflictPanel
        body={t('apology.conflict.body')}
        parts={parts.map((part) => ({
          key: part,
          label: t(PART_LABEL[part]),
          mine: draft.values[part],
          saved: conflict.values[part],
        }))}
        onUseSaved={draft.takeSavedPart}
        onKeepMine={draft.keepMine}
        onTakeSaved={draft.takeSaved}
      />
    );
  }
  if (draft.status === 'failed') {
    return (
      <p className={styles.problem} role="alert">
        {draft.error?.message ?? t('common.tryAgain')}
      </p>
    );
  }
  return (
    <p className={styles.quiet}>
      {draft.status === 'saving'
        ? t('apology.saving')
        : draft.dirty
          ? t('apology.saveState.unsaved')
          : t('apology.saveState.saved', { time: formatDateTime(draft.savedAt) })}{' '}
      {t('apology.saveState.private')}
    </p>
  );
}
