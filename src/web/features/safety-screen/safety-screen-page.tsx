import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { TSupportService } from '#shared/schemas/safety.ts';
import type { TScreenAnswerId, TScreenResult, TScreenView } from '#shared/schemas/safety-screen.ts';
import { t, type MessageKey } from '#web/i18n/index.ts';
import {
  Button,
  ErrorSummary,
  formatDate,
  LoadError,
  Loading,
  Notice,
  Page,
  Panel,
  useFormErrors,
} from '#web/ui/index.ts';
import { browserRegion, useMyRegion, useResourcesFor, useSafetyScreen, useTakeScreen } from './api';
import styles from './safety-screen.module.css';
import questionStyles from '#web/ui/question.module.css';

/**
 * `/safety-screen`: a few private questions before shared exercises. The answers live only in
 * this page's state until they are sent, and are cleared once the result is back. The result is
 * shown here once; the server keeps neither it nor the answers.
 */
export function SafetyScreenPage() {
  const screen = useSafetyScreen();
  const [result, setResult] = useState<TScreenResult | null>(null);

  return (
    <Page
      title={t('safety-screen.title')}
      heading={t('safety-screen.heading')}
      lead={t('safety-screen.lead')}
      width="narrow"
    >
      {screen.isPending ? (
        <Loading label={t('safety-screen.loading')} />
      ) : screen.isError ? (
        <LoadError message={screen.error.message} onRetry={() => void screen.refetch()} />
      ) : result ? (
        <Result result={result} onAgain={() => setResult(null)} />
      ) : (
        <>
          <Intro takenAt={screen.data.takenAt} />
          <Panel heading={t('safety-screen.form.heading')}>
            <ScreenForm view={screen.data} onDone={setResult} />
          </Panel>
        </>
      )}
    </Page>
  );
}

function Intro({ takenAt }: { takenAt: string | null }) {
  return (
    <Panel heading={t('safety-screen.intro.heading')}>
      <p className={styles.explain}>{t('safety-screen.intro.private')}</p>
      <p className={styles.explain}>{t('safety-screen.intro.kept')}</p>
      <p className={styles.explain}>{t('safety-screen.intro.stop')}</p>
      <p className={styles.explain}>{t('safety-screen.intro.notTest')}</p>
      {takenAt && (
        <p className={styles.quiet}>
          {t('safety-screen.lastTaken', { date: formatDate(takenAt) })}
        </p>
      )}
    </Panel>
  );
}

const optionId = (questionId: string, answerId: string) => `screen-${questionId}-${answerId}`;

/**
 * One fieldset per question, its legend the question, with native radios: Tab moves between
 * questions and the arrow keys between answers, as everywhere else.
 */
function ScreenForm({
  view,
  onDone,
}: {
  view: TScreenView;
  onDone: (result: TScreenResult) => void;
}) {
  const take = useTakeScreen();
  const [answers, setAnswers] = useState<Record<string, TScreenAnswerId>>({});
  const { errors, show, clear } = useFormErrors<string>();
  const firstAnswer = view.answers[0]?.id ?? 'no';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (take.isPending) return;
    const missing = view.questions.flatMap((q, index) =>
      answers[q.id] === undefined
        ? [[q.id, t('safety-screen.form.unanswered', { number: index + 1 })] as const]
        : [],
    );
    if (missing.length > 0) {
      show(Object.fromEntries(missing));
      return;
    }
    clear();
    take.mutate(answers, {
      onSuccess: (result) => {
        setAnswers({});
        onDone(result);
      },
      onError: (error) => {
        const fields: Record<string, string> = {};
        for (const [name, message] of Object.entries(error.fields)) {
          if (name.startsWith('answers.')) fields[name.slice('answers.'.length)] = message;
        }
        show(fields, error.message);
      },
    });
  };

  return (
    <>
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={view.questions.flatMap((question) => {
          const message = errors.fields[question.id];
          return message ? [{ fieldId: optionId(question.id, firstAnswer), message }] : [];
        })}
      />
      <form onSubmit={onSubmit} noValidate>
        {view.questions.map((question, index) => {
          const error = errors.fields[question.id];
          const errorId = `screen-${question.id}-error`;
          const hintId = `screen-${question.id}-hint`;
          const describedBy = [question.hint ? hintId : null, error ? errorId : null]
            .filter(Boolean)
            .join(' ');
          return (
            <fieldset
              key={question.id}
              className={questionStyles.question}
              aria-describedby={describedBy || undefined}
            >
              <legend className={questionStyles.legend}>
                <span className={questionStyles.number}>
                  {t('safety-screen.form.question', {
                    number: index + 1,
                    count: view.questions.length,
                  })}
                </span>
                <span className={questionStyles.questionText}>{question.text}</span>
              </legend>
              {question.hint && (
                <p id={hintId} className={styles.hint}>
                  {question.hint}
                </p>
              )}
              {error && (
                <p id={errorId} className={questionStyles.error}>
                  {error}
                </p>
              )}
              <div className={questionStyles.options}>
                {view.answers.map((answer) => {
                  const id = optionId(question.id, answer.id);
                  return (
                    <label key={answer.id} className={questionStyles.option} htmlFor={id}>
                      <input
                        id={id}
                        type="radio"
                        name={`screen-${question.id}`}
                        value={answer.id}
                        checked={answers[question.id] === answer.id}
                        onChange={() =>
                          setAnswers((current) => ({ ...current, [question.id]: answer.id }))
                        }
                      />
                      <span>{answer.label}</span>
                    </label>
                  );
                })}
              </div>
            </fieldset>
          );
        })}
        <Button type="submit" pending={take.isPending}>
          {take.isPending ? t('safety-screen.form.pending') : t('safety-screen.form.submit')}
        </Button>
      </form>
    </>
  );
}

