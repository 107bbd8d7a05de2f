import { isVersionConflict } from '#web/core/api-client.ts';
import { useId, useState, type FormEvent } from 'react';
import {
  MARK_NOTE_MAX,
  REFLECTION_PARTS,
  ZMarkBody,
  type ReflectionPart,
  type TMark,
  type TMarkValue,
  type TReflection,
  type TWriterLetter,
} from '#shared/schemas/impact-letter.ts';
import { t } from '#web/i18n/index.ts';
import { Button, formatDateTime, JointWorkPaused, Notice, useAnnounce } from '#web/ui/index.ts';
import { useMarkReflection } from './api';
import styles from './impact-letter.module.css';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import { CommentsSection } from '#web/ui/comments-section.tsx';

const PART_FOR_WRITER = {
  paraphrase: 'impact-letter.received.paraphrase',
  acknowledgement: 'impact-letter.received.acknowledgement',
} as const;

/**
 * The partner's reflections on my letter, as I see them: only what they sent me. I can answer
 * each part of the newest one; earlier ones stay, with my answers, as a record.
 */
export function ReceivedReflections({
  letter,
  partnerName,
  jointWorkOpen,
}: {
  letter: TWriterLetter;
  partnerName: string;
  jointWorkOpen: boolean;
}) {
  const sent = letter.reflections;
  const newest = sent.at(-1);
  const earlier = sent.slice(0, -1).reverse();
  const headingId = useId();
  return (
    <section className={styles.subsection} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('impact-letter.received.heading', { name: partnerName })}</h3>
      {!newest ? (
        <p className={styles.quiet}>{t('impact-letter.received.none', { name: partnerName })}</p>
      ) : (
        <>
          <p>{t('impact-letter.received.intro', { name: partnerName })}</p>
          {!jointWorkOpen && <JointWorkPaused />}
          <ReceivedReflection
            letterId={letter.id}
            reflection={newest}
            partnerName={partnerName}
            canMark={jointWorkOpen}
          />
          {earlier.length > 0 && (
            <details className={styles.details}>
              <summary>{t('impact-letter.received.earlier', { count: earlier.length })}</summary>
              {earlier.map((reflection) => (
                <ReceivedReflection
                  key={reflection.id}
                  letterId={letter.id}
                  reflection={reflection}
                  partnerName={partnerName}
                  canMark={false}
                />
              ))}
            </details>
          )}
        </>
      )}
    </section>
  );
}

