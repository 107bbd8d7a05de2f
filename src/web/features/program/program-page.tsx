import { useId, useState } from 'react';
import { Link } from 'react-router';
import type {
  TExerciseView,
  TPace,
  TPhaseView,
  TProgramView,
} from '../../../shared/schemas/program';
import { t } from '../../i18n';
import {
  Button,
  buttonRowClass,
  ConfirmDialog,
  cx,
  formatDate,
  JointWorkPaused,
  LoadError,
  Loading,
  Notice,
  Page,
  Panel,
  useAnnounce,
} from '../../ui';
import { useChooseReady, useProgram, useSetMark, useStepBack, useWithdrawReady } from './api';
import styles from './program.module.css';

/** /program: the map of the three phases, where I am, what might come next, and the pace. */
export function ProgramPage() {
  const program = useProgram();
  return (
    <Page title={t('program.title')} heading={t('program.heading')} lead={t('program.lead')}>
      {program.isPending ? (
        <Loading label={t('program.loading')} />
      ) : program.isError ? (
        <LoadError message={program.error.message} onRetry={() => void program.refetch()} />
      ) : (
        <ProgramMap view={program.data} />
      )}
    </Page>
  );
}

function ProgramMap({ view }: { view: TProgramView }) {
  const exercises = new Map(
    view.phases.flatMap((phase) =>
      phase.topics.flatMap((topic) => topic.exercises.map((e) => [e.key, e] as const)),
    ),
  );
  return (
    <>
      <WhereYouAre view={view} />
      <Panel heading={t('program.next.heading')}>
        <p className={styles.aside}>{t('program.next.intro')}</p>
        {view.suggestions.length === 0 ? (
          <p>{t('program.next.none')}</p>
        ) : (
          <ol className={styles.suggestions}>
            {view.suggestions.map((suggestion) => {
              const exercise = exercises.get(suggestion.exerciseKey);
              if (!exercise) return null;
              return (
                <li key={suggestion.exerciseKey} className={styles.suggestion}>
                  <Link to={exercise.path} className={styles.suggestionLink}>
                    {exercise.title}
                  </Link>
                  <p className={styles.reason}>{t(`program.reason.${suggestion.reason}`)}</p>
                  <p className={styles.aside}>{exercise.why}</p>
                </li>
              );
            })}
          </ol>
        )}
      </Panel>
      <p className={styles.aside}>{t('program.mark.about')}</p>
      {view.phases.map((phase) => (
        <PhaseSection key={phase.number} phase={phase} pace={view.pace} />
      ))}
    </>
  );
}

function WhereYouAre({ view }: { view: TProgramView }) {
  const { pace } = view;
  const current = view.phases[pace.currentPhase - 1]!;
  const next = pace.nextPhase ? view.phases[pace.nextPhase - 1]! : null;
  const announce = useAnnounce();
  const chooseReady = useChooseReady();
  const withdraw = useWithdrawReady();
  const stepBack = useStepBack();
  const [backTo, setBackTo] = useState<TPhaseView | null>(null);
  const problem = chooseReady.error ?? withdraw.error;

  const words = {
    number: current.number,
    title: current.title,
    subtitle: current.subtitle,
  };

  return (
    <Panel heading={t('program.where.heading')}>
      <p className={styles.where}>
        {pace.partnerPresent ? t('program.where.together', words) : t('program.where.alone', words)}
      </p>
      {!pace.partnerPresent && <p>{t('program.where.solo')}</p>}

      {pace.partnerPresent && !next && <p>{t('program.where.last')}</p>}
      {pace.partnerPresent && next && !pace.jointWorkOpen && <JointWorkPaused />}
      {pace.partnerPresent && next && pace.jointWorkOpen && (
        <div className={styles.pace}>
          {pace.iAmReady ? (
            <>
              <p>{t('program.pace.youAreReady', { title: next.title })}</p>
              <Button
                variant="quiet"
                pending={withdraw.isPending}
                onClick={() =>
                  withdraw.mutate(undefined, {
                    onSuccess: () => announce(t('program.pace.waitDone')),
                  })
                }
              >
                {withdraw.isPending ? t('program.pace.waitPending') : t('program.pace.wait')}
              </Button>
            </>
          ) : (
            <>
              <p>{t('program.pace.offer', { title: next.title })}</p>
              <Button
                variant="secondary"
                pending={chooseReady.isPending}
                onClick={() =>
                  chooseReady.mutate(next.number, {
                    onSuccess: (after) =>
                      announce(
                        after.pace.currentPhase >= next.number
                          ? t('program.pace.opened', { title: next.title })
                          : t('program.pace.readyDone'),
                      ),
                  })
                }
              >
                {chooseReady.isPending
                  ? t('program.pace.readyPending')
                  : t('program.pace.ready', { title: next.title })}
              </Button>
            </>
          )}
        </div>
      )}
      {problem && (
        <Notice tone="problem" role="alert">
          <p>{problem.message}</p>
        </Notice>
      )}

      {pace.partnerPresent && pace.currentPhase > 1 && (
        <div className={styles.back}>
          <p className={styles.aside}>{t('program.back.intro')}</p>
          <div className={buttonRowClass}>
            {view.phases
              .filter((phase) => phase.number < pace.currentPhase)
              .map((phase) => (
                <Button key={phase.number} variant="quiet" onClick={() => setBackTo(phase)}>
                  {t('program.back.button', { title: phase.title })}
                </Button>
              ))}
          </div>
        </div>
      )}
      <History pace={pace} phases={view.phases} />

      <ConfirmDialog
        open={backTo !== null}
        onClose={() => {
          setBackTo(null);
          stepBack.reset();
        }}
        onConfirm={() => {
          if (!backTo) return;
          const title = backTo.title;
          stepBack.mutate(backTo.number, {
            onSuccess: () => {
              setBackTo(null);
              announce(t('program.back.done', { title }));
            },
          });
        }}
        heading={t('program.back.heading', { title: backTo?.title ?? '' })}
        confirmLabel={t('program.back.confirm')}
        pendingLabel={t('program.back.pending')}
        cancelLabel={t('program.back.cancel')}
        pending={stepBack.isPending}
        error={stepBack.error?.message}
      >
        <ul>
          <li>{t('program.back.body1')}</li>
          <li>{t('program.back.body2')}</li>
          <li>{t('program.back.body3')}</li>
        </ul>
      </ConfirmDialog>
    </Panel>
  );
}

