import { useState } from 'react';
import {
  GOAL_TITLE_MAX,
  GOAL_WHY_MAX,
  MILESTONE_TITLE_MAX,
  ZGoal,
  ZGoalInput,
  ZMilestone,
  ZMilestoneInput,
  type TGoal,
  type TMilestone,
} from '#shared/schemas/goals.ts';
import { isApiError } from '#web/core/api-client.ts';
import { t } from '#web/i18n/index.ts';
import { Button, buttonRowClass, Notice, Panel, useAnnounce } from '#web/ui/index.ts';
import {
  useAddMilestone,
  useAgreeToGoal,
  useEditGoal,
  useEditMilestone,
  useGoalAside,
  useMarkMilestone,
  useProposeGoal,
} from './api';
import { formatDay, SharedForm, type FieldSpec } from './fields';
import styles from './goals.module.css';

type GoalField = 'title' | 'why' | 'targetOn';
type StepField = 'title' | 'targetOn';

const goalFields = (): FieldSpec<GoalField>[] => [
  { key: 'title', kind: 'line', label: t('goals.goal.title'), max: GOAL_TITLE_MAX },
  {
    key: 'why',
    kind: 'long',
    label: t('goals.goal.why'),
    hint: t('goals.goal.why.hint'),
    max: GOAL_WHY_MAX,
  },
  {
    key: 'targetOn',
    kind: 'day',
    label: t('goals.goal.target'),
    hint: t('goals.goal.target.hint'),
  },
];

const stepFields = (): FieldSpec<StepField>[] => [
  { key: 'title', kind: 'line', label: t('goals.step.title'), max: MILESTONE_TITLE_MAX },
  {
    key: 'targetOn',
    kind: 'day',
    label: t('goals.step.target'),
    hint: t('goals.goal.target.hint'),
  },
];

const goalBody = (v: Record<GoalField, string>) => ({
  title: v.title,
  why: v.why,
  targetOn: v.targetOn || null,
});
const stepBody = (v: Record<StepField, string>) => ({
  title: v.title,
  targetOn: v.targetOn || null,
});

function goalFromCurrent(current: unknown) {
  const parsed = ZGoal.safeParse(current);
  if (!parsed.success) return null;
  const g = parsed.data;
  return {
    values: { title: g.title, why: g.why, targetOn: g.targetOn ?? '' },
    version: g.version,
    by: g.updatedBy.mine ? null : g.updatedBy.name,
  };
}

function stepFromCurrent(current: unknown) {
  const parsed = ZMilestone.safeParse(current);
  if (!parsed.success) return null;
  const m = parsed.data;
  return {
    values: { title: m.title, targetOn: m.targetOn ?? '' },
    version: m.version,
    by: m.updatedBy.mine ? null : m.updatedBy.name,
  };
}

