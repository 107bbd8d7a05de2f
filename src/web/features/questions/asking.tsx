import { useId, useState, type FormEvent } from 'react';
import {
  CAP_MAX,
  CAP_MIN,
  DEFAULT_CAP,
  PACE_WINDOWS,
  QUESTION_MARKS,
  QUESTION_MAX,
  ZPace,
  type TPace,
  type TPaceWindow,
  type TQuestion,
} from '#shared/schemas/questions.ts';
import { isApiError } from '#web/core/api-client.ts';
import { plural, t } from '#web/i18n/index.ts';
import {
  Button,
  buttonRowClass,
  formatDate,
  formatDateTime,
  Notice,
  Panel,
  useAnnounce,
} from '#web/ui/index.ts';
import { ConflictPanel } from '#web/ui/conflict-panel.tsx';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import {
  conflictOf,
  useDeleteDraft,
  useEditDraft,
  useMark,
  useQuestionList,
  useRelease,
  useSavePace,
  useWriteQuestion,
} from './api';
import { AnswerVersions } from './answer-versions';
import { injuryWords, type QuestionInjury } from './injury-words';
import styles from './questions.module.css';

interface AskingProps {
  injury: QuestionInjury;
  pace: TPace | null;
  partnerName: string | null;
  jointWorkOpen: boolean;
}

/** The hurt partner's side for one injury: write, choose a pace, let go, and respond. */
export function Asking({ injury, pace, partnerName, jointWorkOpen }: AskingProps) {
  return (
    <Panel heading={t('questions.injury.asking', injuryWords(injury))}>
      <WriteQuestion injuryId={injury.id} />
      {pace && <PaceForm pace={pace} />}
      <Drafts
        injuryId={injury.id}
        pace={pace}
        partnerName={partnerName}
        canRelease={jointWorkOpen && partnerName !== null}
      />
      <Released injuryId={injury.id} partnerName={partnerName} canMark={jointWorkOpen} />
    </Panel>
  );
}

function WriteQuestion({ injuryId }: { injuryId: string }) {
  const id = useId();
  const [body, setBody] = useState('');
  const write = useWriteQuestion();
  const announce = useAnnounce();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate(
      { injuryId, body },
      {
        onSuccess: () => {
          setBody('');
          announce(t('questions.write.saved'));
        },
      },
    );
  };
  return (
    <section className={styles.section} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('questions.write.heading')}</h3>
      <p>{t('questions.write.intro')}</p>
      <form onSubmit={submit} noValidate>
        <TextAreaField
          id={`${id}-body`}
          label={t('questions.write.label')}
          value={body}
          onValueChange={setBody}
          max={QUESTION_MAX}
          rows={3}
          error={write.error?.message}
        />
        <Button type="submit" pending={write.isPending}>
          {write.isPending ? t('questions.write.pending') : t('questions.write.submit')}
        </Button>
      </form>
    </section>
  );
}

