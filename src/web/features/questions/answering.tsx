import { useId, useState, type FormEvent } from 'react';
import { ANSWER_MAX, TIME_DAYS_MAX, type TQuestion } from '#shared/schemas/questions.ts';
import { t } from '#web/i18n/index.ts';
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
import { conflictOf, useAnswer, useAskForTime, useQuestionList } from './api';
import { AnswerVersions } from './answer-versions';
import { injuryWords, type QuestionInjury } from './injury-words';
import styles from './questions.module.css';

interface AnsweringProps {
  injury: QuestionInjury;
  partnerName: string;
  jointWorkOpen: boolean;
}

/** The involved partner's side for one injury: the questions released to them, to answer. */
export function Answering({ injury, partnerName, jointWorkOpen }: AnsweringProps) {
  const list = useQuestionList(injury.id, 'released');
  const questions = list.data?.pages.flatMap((p) => p.questions) ?? [];
  return (
    <Panel heading={t('questions.injury.answering', { name: partnerName, ...injuryWords(injury) })}>
      <p>{t('questions.inbox.intro', { name: partnerName })}</p>
      {questions.length === 0 && list.isSuccess && <p>{t('questions.inbox.empty')}</p>}
      <ul className={styles.list}>
        {questions.map((q) => (
          <QuestionToAnswer
            key={q.id}
            question={q}
            partnerName={partnerName}
            jointWorkOpen={jointWorkOpen}
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
    </Panel>
  );
}

const dayIn = (days: number) => new Date(Date.now() + days * 86_400_000);
/** `YYYY-MM-DD` of a day by the person's own clock. */
const localDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

function QuestionToAnswer({
  question,
  partnerName,
  jointWorkOpen,
}: {
  question: TQuestion;
  partnerName: string;
  jointWorkOpen: boolean;
}) {
  const id = useId();
  const answered = question.answerVersion > 0;
  const [body, setBody] = useState(question.latestAnswer?.body ?? '');
  const [until, setUntil] = useState(localDay(dayIn(2)));
  const answer = useAnswer();
  const time = useAskForTime();
  const announce = useAnnounce();
  const conflict = conflictOf(answer.error);

  const send = (version: number) =>
    answer.mutate(
      { id: question.id, body, version },
      {
        onSuccess: () => {
          answer.reset();
          announce(t('questions.answer.sent', { name: partnerName }));
        },
      },
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(question.answerVersion);
  };

  return (
    <li className={styles.card}>
      <p className={styles.body}>{question.body}</p>
      {question.releasedAt && <p className={styles.meta}>{formatDateTime(question.releasedAt)}</p>}
      {question.needsTime && !answered && (
        <p>
          {t('questions.status.timeMine', {
            date: formatDate(`${question.needsTime.until}T12:00:00`),
          })}
        </p>
      )}
      <AnswerVersions question={question} />
      {question.mark && (
        <p>{t(`questions.mark.partner.${question.mark.mark}`, { name: partnerName })}</p>
      )}
      {jointWorkOpen && (
        <>
          <form onSubmit={submit} noValidate>
            <TextAreaField
              id={`${id}-answer`}
              label={answered ? t('questions.answer.correctLabel') : t('questions.answer.label')}
              value={body}
              onValueChange={setBody}
              max={ANSWER_MAX}
              rows={4}
              error={conflict ? undefined : answer.error?.message}
            />
            {conflict && (
              <ConflictPanel
                heading={t('questions.answer.conflict')}
                body={t('questions.answer.conflictBody')}
                parts={[
                  {
                    key: 'answer',
                    label: t('questions.answer.label'),
                    mine: body,
                    saved: conflict.latestAnswer?.body ?? '',
                  },
                ]}
                onKeepMine={() => send(conflict.answerVersion)}
                onTakeSaved={() => {
                  setBody(conflict.latestAnswer?.body ?? '');
                  answer.reset();
                }}
                pending={answer.isPending}
              />
            )}
            <Button type="submit" pending={answer.isPending}>
              {answer.isPending
                ? t('questions.answer.pending')
                : answered
                  ? t('questions.answer.correct')
                  : t('questions.answer.send')}
            </Button>
          </form>
          {!answered && (
            <form
              className={styles.timeForm}
              onSubmit={(event) => {
                event.preventDefault();
                time.mutate(
                  { id: question.id, until },
                  { onSuccess: () => announce(t('questions.time.sent', { name: partnerName })) },
                );
              }}
              noValidate
            >
              <div className={styles.field}>
                <label className={styles.label} htmlFor={`${id}-until`}>
                  {t('questions.time.label')}
                </label>
                <p className={styles.hint} id={`${id}-until-hint`}>
                  {t('questions.time.hint', { name: partnerName })}
                </p>
                <input
                  id={`${id}-until`}
                  className={styles.input}
                  type="date"
                  min={localDay(new Date())}
                  max={localDay(dayIn(TIME_DAYS_MAX - 1))}
                  value={until}
                  onChange={(event) => setUntil(event.target.value)}
                  aria-describedby={`${id}-until-hint`}
                />
              </div>
              {time.error && (
                <Notice tone="problem" role="alert">
                  <p>{time.error.message}</p>
                </Notice>
              )}
              <div className={buttonRowClass}>
                <Button type="submit" variant="secondary" pending={time.isPending}>
                  {t('questions.time.send')}
                </Button>
              </div>
            </form>
          )}
        </>
      )}
    </li>
  );
}
