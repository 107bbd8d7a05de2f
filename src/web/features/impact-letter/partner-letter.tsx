import { useId, type FormEvent } from 'react';
import { CommentsSection } from '#web/ui/comments-section.tsx';
import {
  REFLECTION_PART_MAX,
  REFLECTION_PARTS,
  ZReflection,
  ZReflectionBody,
  type ReflectionPart,
  type TMark,
  type TReaderLetter,
  type TReflection,
  type TReflectionBody,
  type TSharedLetterSummary,
} from '#shared/schemas/impact-letter.ts';
import { isApiError } from '#web/core/api-client.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  buttonRowClass,
  ErrorSummary,
  fieldErrorsFromZod,
  formatDate,
  formatDateTime,
  LoadError,
  Loading,
  Notice,
  Panel,
  pickKnownFields,
  useAnnounce,
  useFormErrors,
} from '#web/ui/index.ts';
import { useDraft, type Saved } from '#web/core/use-draft.ts';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import {
  useLetter,
  useSaveReflection,
  useSendReflection,
  useStartReflection,
  useWithdrawReflection,
} from './api';
import styles from './impact-letter.module.css';
import { LetterText, SharedVersions } from './letter-text';
import { SaveState } from './save-state';
import { TwoStep } from './two-step';

const PART_LABEL = {
  paraphrase: 'impact-letter.reflection.paraphrase',
  acknowledgement: 'impact-letter.reflection.acknowledgement',
} as const;
const PART_HINT = {
  paraphrase: 'impact-letter.reflection.paraphrase.hint',
  acknowledgement: 'impact-letter.reflection.acknowledgement.hint',
} as const;

/** The letters my partner shared with me, newest first, each with my reflection on it. */
export function PartnerLetters({
  letters,
  partnerName,
  jointWorkOpen,
}: {
  letters: TSharedLetterSummary[];
  partnerName: string;
  jointWorkOpen: boolean;
}) {
  return (
    <>
      {letters.map((letter, index) => (
        <PartnerLetter
          key={letter.id}
          id={letter.id}
          anchor={index === 0 ? 'partner-letter' : undefined}
          partnerName={partnerName}
          jointWorkOpen={jointWorkOpen}
        />
      ))}
    </>
  );
}

function PartnerLetter({
  id,
  anchor,
  partnerName,
  jointWorkOpen,
}: {
  id: string;
  anchor: string | undefined;
  partnerName: string;
  jointWorkOpen: boolean;
}) {
  const letter = useLetter(id);
  return (
    <Panel heading={t('impact-letter.partner.heading', { name: partnerName })} id={anchor}>
      {letter.isPending ? (
        <Loading label={t('impact-letter.loadingLetter')} />
      ) : letter.isError ? (
        <LoadError message={letter.error.message} onRetry={() => void letter.refetch()} />
      ) : letter.data.view === 'reader' ? (
        <ReaderLetter
          letter={letter.data}
          partnerName={partnerName}
          jointWorkOpen={jointWorkOpen}
        />
      ) : null}
    </Panel>
  );
}

function ReaderLetter({
  letter,
  partnerName,
  jointWorkOpen,
}: {
  letter: TReaderLetter;
  partnerName: string;
  jointWorkOpen: boolean;
}) {
  const updated = letter.versions.length > 1;
  const emptyNote = t('impact-letter.section.emptyPartner', { name: partnerName });
  return (
    <>
      <p className={styles.meta}>
        {updated
          ? t('impact-letter.partner.updated', { date: formatDate(letter.latest.publishedAt) })
          : t('impact-letter.partner.sharedOn', { date: formatDate(letter.latest.publishedAt) })}
      </p>
      <p className={styles.quiet}>{t('impact-letter.partner.readGently', { name: partnerName })}</p>
      <LetterText sections={letter.latest} emptyNote={emptyNote} />
      <CommentsSection kind="letter" itemId={letter.id} audience="partner" />
      {updated && (
        <SharedVersions
          letterId={letter.id}
          versions={letter.versions.slice(1)}
          summary={t('impact-letter.versions.earlier', { count: letter.versions.length - 1 })}
          emptyNote={emptyNote}
        />
      )}
      <MyReflection letter={letter} partnerName={partnerName} jointWorkOpen={jointWorkOpen} />
    </>
  );
}

