import { useId, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router';
import type { TExerciseView, TPace, TPhaseView, TProgramView } from '#shared/schemas/program.ts';
import { t } from '#web/i18n/index.ts';
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
} from '#web/ui/index.ts';
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
  // The couple's phase starts open; the others are one press away.
  const [openPhases, setOpenPhases] = useState<ReadonlySet<number>>(
    () => new Set([view.pace.currentPhase]),
  );
  const toggle = (phase: number) =>
    setOpenPhases((before) => {
      const after = new Set(before);
      if (!after.delete(phase)) after.add(phase);
      return after;
    });
  return (
    <>
      <WhereYouAre view={view} />
      <SuggestedNext view={view} />
      <p className={styles.aside}>{t('program.mark.about')}</p>
      {view.phases.map((phase) => (
        <PhaseSection
          key={phase.number}
          phase={phase}
          pace={view.pace}
          open={openPhases.has(phase.number)}
          onToggle={() => toggle(phase.number)}
        />
      ))}
    </>
  );
}

/** The therapist's suggestions first, with their notes; then the map's own, with the reason. */
function SuggestedNext({ view }: { view: TProgramView }) {
  const exercises = view.phases.flatMap((phase) =>
    phase.topics.flatMap((topic) => topic.exercises),
  );
  const byKey = new Map(exercises.map((exercise) => [exercise.key, exercise]));
  const fromTherapist = exercises.filter((exercise) => exercise.therapistSuggestions.length > 0);
  const fromMap = view.suggestions.filter(
    (suggestion) =>
      byKey.has(suggestion.exerciseKey) &&
      !fromTherapist.some((exercise) => exercise.key === suggestion.exerciseKey),
  );
  return (
    <Panel heading={t('program.next.heading')}>
      <p className={styles.aside}>{t('program.next.intro')}</p>
      {fromTherapist.length === 0 && fromMap.length === 0 ? (
        <p>{t('program.next.none')}</p>
      ) : (
        <ol className={styles.suggestions}>
          {fromTherapist.map((exercise) => (
            <li key={exercise.key} className={styles.suggestion}>
              <ExerciseTitle exercise={exercise} className={styles.suggestionLink} />
              <p className={styles.suggestedBy}>{t('program.exercise.suggested')}</p>
              {exercise.therapistSuggestions.map(
                (suggestion) =>
                  suggestion.note && (
                    <p key={suggestion.at} className={styles.suggestedNote}>
                      {suggestion.note}
                    </p>
                  ),
              )}
            </li>
          ))}
          {fromMap.map((suggestion) => {
            const exercise = byKey.get(suggestion.exerciseKey)!;
            return (
              <li key={suggestion.exerciseKey} className={styles.suggestion}>
                <ExerciseTitle exercise={exercise} className={styles.suggestionLink} />
                <p className={styles.reason}>{t(`program.reason.${suggestion.reason}`)}</p>
                <p className={styles.aside}>{exercise.why}</p>
              </li>
            );
          })}
        </ol>
      )}
    </Panel>
  );
}

/** An exercise's title: a link to it, unless it waits for the couple's pace. */
function ExerciseTitle({ exercise, className }: { exercise: TExerciseView; className?: string }) {
  if (exercise.waitsForPace) return <span className={className}>{exercise.title}</span>;
  return (
    <Link to={exercise.path} className={className}>
      {exercise.title}
    </Link>
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

/**
 * One phase: its heading is the button that opens and closes it (the disclosure pattern, so the
 * heading stays a heading); the line below says how it stands even when closed.
 */
function PhaseSection({
  phase,
  pace,
  open,
  onToggle,
}: {
  phase: TPhaseView;
  pace: TPace;
  open: boolean;
  onToggle: () => void;
}) {
  const headingId = useId();
  const bodyId = useId();
  const state = phase.open
    ? pace.partnerPresent
      ? t('program.phase.open')
      : t('program.phase.openAlone')
    : t('program.phase.closed');
  return (
    <section
      aria-labelledby={headingId}
      className={cx(styles.phase, phase.number === pace.currentPhase && styles.current)}
    >
      <h2 id={headingId} className={styles.phaseHeading}>
        <button
          type="button"
          className={styles.phaseToggle}
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={onToggle}
        >
          <svg className={styles.chevron} viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <path d="M4.5 2.5 8 6l-3.5 3.5" />
          </svg>
          {t('program.phase.heading', { number: phase.number, title: phase.title })}
        </button>
      </h2>
      <p className={styles.subtitle}>{phase.subtitle}</p>
      <div id={bodyId} hidden={!open}>
        <p>{phase.summary}</p>
        <p className={styles.state}>{state}</p>
        {phase.topics.map((topic) => (
          <div key={topic.key} className={styles.topic}>
            <h3 className={styles.topicHeading}>{topic.title}</h3>
            <ul className={styles.exercises}>
              {topic.exercises.map((exercise) => (
                <ExerciseRow key={exercise.key} exercise={exercise} />
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

const MARK_LABELS = {
  none: 'program.mark.none',
  spent_time: 'program.mark.spentShort',
  come_back: 'program.mark.comeBackShort',
} as const;

/** One line: the exercise (a link), how it is done, and my own mark, which I can change here. */
function ExerciseRow({ exercise }: { exercise: TExerciseView }) {
  const setMark = useSetMark();
  const announce = useAnnounce();
  const selectId = useId();
  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value;
    const mark = value === 'spent_time' || value === 'come_back' ? value : null;
    setMark.mutate(
      { key: exercise.key, mark },
      {
        onSuccess: () =>
          announce(
            mark
              ? t('program.mark.saved', { title: exercise.title })
              : t('program.mark.cleared', { title: exercise.title }),
          ),
      },
    );
  };
  const how = exercise.waitsForPace
    ? t('program.exercise.togetherLater')
    : exercise.mode === 'joint'
      ? t('program.exercise.joint')
      : exercise.form === 'reading'
        ? t('program.exercise.reading')
        : null;

  return (
    <li className={cx(styles.exercise, exercise.mark && styles.marked)}>
      <span className={styles.exerciseName}>
        <ExerciseTitle exercise={exercise} className={styles.exerciseTitle} />
        {how && <span className={styles.how}>{how}</span>}
      </span>
      <label htmlFor={selectId} className="visually-hidden">
        {t('program.mark.label', { title: exercise.title })}
      </label>
      <select
        id={selectId}
        className={styles.markSelect}
        value={setMark.isPending ? (setMark.variables.mark ?? 'none') : (exercise.mark ?? 'none')}
        onChange={onChange}
      >
        {(['none', 'spent_time', 'come_back'] as const).map((mark) => (
          <option key={mark} value={mark}>
            {t(MARK_LABELS[mark])}
          </option>
        ))}
      </select>
      {setMark.isError && (
        <p role="alert" className={styles.problem}>
          {setMark.error.message}
        </p>
      )}
    </li>
  );
}
