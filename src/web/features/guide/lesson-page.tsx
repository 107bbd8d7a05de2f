import { useCallback, type MouseEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { TLesson } from '#shared/schemas/guide.ts';
import { prerenderedLesson } from '#web/core/prerendered.ts';
import { useMe } from '#web/core/session.ts';
import { t } from '#web/i18n/index.ts';
import { LoadError, Loading, Page, usePageTitle } from '#web/ui/index.ts';
import styles from './guide.module.css';
import { useLesson } from './lesson-query';
import { phaseName } from './phase-name';
import { ReflectionSection } from './reflection-section';

/** One lesson, open to anyone; at its end, a signed-in reader's own reflection. */
export function LessonPage() {
  const { slug = '' } = useParams();
  // Opened from its address, the lesson is already on the screen: the page takes it over as it
  // is (decision 0057). Reached by a link inside the app, it is fetched.
  const prerendered = prerenderedLesson(slug);
  const lesson = useLesson(slug, !prerendered);

  if (prerendered) {
    return <Lesson key={slug} lesson={prerendered.lesson} body={prerendered.body} />;
  }
  if (lesson.isPending) return <LessonLoading />;
  if (lesson.isError) {
    return lesson.error.status === 404 ? (
      <LessonNotFound />
    ) : (
      <LessonLoading>
        <LoadError message={lesson.error.message} onRetry={() => void lesson.refetch()} />
      </LessonLoading>
    );
  }
  return <Lesson key={slug} lesson={lesson.data.lesson} />;
}

function LessonLoading({ children }: { children?: ReactNode }) {
  usePageTitle(t('guide.title'));
  return (
    <div className={styles.lesson}>
      <BackToGuide />
      {children ?? <Loading label={t('guide.lesson.loading')} />}
    </div>
  );
}

function BackToGuide() {
  return (
    <p className={styles.back}>
      <Link to="/guide">{t('guide.lesson.backToGuide')}</Link>
    </p>
  );
}

function LessonNotFound() {
  return (
    <Page
      title={t('guide.lesson.notFound.heading')}
      heading={t('guide.lesson.notFound.heading')}
      width="narrow"
    >
      <p>{t('guide.lesson.notFound.body')}</p>
      <p>
        <Link to="/guide">{t('guide.lesson.notFound.link')}</Link>
      </p>
    </Page>
  );
}

/** A lesson, with its text as HTML from the API or as the element the server's page held. */
type LessonProps =
  { lesson: TLesson; body?: undefined } | { lesson: Omit<TLesson, 'html'>; body: HTMLElement };

function Lesson({ lesson, body }: LessonProps) {
  const navigate = useNavigate();
  const me = useMe();
  // Moves the server's element in, once: the text is not parsed, rendered or painted again.
  const adopt = useCallback(
    (element: HTMLDivElement | null) => {
      if (element && body && body.parentElement !== element) element.append(body);
    },
    [body],
  );

  // Links inside the lesson text are plain anchors; keep them inside the app.
  const followInternalLink = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element).closest('a');
    const href = anchor?.getAttribute('href');
    if (!href?.startsWith('/') || href.startsWith('//')) return;
    event.preventDefault();
    void navigate(href);
  };

  return (
    <div className={styles.lesson}>
      <BackToGuide />
      <article>
        <Page title={lesson.title} heading={lesson.title} lead={lesson.summary}>
          <p className={styles.meta}>
            {phaseName(lesson.phase)} · {t('guide.minutes', { minutes: lesson.minutes })}
          </p>
          <div
            className={styles.article}
            onClick={followInternalLink}
            {...(body
              ? { ref: adopt }
              : // Rendered on the server from our own Markdown, with raw HTML turned off.
                { dangerouslySetInnerHTML: { __html: 'html' in lesson ? lesson.html : '' } })}
          />
          <section aria-labelledby="guide-draws-on" className={styles.drawsOn}>
            <h2 id="guide-draws-on">{t('guide.lesson.drawsOn')}</h2>
            <ul>
              {lesson.drawsOn.map((source) => (
                <li key={source}>{source}</li>
              ))}
            </ul>
          </section>
        </Page>
      </article>
      <div className={styles.narrow}>
        <ReflectionSection
          slug={lesson.slug}
          prompt={lesson.reflection}
          signedIn={Boolean(me.data)}
          checkingSession={me.isPending}
        />
        {(lesson.previous || lesson.next) && (
          <nav aria-label={t('guide.lesson.nav')} className={styles.around}>
            <ul>
              {lesson.previous && (
                <li>
                  <span className={styles.aroundLabel}>{t('guide.lesson.previous')}</span>
                  <Link to={`/guide/${lesson.previous.slug}`} rel="prev">
                    {lesson.previous.title}
                  </Link>
                </li>
              )}
              {lesson.next && (
                <li className={styles.aroundNext}>
                  <span className={styles.aroundLabel}>{t('guide.lesson.next')}</span>
                  <Link to={`/guide/${lesson.next.slug}`} rel="next">
                    {lesson.next.title}
                  </Link>
                </li>
              )}
            </ul>
          </nav>
        )}
      </div>
    </div>
  );
}