function Milestone({ step, canWrite }: { step: TMilestone; canWrite: boolean }) {
  const mark = useMarkMilestone();
  const edit = useEditMilestone();
  const announce = useAnnounce();
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const reached = step.reachedOn !== null;

  const toggle = () => {
    setProblem(null);
    mark.mutate(
      { id: step.id, version: step.version, reached: !reached },
      {
        onSuccess: () =>
          announce(
            reached ? t('goals.step.unmarked', { step: step.title }) : t('goals.step.marked'),
          ),
        onError: (error) =>
          setProblem(
            isApiError(error) && error.status === 412
              ? t('goals.step.changedMeanwhile')
              : error.message,
          ),
      },
    );
  };

  return (
    <li className={styles.step}>
      <div className={styles.stepText}>
        <p className={reached ? styles.reached : undefined}>
          {reached ? `${t('goals.step.reachedMark')} ` : ''}
          {step.title}
        </p>
        {reached && step.reachedOn && step.reachedBy && (
          <p className={styles.quiet}>
            {step.reachedBy.mine
              ? t('goals.step.reachedByYou', { date: formatDay(step.reachedOn) })
              : t('goals.step.reachedBy', {
                  name: step.reachedBy.name,
                  date: formatDay(step.reachedOn),
                })}
          </p>
        )}
        {!reached && step.targetOn && (
          <p className={styles.quiet}>
            {step.lookAgain
              ? t('goals.lookAgain', { date: formatDay(step.targetOn) })
              : t('goals.target', { date: formatDay(step.targetOn) })}
          </p>
        )}
        {problem && <p role="alert">{problem}</p>}
      </div>
      {canWrite && !editing && (
        <div className={buttonRowClass}>
          <Button variant="secondary" pending={mark.isPending} onClick={toggle}>
            {reached
              ? t('goals.step.unmark', { step: step.title })
              : t('goals.step.mark', { step: step.title })}
          </Button>
          <Button variant="quiet" onClick={() => setEditing(true)}>
            {t('goals.step.edit', { step: step.title })}
          </Button>
        </div>
      )}
      {editing && (
        <SharedForm
          idPrefix={`step-${step.id}`}
          fields={stepFields()}
          initial={{ title: step.title, targetOn: step.targetOn ?? '' }}
          schema={ZMilestoneInput}
          toBody={stepBody}
          submitLabel={t('goals.step.save')}
          savedWords={t('goals.step.saved')}
          version={step.version}
          fromCurrent={stepFromCurrent}
          onSave={(body, version) => edit.mutateAsync({ id: step.id, version, body })}
          onDone={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      )}
    </li>
  );
}

function GoalCard({ goal, canWrite }: { goal: TGoal; canWrite: boolean }) {
  const editGoal = useEditGoal();
  const agree = useAgreeToGoal();
  const aside = useGoalAside();
  const addStep = useAddMilestone();
  const announce = useAnnounce();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const reached = goal.milestones.filter((m) => m.reachedOn !== null).length;

  const onFail = (error: Error) =>
    setProblem(
      isApiError(error) && error.status === 412 ? t('goals.goal.changedMeanwhile') : error.message,
    );

  return (
    <li className={styles.card} id={`goal-${goal.id}`}>
      <h3>{goal.title}</h3>
      <p className={styles.quiet}>
        {goal.proposedBy.mine
          ? t('goals.goal.proposedByYou')
          : t('goals.goal.proposedBy', { name: goal.proposedBy.name })}{' '}
        {goal.agreed ? t('goals.goal.agreed') : t('goals.goal.waiting')}
      </p>
      {!goal.current && <p className={styles.quiet}>{t('goals.earlier')}</p>}
      {goal.setAside && (
        <Notice>
          <p>{t('goals.goal.asideNote')}</p>
        </Notice>
      )}
      {goal.why && <p className={styles.preserve}>{goal.why}</p>}
      {goal.targetOn && (
        <p className={goal.lookAgain ? styles.gentle : styles.quiet}>
          {goal.lookAgain
            ? t('goals.lookAgain', { date: formatDay(goal.targetOn) })
            : t('goals.target', { date: formatDay(goal.targetOn) })}
        </p>
      )}
      <h4>{t('goals.steps.heading')}</h4>
      {goal.milestones.length === 0 ? (
        <p className={styles.quiet}>{t('goals.steps.none')}</p>
      ) : (
        <>
          <p className={styles.quiet}>
            {t('goals.steps.count', { reached, total: goal.milestones.length })}
          </p>
          <ul className={styles.steps}>
            {goal.milestones.map((step) => (
              <Milestone key={step.id} step={step} canWrite={canWrite && !goal.setAside} />
            ))}
          </ul>
        </>
      )}
      {problem && <p role="alert">{problem}</p>}
      {canWrite && adding && (
        <SharedForm
          idPrefix={`add-step-${goal.id}`}
          fields={stepFields()}
          initial={{ title: '', targetOn: '' }}
          schema={ZMilestoneInput}
          toBody={stepBody}
          submitLabel={t('goals.step.add')}
          savedWords={t('goals.step.added')}
          onSave={(body) => addStep.mutateAsync({ goalId: goal.id, body })}
          onDone={() => setAdding(false)}
          onCancel={() => setAdding(false)}
        />
      )}
      {canWrite && editing && (
        <SharedForm
          idPrefix={`goal-${goal.id}`}
          fields={goalFields()}
          initial={{ title: goal.title, why: goal.why, targetOn: goal.targetOn ?? '' }}
          schema={ZGoalInput}
          toBody={goalBody}
          submitLabel={t('goals.goal.save')}
          savedWords={t('goals.goal.saved')}
          version={goal.version}
          fromCurrent={goalFromCurrent}
          onSave={(body, version) => editGoal.mutateAsync({ id: goal.id, version, body })}
          onDone={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      )}
      {canWrite && !editing && !adding && (
        <div className={buttonRowClass}>
          {!goal.agreed && !goal.proposedBy.mine && (
            <Button
              pending={agree.isPending}
              onClick={() =>
                agree.mutate(
                  { id: goal.id, version: goal.version },
                  { onSuccess: () => announce(t('goals.goal.agreedNow')), onError: onFail },
                )
              }
            >
              {t('goals.goal.agree')}
            </Button>
          )}
          {!goal.setAside && (
            <Button variant="secondary" onClick={() => setAdding(true)}>
              {t('goals.step.addOpen')}
            </Button>
          )}
          <Button variant="quiet" onClick={() => setEditing(true)}>
            {t('goals.goal.edit')}
          </Button>
          <Button
            variant="quiet"
            pending={aside.isPending}
            onClick={() =>
              aside.mutate(
                { id: goal.id, version: goal.version, setAside: !goal.setAside },
                {
                  onSuccess: () =>
                    announce(goal.setAside ? t('goals.goal.back') : t('goals.goal.asideDone')),
                  onError: onFail,
                },
              )
            }
          >
            {goal.setAside ? t('goals.goal.bringBack') : t('goals.goal.setAside')}
          </Button>
        </div>
      )}
    </li>
  );
}

/** Our goals, each with its steps; either of us proposes, changes and marks. */
export function GoalsPanel({ goals, canWrite }: { goals: TGoal[]; canWrite: boolean }) {
  const propose = useProposeGoal();
  const active = goals.filter((g) => !g.setAside);
  const aside = goals.filter((g) => g.setAside);
  return (
    <Panel heading={t('goals.goals.heading')} id="goals">
      <p>{t('goals.goals.intro')}</p>
      {active.length === 0 ? (
        <p className={styles.quiet}>{t('goals.goals.none')}</p>
      ) : (
        <ul className={styles.list}>
          {active.map((goal) => (
            <GoalCard key={goal.id} goal={goal} canWrite={canWrite && goal.current} />
          ))}
        </ul>
      )}
      {aside.length > 0 && (
        <details className={styles.more}>
          <summary>{t('goals.goals.aside', { count: aside.length })}</summary>
          <ul className={styles.list}>
            {aside.map((goal) => (
              <GoalCard key={goal.id} goal={goal} canWrite={canWrite && goal.current} />
            ))}
          </ul>
        </details>
      )}
      {canWrite && (
        <>
          <h3>{t('goals.goals.proposeHeading')}</h3>
          <SharedForm
            idPrefix="new-goal"
            fields={goalFields()}
            initial={{ title: '', why: '', targetOn: '' }}
            schema={ZGoalInput}
            toBody={goalBody}
            submitLabel={t('goals.goals.propose')}
            savedWords={t('goals.goals.proposed')}
            onSave={(body) => propose.mutateAsync(body)}
          />
        </>
      )}
    </Panel>
  );
}