function ReceivedReflection({
  letterId,
  reflection,
  partnerName,
  canMark,
}: {
  letterId: string;
  reflection: TReflection;
  partnerName: string;
  canMark: boolean;
}) {
  return (
    <article className={styles.attempt}>
      {reflection.sentAt && (
        <p className={styles.meta}>
          {t('impact-letter.received.sentOn', {
            name: partnerName,
            date: formatDateTime(reflection.sentAt),
          })}
        </p>
      )}
      {REFLECTION_PARTS.map((part) => (
        <div key={part} className={styles.part}>
          <h4 className={styles.partHeading}>{t(PART_FOR_WRITER[part], { name: partnerName })}</h4>
          <p className={styles.written}>{reflection[part]}</p>
          {canMark ? (
            <MarkForm
              letterId={letterId}
              reflectionId={reflection.id}
              part={part}
              mark={reflection.marks[part]}
              partnerName={partnerName}
            />
          ) : (
            <MarkSummary mark={reflection.marks[part]} />
          )}
        </div>
      ))}
      {reflection.status !== 'withdrawn' && reflection.sentAt && (
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

function MarkSummary({ mark }: { mark: TMark | null }) {
  if (!mark) return <p className={styles.quiet}>{t('impact-letter.mark.none')}</p>;
  return (
    <div className={styles.markSummary}>
      <p>
        {mark.mark === 'understood'
          ? t('impact-letter.mark.youUnderstood')
          : t('impact-letter.mark.youNotYet')}
      </p>
      {mark.note && (
        <p className={styles.written}>{t('impact-letter.mark.yourNote', { note: mark.note })}</p>
      )}
    </div>
  );
}

function MarkForm({
  letterId,
  reflectionId,
  part,
  mark,
  partnerName,
}: {
  letterId: string;
  reflectionId: string;
  part: ReflectionPart;
  mark: TMark | null;
  partnerName: string;
}) {
  const send = useMarkReflection(letterId);
  const announce = useAnnounce();
  const [editing, setEditing] = useState(mark === null);
  const [choice, setChoice] = useState<TMarkValue | null>(mark?.mark ?? null);
  const [note, setNote] = useState(mark?.note ?? '');
  const [problem, setProblem] = useState<{ field: 'mark' | 'note' | null; message: string }>();
  const id = useId();
  const noteId = `${id}-note`;

  if (!editing && mark) {
    return (
      <div className={styles.markSummary}>
        <MarkSummary mark={mark} />
        <Button
          variant="quiet"
          onClick={() => {
            setChoice(mark.mark);
            setNote(mark.note);
            setEditing(true);
          }}
        >
          {t('impact-letter.mark.change')}
        </Button>
      </div>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZMarkBody.safeParse({
      mark: choice ?? undefined,
      ...(choice === 'not_yet' ? { note } : {}),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem({
        field: issue?.path[0] === 'note' ? 'note' : 'mark',
        message: choice === null ? t('impact-letter.mark.choose') : (issue?.message ?? ''),
      });
      return;
    }
    setProblem(undefined);
    send.mutate(
      { id: reflectionId, part, version: mark?.version ?? 0, body: parsed.data },
      {
        onSuccess: () => {
          setEditing(false);
          announce(t('impact-letter.mark.sent', { name: partnerName }));
        },
        onError: (error) =>
          setProblem({
            field: error.fields.note ? 'note' : null,
            // A button's choice, not a text to compare: the page reloads the newer mark.
            message: isVersionConflict(error)
              ? t('impact-letter.mark.conflict')
              : (error.fields.note ?? error.message),
          }),
      },
    );
  };

  const legendId = `${id}-legend`;
  const markError = problem?.field === 'mark' ? problem.message : undefined;
  return (
    <form className={styles.markForm} onSubmit={onSubmit} noValidate>
      <fieldset
        className={styles.fieldset}
        aria-describedby={markError ? `${id}-mark-error` : undefined}
      >
        <legend id={legendId} className={styles.label}>
          {t('impact-letter.mark.legend')}
        </legend>
        {markError && (
          <p className={styles.error} id={`${id}-mark-error`}>
            {markError}
          </p>
        )}
        <div className={styles.choices}>
          {(['understood', 'not_yet'] as const).map((value) => (
            <label key={value} className={styles.choice}>
              <input
                type="radio"
                name={`${id}-mark`}
                value={value}
                checked={choice === value}
                onChange={() => setChoice(value)}
              />
              {value === 'understood'
                ? t('impact-letter.mark.understood')
                : t('impact-letter.mark.notYet')}
            </label>
          ))}
        </div>
      </fieldset>
      {choice === 'not_yet' && (
        <TextAreaField
          id={noteId}
          label={t('impact-letter.mark.noteLabel')}
          hint={t('impact-letter.mark.noteHint', { name: partnerName })}
          max={MARK_NOTE_MAX}
          count="limit"
          rows={3}
          value={note}
          error={problem?.field === 'note' ? problem.message : undefined}
          onValueChange={setNote}
        />
      )}
      {problem && problem.field === null && (
        <Notice tone="problem" role="alert">
          <p>{problem.message}</p>
        </Notice>
      )}
      <Button type="submit" pending={send.isPending}>
        {send.isPending ? t('impact-letter.mark.sending') : t('impact-letter.mark.send')}
      </Button>
    </form>
  );
}