/** My reflection on the letter: why it has two parts only, what I sent, my draft or a new try. */
function MyReflection({
  letter,
  partnerName,
  jointWorkOpen,
}: {
  letter: TReaderLetter;
  partnerName: string;
  jointWorkOpen: boolean;
}) {
  const start = useStartReflection(letter.id);
  const sent = letter.reflections.filter((r) => r.status !== 'draft');
  const draft = letter.reflections.find((r) => r.status === 'draft');
  const last = sent.at(-1);
  const notYet =
    last?.marks.paraphrase?.mark === 'not_yet' || last?.marks.acknowledgement?.mark === 'not_yet';
  const letterUpdated = last?.letterVersion != null && letter.latest.number > last.letterVersion;
  const headingId = useId();

  return (
    <section className={styles.subsection} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('impact-letter.reflection.heading')}</h3>
      <div className={styles.why}>
        <p>{t('impact-letter.reflection.why1', { name: partnerName })}</p>
        <p>{t('impact-letter.reflection.why2', { name: partnerName })}</p>
      </div>
      {sent.length > 0 && (
        <ol className={styles.attempts}>
          {sent.map((reflection) => (
            <li key={reflection.id}>
              <SentReflection
                letterId={letter.id}
                reflection={reflection}
                partnerName={partnerName}
              />
            </li>
          ))}
        </ol>
      )}
      {draft ? (
        <ReflectionEditor
          key={draft.id}
          letterId={letter.id}
          reflection={draft}
          partnerName={partnerName}
          jointWorkOpen={jointWorkOpen}
        />
      ) : (
        (!last || notYet || letterUpdated || last.status === 'withdrawn') && (
          <div className={styles.tryAgain}>
            {last && (
              <p>
                {letterUpdated
                  ? t('impact-letter.reflection.letterUpdated', { name: partnerName })
                  : t('impact-letter.reflection.tryAgainBody', { name: partnerName })}
              </p>
            )}
            {start.isError && (
              <Notice tone="problem" role="alert">
                <p>{start.error.message}</p>
              </Notice>
            )}
            <Button
              pending={start.isPending}
              onClick={() =>
                start.mutate(
                  last
                    ? { paraphrase: last.paraphrase, acknowledgement: last.acknowledgement }
                    : { paraphrase: '', acknowledgement: '' },
                )
              }
            >
              {last ? t('impact-letter.reflection.tryAgain') : t('impact-letter.reflection.start')}
            </Button>
          </div>
        )
      )}
    </section>
  );
}

function markLine(mark: TMark | null, name: string): string {
  if (!mark) return t('impact-letter.reflection.waiting', { name });
  return mark.mark === 'understood'
    ? t('impact-letter.reflection.understood', { name })
    : t('impact-letter.reflection.notYet', { name });
}

function SentReflection({
  letterId,
  reflection,
  partnerName,
}: {
  letterId: string;
  reflection: TReflection;
  partnerName: string;
}) {
  const withdraw = useWithdrawReflection(letterId);
  const announce = useAnnounce();
  const withdrawn = reflection.status === 'withdrawn';
  return (
    <article className={styles.attempt}>
      <p className={styles.meta}>
        {withdrawn
          ? t('impact-letter.reflection.withdrawn', { name: partnerName })
          : t('impact-letter.reflection.sentOn', { date: formatDateTime(reflection.sentAt!) })}
      </p>
      {REFLECTION_PARTS.map((part) => {
        const mark = reflection.marks[part];
        return (
          <div key={part} className={styles.part}>
            <h4 className={styles.partHeading}>{t(PART_LABEL[part])}</h4>
            <p className={styles.written}>{reflection[part]}</p>
            {!withdrawn && (
              <div
                className={mark?.mark === 'understood' ? styles.markUnderstood : styles.markSummary}
              >
                <p>{markLine(mark, partnerName)}</p>
                {mark?.note && (
                  <p className={styles.written}>
                    {t('impact-letter.reflection.note', { name: partnerName, note: mark.note })}
                  </p>
                )}
              </div>
            )}
          </div>
        );
      })}
      {!withdrawn && (
        <Button
          variant="quiet"
          pending={withdraw.isPending}
          onClick={() =>
            withdraw.mutate(reflection.id, {
              onSuccess: () => announce(t('impact-letter.reflection.withdrawnDone')),
            })
          }
        >
          {t('impact-letter.reflection.withdraw')}
        </Button>
      )}
      {!withdrawn && reflection.sentAt && (
        <CommentsSection
          kind="letter_reflection"
          itemId={reflection.id}
          audience="partner"
          headingLevel={4}
        />
      )}
    </article>
  );
}