function PaceForm({ pace }: { pace: TPace }) {
  const id = useId();
  const [cap, setCap] = useState(String(pace.cap));
  const [window, setWindow] = useState<TPaceWindow>(pace.window);
  const [selfCheck, setSelfCheck] = useState(pace.selfCheck);
  const save = useSavePace();
  const announce = useAnnounce();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { injuryId: pace.injuryId, body: { cap: Number(cap), window, selfCheck } },
      { onSuccess: () => announce(t('questions.pace.saved')) },
    );
  };
  return (
    <section className={styles.section} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('questions.pace.heading')}</h3>
      <p>{t('questions.pace.intro')}</p>
      {!pace.chosen && <p>{t('questions.pace.notChosen', { cap: DEFAULT_CAP })}</p>}
      <p>
        {pace.releasedInWindow === 0
          ? t('questions.pace.status.none')
          : plural('questions.pace.status', pace.releasedInWindow)}{' '}
        {pace.nextReleaseAt &&
          t('questions.pace.next', { when: formatDateTime(pace.nextReleaseAt) })}
      </p>
      <form onSubmit={submit} noValidate>
        <div className={styles.paceRow}>
          <div className={styles.field}>
            <label className={styles.label} htmlFor={`${id}-cap`}>
              {t('questions.pace.cap')}
            </label>
            <input
              id={`${id}-cap`}
              className={styles.input}
              type="number"
              inputMode="numeric"
              min={CAP_MIN}
              max={CAP_MAX}
              value={cap}
              onChange={(event) => setCap(event.target.value)}
            />
          </div>
          <div className={styles.field}>
            <label className={styles.label} htmlFor={`${id}-window`}>
              {t('questions.pace.window')}
            </label>
            <select
              id={`${id}-window`}
              className={styles.input}
              value={window}
              onChange={(event) => setWindow(event.target.value as TPaceWindow)}
            >
              {PACE_WINDOWS.map((w) => (
                <option key={w} value={w}>
                  {t(`questions.pace.window.${w}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className={styles.check}>
          <input
            id={`${id}-self`}
            type="checkbox"
            checked={selfCheck}
            onChange={(event) => setSelfCheck(event.target.checked)}
          />
          <label htmlFor={`${id}-self`}>{t('questions.pace.selfCheck')}</label>
        </div>
        {save.error && (
          <Notice tone="problem" role="alert">
            <p>{save.error.message}</p>
          </Notice>
        )}
        <Button type="submit" variant="secondary" pending={save.isPending}>
          {t('questions.pace.save')}
        </Button>
      </form>
    </section>
  );
}

interface DraftsProps {
  injuryId: string;
  pace: TPace | null;
  partnerName: string | null;
  canRelease: boolean;
}

function Drafts({ injuryId, pace, partnerName, canRelease }: DraftsProps) {
  const id = useId();
  const list = useQuestionList(injuryId, 'draft');
  const release = useRelease();
  const announce = useAnnounce();
  const [chosen, setChosen] = useState<string[]>([]);
  const [checking, setChecking] = useState(false);
  const drafts = list.data?.pages.flatMap((p) => p.questions) ?? [];
  const live = chosen.filter((c) => drafts.some((d) => d.id === c));

  const letGo = () => {
    setChecking(false);
    release.mutate(live, {
      onSuccess: (result) => {
        setChosen([]);
        announce(
          plural('questions.release.done', result.questions.length, { name: partnerName ?? '' }),
        );
      },
    });
  };
  const start = () => {
    if (live.length === 0) return;
    if (pace?.selfCheck ?? true) setChecking(true);
    else letGo();
  };
  const refused = release.error && isApiError(release.error) ? release.error : null;
  const refusedPace = refused ? ZPace.safeParse(refused.current) : null;

  return (
    <section className={styles.section} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('questions.drafts.heading')}</h3>
      {drafts.length === 0 && list.isSuccess && <p>{t('questions.drafts.empty')}</p>}
      <ul className={styles.list}>
        {drafts.map((draft) => (
          <DraftCard
            key={draft.id}
            draft={draft}
            canRelease={canRelease}
            chosen={live.includes(draft.id)}
            onChoose={(on) =>
              setChosen((now) => (on ? [...now, draft.id] : now.filter((c) => c !== draft.id)))
            }
          />
        ))}
      </ul>
      {list.hasNextPage && (
        <p>
          <Button variant="quiet" onClick={() => void list.fetchNextPage()}>
            {t('questions.more')}
          </Button>
        </p>
      )}
      {checking && (
        <section className={styles.selfCheck} aria-labelledby={`${id}-check`}>
          <h3 id={`${id}-check`}>{t('questions.selfCheck.heading')}</h3>
          <p>{t('questions.selfCheck.body')}</p>
          <div className={buttonRowClass}>
            <Button onClick={letGo}>{t('questions.selfCheck.go')}</Button>
            <Button variant="quiet" onClick={() => setChecking(false)}>
              {t('questions.selfCheck.wait')}
            </Button>
          </div>
        </section>
      )}
      {refused && (
        <Notice tone="problem" role="alert">
          <p>{refused.message}</p>
          {refusedPace?.success && refusedPace.data.nextReleaseAt && (
            <p>
              {t('questions.release.nextLocal', {
                when: formatDateTime(refusedPace.data.nextReleaseAt),
              })}
            </p>
          )}
        </Notice>
      )}
      {canRelease && drafts.length > 0 && !checking && (
        <p>
          <Button pending={release.isPending} onClick={start} aria-describedby={`${id}-none`}>
            {plural('questions.release.button', live.length)}
          </Button>
          {live.length === 0 && (
            <span id={`${id}-none`} className={styles.hint}>
              {' '}
              {t('questions.release.none')}
            </span>
          )}
        </p>
      )}
    </section>
  );
}

interface DraftCardProps {
  draft: TQuestion;
  canRelease: boolean;
  chosen: boolean;
  onChoose: (on: boolean) => void;
}

function DraftCard({ draft, canRelease, chosen, onChoose }: DraftCardProps) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(draft.body);
  const edit = useEditDraft();
  const remove = useDeleteDraft();
  const announce = useAnnounce();
  const conflict = conflictOf(edit.error);

  const save = (version: number) =>
    edit.mutate(
      { id: draft.id, body, version },
      {
        onSuccess: () => {
          setEditing(false);
          edit.reset();
        },
      },
    );

  return (
    <li className={styles.card}>
      <p className={styles.body} id={`${id}-body`}>
        {draft.body}
      </p>
      {draft.createdAt && (
        <p className={styles.meta}>
          {t('questions.drafts.written', { when: formatDateTime(draft.createdAt) })}
        </p>
      )}
      {canRelease && (
        <div className={styles.choose}>
          <input
            id={`${id}-choose`}
            type="checkbox"
            checked={chosen}
            onChange={(event) => onChoose(event.target.checked)}
            aria-describedby={`${id}-body`}
          />
          <label htmlFor={`${id}-choose`}>{t('questions.drafts.choose')}</label>
        </div>
      )}
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save(draft.draftVersion ?? 1);
          }}
          noValidate
        >
          <TextAreaField
            id={`${id}-edit`}
            label={t('questions.drafts.editLabel')}
            value={body}
            onValueChange={setBody}
            max={QUESTION_MAX}
            rows={3}
            error={conflict ? undefined : edit.error?.message}
          />
          {conflict && (
            <ConflictPanel
              heading={t('questions.drafts.conflict')}
              body={t('questions.drafts.conflictBody')}
              parts={[
                {
                  key: 'body',
                  label: t('questions.write.label'),
                  mine: body,
                  saved: conflict.body,
                },
              ]}
              onKeepMine={() => save(conflict.draftVersion ?? 1)}
              onTakeSaved={() => {
                setBody(conflict.body);
                edit.reset();
                setEditing(false);
              }}
              pending={edit.isPending}
            />
          )}
          <div className={buttonRowClass}>
            <Button type="submit" pending={edit.isPending}>
              {t('questions.drafts.saveEdit')}
            </Button>
            <Button
              variant="quiet"
              onClick={() => {
                setEditing(false);
                setBody(draft.body);
                edit.reset();
              }}
            >
              {t('questions.drafts.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className={buttonRowClass}>
          <Button
            variant="secondary"
            onClick={() => {
              setBody(draft.body);
              setEditing(true);
            }}
            aria-describedby={`${id}-body`}
          >
            {t('questions.drafts.edit')}
          </Button>
          <Button
            variant="quiet"
            pending={remove.isPending}
            onClick={() =>
              remove.mutate(draft.id, { onSuccess: () => announce(t('questions.drafts.deleted')) })
            }
            aria-describedby={`${id}-body`}
          >
            {t('questions.drafts.delete')}
          </Button>
        </div>
      )}
    </li>
  );
}

function Released({
  injuryId,
  partnerName,
  canMark,
}: {
  injuryId: string;
  partnerName: string | null;
  canMark: boolean;
}) {
  const id = useId();
  const list = useQuestionList(injuryId, 'released');
  const questions = list.data?.pages.flatMap((p) => p.questions) ?? [];
  return (
    <section className={styles.section} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('questions.released.heading')}</h3>
      {questions.length === 0 && list.isSuccess && <p>{t('questions.released.empty')}</p>}
      <ul className={styles.list}>
        {questions.map((q) => (
          <ReleasedCard key={q.id} question={q} partnerName={partnerName ?? ''} canMark={canMark} />
        ))}
      </ul>
      {list.hasNextPage && (
        <p>
          <Button variant="quiet" onClick={() => void list.fetchNextPage()}>
            {t('questions.more')}
          </Button>
        </p>
      )}
    </section>
  );
}

function ReleasedCard({
  question,
  partnerName,
  canMark,
}: {
  question: TQuestion;
  partnerName: string;
  canMark: boolean;
}) {
  const id = useId();
  const mark = useMark();
  const announce = useAnnounce();
  return (
    <li className={styles.card}>
      <p className={styles.body}>{question.body}</p>
      {question.releasedAt && (
        <p className={styles.meta}>
          {t('questions.released.when', { when: formatDateTime(question.releasedAt) })}
        </p>
      )}
      {question.needsTime && question.answerVersion === 0 && (
        <p>
          {t('questions.status.time', {
            name: partnerName,
            date: formatDate(`${question.needsTime.until}T12:00:00`),
          })}
        </p>
      )}
      {question.answerVersion === 0 && !question.needsTime && (
        <p>{t('questions.status.waiting')}</p>
      )}
      <AnswerVersions question={question} />
      {question.mark && (
        <p role="status">
          {t(`questions.mark.shown.${question.mark.mark}`, { version: question.mark.version })}
        </p>
      )}
      {question.answerVersion > 0 && canMark && (
        <fieldset className={styles.fieldset}>
          <legend id={`${id}-legend`}>{t('questions.mark.legend')}</legend>
          <div className={buttonRowClass}>
            {QUESTION_MARKS.map((m) => (
              <Button
                key={m}
                variant="secondary"
                aria-pressed={question.mark?.mark === m}
                pending={mark.isPending}
                onClick={() =>
                  mark.mutate(
                    { id: question.id, mark: m },
                    { onSuccess: () => announce(t('questions.mark.saved')) },
                  )
                }
              >
                {t(`questions.mark.${m}`)}
              </Button>
            ))}
          </div>
          {mark.error && (
            <Notice tone="problem" role="alert">
              <p>{mark.error.message}</p>
            </Notice>
          )}
        </fieldset>
      )}
    </li>
  );
}
