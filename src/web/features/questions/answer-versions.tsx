import type { TAnswerVersion, TQuestion } from '#shared/schemas/questions.ts';
import { t } from '#web/i18n/index.ts';
import { formatDateTime } from '#web/ui/index.ts';
import { useQuestion } from './api';
import styles from './questions.module.css';

function Version({ answer, latest }: { answer: TAnswerVersion; latest: boolean }) {
  const words = { version: answer.version, when: formatDateTime(answer.createdAt) };
  return (
    <div className={styles.answer}>
      <p className={styles.meta}>
        {latest ? t('questions.answer.versionLatest', words) : t('questions.answer.version', words)}
      </p>
      <p className={styles.answerText}>{answer.body}</p>
    </div>
  );
}

/**
 * Every answer to a question: the newest first, then each earlier version with its own time,
 * because a correction never replaces what was said before.
 */
export function AnswerVersions({ question }: { question: TQuestion }) {
  const full = useQuestion(question.id, question.answerVersion > 1);
  if (!question.latestAnswer) return null;
  const earlier = (full.data?.question.answers ?? []).filter(
    (a) => a.version < question.answerVersion,
  );
  return (
    <>
      <Version answer={question.latestAnswer} latest />
      {earlier.length > 0 && (
        <div>
          <p className={styles.meta}>{t('questions.answer.earlier')}</p>
          {[...earlier].reverse().map((answer) => (
            <Version key={answer.version} answer={answer} latest={false} />
          ))}
        </div>
      )}
    </>
  );
}