function savedOf(reflection: TReflection): Saved<TReflectionBody> {
  return {
    values: { paraphrase: reflection.paraphrase, acknowledgement: reflection.acknowledgement },
    version: reflection.version ?? 1,
    savedAt: reflection.savedAt ?? new Date().toISOString(),
  };
}

function ReflectionEditor({
  letterId,
  reflection,
  partnerName,
  jointWorkOpen,
}: {
  letterId: string;
  reflection: TReflection;
  partnerName: string;
  jointWorkOpen: boolean;
}) {
  const save = useSaveReflection(letterId);
  const send = useSendReflection(letterId);
  const announce = useAnnounce();
  const { errors, show, clear } = useFormErrors<ReflectionPart>();
  const idPrefix = useId();
  const fieldId = (part: ReflectionPart) => `${idPrefix}-${part}`;
  const draft = useDraft<TReflectionBody>({
    saved: savedOf(reflection),
    save: async (values, version) =>
      savedOf(await save.mutateAsync({ id: reflection.id, version, body: values })),
    readCurrent: (current) => {
      const parsed = ZReflection.safeParse(current);
      return parsed.success ? savedOf(parsed.data) : null;
    },
    isValid: (values) => ZReflectionBody.safeParse(values).success,
    autosave: true,
  });
  const serverFields = draft.error ? pickKnownFields(draft.error.fields, REFLECTION_PARTS) : {};
  const fieldErrors = { ...serverFields, ...errors.fields };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZReflectionBody.safeParse(draft.values);
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, REFLECTION_PARTS));
      return;
    }
    clear();
    if (await draft.save()) announce(t('impact-letter.saved'));
  };

  const doSend = async () => {
    const missing: Partial<Record<ReflectionPart, string>> = {};
    for (const part of REFLECTION_PARTS) {
      if (draft.values[part].trim() === '')
        missing[part] = t(`impact-letter.reflection.${part}.missing`);
    }
    if (Object.keys(missing).length > 0) {
      show(missing);
      throw new Error(t('impact-letter.reflection.bothParts'));
    }
    if (!(await draft.flush())) throw new Error(t('impact-letter.share.saveFirst'));
    try {
      await send.mutateAsync({ id: reflection.id, version: draft.version() });
    } catch (error) {
      if (isApiError(error)) show(pickKnownFields(error.fields, REFLECTION_PARTS));
      throw error;
    }
    announce(t('impact-letter.reflection.sentDone', { name: partnerName }));
  };

  return (
    <div className={styles.editor}>
      <p className={styles.meta}>{t('impact-letter.reflection.draftNote')}</p>
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={REFLECTION_PARTS.flatMap((part) => {
          const message = fieldErrors[part];
          return message ? [{ fieldId: fieldId(part), message }] : [];
        })}
      />
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        {REFLECTION_PARTS.map((part) => (
          <TextAreaField
            key={part}
            id={fieldId(part)}
            label={t(PART_LABEL[part])}
            hint={t(PART_HINT[part], { name: partnerName })}
            max={REFLECTION_PART_MAX}
            count="limit"
            rows={6}
            value={draft.values[part]}
            error={fieldErrors[part]}
            onValueChange={(value) => draft.setValues({ ...draft.values, [part]: value })}
          />
        ))}
        <SaveState
          draft={draft}
          labels={Object.fromEntries(REFLECTION_PARTS.map((p) => [p, t(PART_LABEL[p])]))}
        />
        <div className={buttonRowClass}>
          <Button type="submit" variant="secondary" pending={draft.status === 'saving'}>
            {draft.status === 'saving' ? t('impact-letter.saving') : t('impact-letter.save')}
          </Button>
          {jointWorkOpen && (
            <TwoStep
              variant="primary"
              label={t('impact-letter.reflection.send', { name: partnerName })}
              heading={t('impact-letter.reflection.sendHeading', { name: partnerName })}
              body={t('impact-letter.reflection.sendBody', { name: partnerName })}
              confirmLabel={t('impact-letter.reflection.sendConfirm')}
              pendingLabel={t('impact-letter.reflection.sending')}
              onConfirm={doSend}
            />
          )}
        </div>
        {!jointWorkOpen && (
          <p className={styles.quiet}>{t('impact-letter.reflection.sendPaused')}</p>
        )}
      </form>
    </div>
  );
}
