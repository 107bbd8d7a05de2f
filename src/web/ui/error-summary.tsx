import { useEffect, useId, useRef, type MouseEvent } from 'react';
import { t } from '#web/i18n/index.ts';
import styles from './notice.module.css';

export interface FieldProblem {
  /** The id of the input the problem is about. */
  fieldId: string;
  message: string;
}

export interface ErrorSummaryProps {
  /** A problem that belongs to no one field, such as "That email and password do not match". */
  message?: string | undefined;
  problems: FieldProblem[];
  /** Change this on every failed submit to move focus here again. */
  focusKey: number;
}

/**
 * The box at the top of a form after a failed submit. It takes focus, so a screen reader reads
 * it at once, and each problem links to its field.
 */
export function ErrorSummary({ message, problems, focusKey }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const hasContent = Boolean(message) || problems.length > 0;

  useEffect(() => {
    if (focusKey > 0 && hasContent) ref.current?.focus();
  }, [focusKey, hasContent]);

  if (!hasContent) return null;

  const goToField = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: 'center' });
  };

  return (
    <div
      ref={ref}
      className={styles.errorSummary}
      tabIndex={-1}
      role="group"
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className={styles.summaryHeading}>
        {t('form.errorSummary.heading')}
      </h2>
      {message && <p className={styles.summaryMessage}>{message}</p>}
      {problems.length > 0 && (
        <ul className={styles.summaryList}>
          {problems.map((problem) => (
            <li key={problem.fieldId}>
              <a
                href={`#${problem.fieldId}`}
                onClick={(event) => goToField(event, problem.fieldId)}
              >
                {problem.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
