import { Link } from 'react-router';
import { GUIDE_PHASES, type TLessonSummary } from '#shared/schemas/guide.ts';
import { t } from '#web/i18n/index.ts';
import { LoadError, Loading, Page } from '#web/ui/index.ts';
import { useLessons } from './api';
import styles from './guide.module.css';
import { phaseName } from './phase-name';

function LessonList({ lessons }: { lessons: TLessonSummary[] }) {
  return (
    <ul className={styles.lessonList}>
      {lessons.map((lesson) => (
        <li key={lesson.slug} className={styles.lessonItem}>
          <Link to={`/guide/${lesson.slug}`} className={styles.lessonLink}>
            {lesson.title}
          </Link>
          <p className={styles.lessonSummary}>
            {lesson.summary}{' '}
            <span className={styles.meta}>{t('guide.minutes', { minutes: lesson.minutes })}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Every lesson, grouped by phase, with the FAQ first. Open to anyone. */
export function GuideIndexPage() {
  const lessons = useLessons();
  return (
    <Page title={t('guide.title')} heading={t('guide.title')} lead={t('guide.lead')}>
      {lessons.isPending ? (
        <Loading label={t('guide.loading')} />
      ) : lessons.isError ? (
        <LoadError message={lessons.error.message} onRetry={() => void lessons.refetch()} />
      ) : (
        <>
          {lessons.data.lessons.some((lesson) => lesson.phase === null) && (
            <section aria-labelledby="guide-start" className={styles.phase}>
              <h2 id="guide-start">{t('guide.startHere')}</h2>
              <LessonList lessons={lessons.data.lessons.filter((l) => l.phase === null)} />
            </section>
          )}
          {GUIDE_PHASES.map((phase) => {
            const inPhase = lessons.data.lessons.filter((lesson) => lesson.phase === phase);
            if (inPhase.length === 0) return null;
            return (
              <section
                key={phase}
                aria-labelledby={`guide-phase-${phase}`}
                className={styles.phase}
              >
                <h2 id={`guide-phase-${phase}`}>{phaseName(phase)}</h2>
                <p className={styles.phaseAbout}>{t(`guide.phase.${phase}.about`)}</p>
                <LessonList lessons={inPhase} />
              </section>
            );
          })}
        </>
      )}
    </Page>
  );
}