/** When phases opened and when the couple stepped back: dates only, never who. */
function History({ pace, phases }: { pace: TPace; phases: TPhaseView[] }) {
  const headingId = useId();
  if (pace.history.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className={styles.history}>
      <h3 id={headingId}>{t('program.history.heading')}</h3>
      <ul>
        {pace.history.map((change) => {
          const words = { date: formatDate(change.at), title: phases[change.phase - 1]!.title };
          return (
            <li key={change.at}>
              {change.change === 'opened'
                ? t('program.history.opened', words)
                : t('program.history.steppedBack', words)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function PhaseSection({ phase, pace }: { phase: TPhaseView; pace: TPace }) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className={cx(styles.phase, phase.number === pace.currentPhase && styles.current)}
    >
      <h2 id={headingId}>
        {t('program.phase.heading', { number: phase.number, title: phase.title })}
      </h2>
      <p className={styles.subtitle}>{phase.subtitle}</p>
      <p>{phase.summary}</p>
      <p className={styles.state}>
        {phase.open
          ? pace.partnerPresent
            ? t('program.phase.open')
            : t('program.phase.openAlone')
          : t('program.phase.closed')}
      </p>
      {phase.topics.map((topic) => (
        <div key={topic.key} className={styles.topic}>
          <h3>{topic.title}</h3>
          <ul className={styles.exercises}>
            {topic.exercises.map((exercise) => (
              <ExerciseItem key={exercise.key} exercise={exercise} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function ExerciseItem({ exercise }: { exercise: TExerciseView }) {
  const setMark = useSetMark();
  const announce = useAnnounce();
  const toggle = (mark: 'spent_time' | 'come_back') => {
    const next = exercise.mark === mark ? null : mark;
    setMark.mutate(
      { key: exercise.key, mark: next },
      {
        onSuccess: () =>
          announce(
            next
              ? t('program.mark.saved', { title: exercise.title })
              : t('program.mark.cleared', { title: exercise.title }),
          ),
      },
    );
  };
  const tags = [
    t(exercise.mode === 'joint' ? 'program.exercise.joint' : 'program.exercise.individual'),
    t(`program.exercise.for.${exercise.for}`),
    ...(exercise.form === 'reading' ? [t('program.exercise.reading')] : []),
  ];

  return (
    <li className={styles.exercise}>
      <h4 className={styles.exerciseTitle}>
        {exercise.waitsForPace ? exercise.title : <Link to={exercise.path}>{exercise.title}</Link>}
      </h4>
      <p className={styles.tags}>{tags.join(' · ')}</p>
      <p className={styles.why}>{exercise.why}</p>
      {exercise.waitsForPace && <p className={styles.aside}>{t('program.exercise.waits')}</p>}
      {exercise.therapistSuggestions.map((suggestion) => (
        <div key={suggestion.at} className={styles.suggested}>
          <p className={styles.suggestedBy}>{t('program.exercise.suggested')}</p>
          {suggestion.note && <p className={styles.suggestedNote}>{suggestion.note}</p>}
        </div>
      ))}
      <div className={styles.marks}>
        {(
          [
            ['spent_time', 'program.mark.spent'],
            ['come_back', 'program.mark.comeBack'],
          ] as const
        ).map(([mark, label]) => {
          const pressed = exercise.mark === mark;
          return (
            <Button
              key={mark}
              variant={pressed ? 'secondary' : 'quiet'}
              className={cx(styles.markButton, pressed && styles.pressed)}
              aria-pressed={pressed}
              pending={setMark.isPending}
              onClick={() => toggle(mark)}
            >
              {pressed && <span aria-hidden="true">✓</span>}
              {t(label)}
              <span className="visually-hidden">: {exercise.title}</span>
            </Button>
          );
        })}
      </div>
      {setMark.isError && (
        <p role="alert" className={styles.problem}>
          {setMark.error.message}
        </p>
      )}
    </li>
  );
}
