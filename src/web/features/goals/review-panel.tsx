import { useState } from 'react';
import {
  REVIEW_ANSWER_MAX,
  REVIEW_QUESTIONS,
  ZReviewInput,
  type TReviewAnswers,
  type TReviewQuestion,
  type TReviewView,
} from '#shared/schemas/goals.ts';
import { t, type MessageKey } from '#web/i18n/index.ts';
import { isApiError } from '#web/core/api-client.ts';
import {
  Button,
  buttonRowClass,
  ErrorSummary,
  fieldErrorsFromZod,
  formatDate,
  LoadError,
  Loading,
  Notice,
  Panel,
  pickKnownFields,
  useAnnounce,
  useFormErrors,
} from '#web/ui/index.ts';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import { useFinishReview, useReopenReview, useReview, useSaveReview } from './api';
import styles from './goals.module.css';

const QUESTION = {
  grown: 'goals.review.q.grown',
  hurts: 'goals.review.q.hurts',
  next: 'goals.review.q.next',
} as const satisfies Record<TReviewQuestion, MessageKey>;

const HINT = {
  grown: 'goals.review.q.grown.hint',
  hurts: 'goals.review.q.hurts.hint',
  next: 'goals.review.q.next.hint',
} as const satisfies Record<TReviewQuestion, MessageKey>;

function MyAnswers({ view, canWrite }: { view: TReviewView; canWrite: boolean }) {
  const reopen = useReopenReview();
  const announce = useAnnounce();
  const [problem, setProblem] = useState<string | null>(null);
  const { mine } = view;

  if (mine.finished) {
    return (
      <>
        <Notice>
          <p>{t('goals.review.waiting')}</p>
        </Notice>
        {REVIEW_QUESTIONS.map((q) => (
          <div key={q}>
            <h4>{t(QUESTION[q])}</h4>
            {mine[q] ? (
              <p className={styles.preserve}>{mine[q]}</p>
            ) : (
              <p className={styles.quiet}>{t('goals.review.blank')}</p>
            )}
          </div>
        ))}
        {problem && <p role="alert">{problem}</p>}
        {canWrite && (
          <Button
            variant="secondary"
            pending={reopen.isPending}
            onClick={() =>
              reopen.mutate(undefined, {
                onSuccess: () => announce(t('goals.review.reopened')),
                onError: (error) => setProblem(error.message),
              })
            }
          >
            {t('goals.review.reopen')}
          </Button>
        )}
      </>
    );
  }
  if (!canWrite) {
    return <p className={styles.quiet}>{t('goals.review.closed')}</p>;
  }
  return <AnswerForm key={view.round} view={view} />;
}

/** My answers to this round: saved for later, or saved and finished in one step. */
function AnswerForm({ view }: { view: TReviewView }) {
  const save = useSaveReview();
  const finish = useFinishReview();
  const announce = useAnnounce();
  const [answers, setAnswers] = useState<TReviewAnswers>({
    grown: view.mine.grown,
    hurts: view.mine.hurts,
    next: view.mine.next,
  });
  const { errors, show, clear } = useFormErrors<TReviewQuestion>();
  const pending = save.isPending || finish.isPending;

  const submit = async (andFinish: boolean) => {
    if (pending) return;
    const parsed = ZReviewInput.safeParse(answers);
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, REVIEW_QUESTIONS));
      return;
    }
    if (andFinish && REVIEW_QUESTIONS.every((q) => parsed.data[q] === '')) {
      show({}, t('goals.review.saveFirst'));
      return;
    }
    clear();
    try {
      await save.mutateAsync(parsed.data);
      if (!andFinish) {
        announce(t('goals.review.saved'));
        return;
      }
      const next = await finish.mutateAsync();
      announce(next.round > view.round ? t('goals.review.readyNow') : t('goals.review.finished'));
    } catch (error) {
      const named = isApiError(error) ? error.fields : {};
      show(pickKnownFields(named, REVIEW_QUESTIONS), (error as Error).message);
    }
  };

  return (
    <>
      <p>{t('goals.review.private')}</p>
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={REVIEW_QUESTIONS.flatMap((q) => {
          const message = errors.fields[q];
          return message ? [{ fieldId: `review-${q}`, message }] : [];
        })}
      />
      <form
        className={styles.form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit(false);
        }}
      >
        {REVIEW_QUESTIONS.map((q) => (
          <TextAreaField
            key={q}
            id={`review-${q}`}
            label={t(QUESTION[q])}
            hint={t(HINT[q])}
            max={REVIEW_ANSWER_MAX}
            hardLimit
            rows={4}
            value={answers[q]}
            onValueChange={(value) => setAnswers({ ...answers, [q]: value })}
            error={errors.fields[q]}
          />
        ))}
        <div className={buttonRowClass}>
          <Button type="submit" variant="secondary" pending={pending}>
            {t('goals.review.save')}
          </Button>
          <Button pending={pending} onClick={() => void submit(true)}>
            {t('goals.review.finish')}
          </Button>
        </div>
      </form>
      <p className={styles.quiet}>{t('goals.review.finishHint')}</p>
    </>
  );
}

function Together({ view }: { view: TReviewView }) {
  if (view.together.length === 0) return null;
  return (
    <>
      <h3>{t('goals.review.togetherHeading')}</h3>
      <p>{t('goals.review.togetherIntro')}</p>
      <ul className={styles.list}>
        {view.together.map((round) => (
          <li key={round.round} className={styles.card}>
            <h4>{t('goals.review.roundDone', { date: formatDate(round.readyAt) })}</h4>
            {REVIEW_QUESTIONS.map((q) => (
              <div key={q}>
                <h5>{t(QUESTION[q])}</h5>
                <div className={styles.parts}>
                  <div className={styles.part}>
                    <p className={styles.quiet}>{t('goals.review.you')}</p>
                    <p className={styles.preserve}>{round.mine[q] || t('goals.review.blank')}</p>
                  </div>
                  <div className={styles.part}>
                    <p className={styles.quiet}>{round.partner.name}</p>
                    <p className={styles.preserve}>{round.partner[q] || t('goals.review.blank')}</p>
                  </div>
                </div>
              </div>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The progress review: each answers privately; a round opens to both of us at once when the
 * second of us finishes it (decision 0074).
 */
export function ReviewPanel({ canWrite }: { canWrite: boolean }) {
  const review = useReview();
  return (
    <Panel heading={t('goals.review.heading')} id="review">
      <p>{t('goals.review.intro')}</p>
      {review.isPending ? (
        <Loading label={t('goals.review.loading')} />
      ) : review.isError ? (
        <LoadError message={review.error.message} onRetry={() => void review.refetch()} />
      ) : (
        <>
          <h3>{t('goals.review.mineHeading')}</h3>
          <MyAnswers view={review.data} canWrite={canWrite} />
          <Together view={review.data} />
        </>
      )}
    </Panel>
  );
}