/**
 * Shown once, to this person only. Focus moves to its heading so a screen reader starts here.
 * It says plainly what happened to shared exercises and who can start them again: a care result
 * pauses them, and a later calm result does not start them by itself. That is always a choice
 * the person makes, on Help and safety.
 */
function Result({ result, onAgain }: { result: TScreenResult; onAgain: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const care = result.result === 'care';

  return (
    <section className={styles.result} aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {care ? t('safety-screen.care.heading') : t('safety-screen.calm.heading')}
      </h2>
      {care ? (
        <>
          <p className={styles.explain}>
            {result.paused ? t('safety-screen.care.paused') : t('safety-screen.care.noSpace')}
          </p>
          {result.paused && <OnlyYou />}
          {result.paused && <p className={styles.explain}>{t('safety-screen.care.partner')}</p>}
          <p className={styles.explain}>{t('safety-screen.care.own')}</p>
          <p className={styles.explain}>{t('safety-screen.care.advice')}</p>
          <Resources />
        </>
      ) : (
        <>
          {result.paused ? (
            <>
              <p className={styles.explain}>{t('safety-screen.calm.stillPaused')}</p>
              <OnlyYou />
            </>
          ) : (
            <p className={styles.explain}>{t('safety-screen.calm.body')}</p>
          )}
          <p className={styles.explain}>{t('safety-screen.calm.later')}</p>
          <p>
            <Link to="/program">{t('safety-screen.calm.program')}</Link>
          </p>
        </>
      )}
      <p className={styles.quiet}>
        {t('safety-screen.lastTaken', { date: formatDate(result.takenAt) })}
      </p>
      <p>
        <Button variant="quiet" onClick={onAgain}>
          {t('safety-screen.again')}
        </Button>
      </p>
    </section>
  );
}

/** Who can start shared exercises again (only this person), and where. */
function OnlyYou() {
  return (
    <Notice>
      <p>
        {t('safety-screen.resume.onlyYou')}{' '}
        <Link to="/safety">{t('safety-screen.resume.link')}</Link>
      </p>
    </Notice>
  );
}

const CONTACT_LABEL = {
  phone: 'safety-screen.contact.phone',
  text: 'safety-screen.contact.text',
  tty: 'safety-screen.contact.tty',
  web: 'safety-screen.contact.web',
} as const satisfies Record<TSupportService['contacts'][number]['type'], MessageKey>;

/** The support services for my saved region (else my browser's language), from the public list. */
function Resources() {
  const saved = useMyRegion();
  const region = saved.data ?? browserRegion();
  const resources = useResourcesFor(region, !saved.isPending);
  return (
    <section aria-labelledby="screen-resources">
      <h3 id="screen-resources">{t('safety-screen.care.resources')}</h3>
      <p className={styles.emergency}>{t('safety-screen.care.emergency')}</p>
      {saved.isPending || resources.isPending ? (
        <Loading label={t('safety-screen.care.loading')} />
      ) : resources.isError ? (
        <LoadError message={resources.error.message} onRetry={() => void resources.refetch()} />
      ) : (
        <ul className={styles.services}>
          {resources.data.services.map((service) => (
            <li key={service.name} className={styles.service}>
              <h4>{service.name}</h4>
              <p>{service.about}</p>
              <ul className={styles.contacts}>
                {service.contacts.map((contact) => (
                  <li key={`${contact.type}:${contact.value}`}>
                    <span className={styles.contactType}>{t(CONTACT_LABEL[contact.type])}</span>
                    <Contact type={contact.type} value={contact.value} />
                  </li>
                ))}
              </ul>
              <p className={styles.quiet}>
                {t('safety-screen.checked', {
                  date: formatDate(`${service.verified}T12:00:00Z`),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/safety">{t('safety-screen.care.otherRegions')}</Link>
      </p>
    </section>
  );
}

function Contact({ type, value }: { type: string; value: string }) {
  if (type === 'phone') return <a href={`tel:${value.replace(/[^\d+]/g, '')}`}>{value}</a>;
  if (type === 'web') {
    return (
      <a href={value} rel="noreferrer nofollow" target="_blank">
        {new URL(value).host}
      </a>
    );
  }
  return <span>{value}</span>;
}
