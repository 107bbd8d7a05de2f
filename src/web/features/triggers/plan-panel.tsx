import { useRef, useState, type FormEvent } from 'react';
import { CommentsSection } from '#web/ui/comments-section.tsx';
import {
  PLAN_SECTION_MAX,
  PLAN_SECTIONS,
  ZPlanSections,
  type TCurrentPlan,
  type TEarlierPlan,
  type TPlanSection,
  type TPlanSections,
} from '#shared/schemas/triggers.ts';
import { isApiError } from '#web/core/api-client.ts';
import { t, type MessageKey } from '#web/i18n/index.ts';
import {
  Button,
  buttonRowClass,
  ErrorSummary,
  fieldErrorsFromZod,
  formatDate,
  formatDateTime,
  JointWorkPaused,
  LoadError,
  Loading,
  Notice,
  Panel,
  pickKnownFields,
  useAnnounce,
  useFormErrors,
} from '#web/ui/index.ts';
import { ConflictPanel, sectionParts } from '#web/ui/conflict-panel.tsx';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import { PlanConflict, usePlan, usePlanVersions, useSavePlan } from './api';
import { PlanAgreement } from './plan-agreement';
import { PlanCompare } from './plan-compare';
import { SECTION_LABEL } from './plan-words';
import styles from './triggers.module.css';

const SECTION_HINT = {
  signs: 'triggers.plan.section.signs.hint',
  signal: 'triggers.plan.section.signal.hint',
  response: 'triggers.plan.section.response.hint',
  timeOut: 'triggers.plan.section.timeOut.hint',
  afterwards: 'triggers.plan.section.afterwards.hint',
} as const satisfies Record<TPlanSection, MessageKey>;

const fieldId = (section: TPlanSection) => `plan-${section}`;

/** The plan's sections as reading text; `level` keeps the page's heading order right. */
function PlanText({ sections, level }: { sections: TPlanSections; level: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <div className={styles.planText}>
      {PLAN_SECTIONS.map((section) => (
        <div key={section} className={styles.planSection}>
          <Heading className={styles.sectionHeading}>{t(SECTION_LABEL[section])}</Heading>
          {sections[section] ? (
            <p className={styles.preserve}>{sections[section]}</p>
          ) : (
            <p className={styles.quiet}>{t('triggers.plan.empty')}</p>
          )}
        </div>
      ))}
    </div>
  );
}

function changedBy(writer: { name: string; mine: boolean }, at: string): string {
  const date = formatDateTime(at);
  return writer.mine
    ? t('triggers.plan.changedByYou', { date })
    : t('triggers.plan.changedBy', { name: writer.name, date });
}

interface Editing {
  draft: TPlanSections;
  /** The version these words started from: sent in If-Match. */
  baseVersion: number;
  /** Set after a save lost the race: the plan as it is now, shown beside the person's words. */
  conflict: TCurrentPlan | null;
}

function PlanEditor({
  editing,
  setEditing,
  together,
  paused,
  onDone,
}: {
  editing: Editing;
  setEditing: (next: Editing) => void;
  together: boolean;
  paused: boolean;
  onDone: () => void;
}) {
  const save = useSavePlan();
  const announce = useAnnounce();
  const { errors, show, clear } = useFormErrors<TPlanSection>();
  const { conflict } = editing;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const parsed = ZPlanSections.safeParse(editing.draft);
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, PLAN_SECTIONS));
      return;
    }
    clear();
    save.mutate(
      { version: editing.baseVersion, sections: parsed.data },
      {
        onSuccess: () => {
          announce(together ? t('triggers.plan.saved') : t('triggers.plan.savedDraft'));
          onDone();
        },
        onError: (error) => {
          if (error instanceof PlanConflict) {
            // Keep every word typed; from now on, build on the version that is there now.
            setEditing({ ...editing, baseVersion: error.current.version, conflict: error.current });
            return;
          }
          const fields = isApiError(error) ? error.fields : {};
          // A field error arrives as `sections.signs`.
          const named = Object.fromEntries(
            Object.entries(fields).map(([key, value]) => [key.replace(/^sections\./, ''), value]),
          );
          show(pickKnownFields(named, PLAN_SECTIONS), error.message);
        },
      },
    );
  };

  /** Takes the saved words for one part, leaving the person's other parts as they are. */
  const takeSaved = (key: string) => {
    const section = PLAN_SECTIONS.find((name) => name === key);
    if (!conflict || !section) return;
    setEditing({ ...editing, draft: { ...editing.draft, [section]: conflict.sections[section] } });
  };

  return (
    <>
      {paused && <JointWorkPaused />}
      {conflict && (
        <ConflictPanel
          heading={
            conflict.updatedBy && !conflict.updatedBy.mine
              ? t('triggers.plan.conflict.heading', { name: conflict.updatedBy.name })
              : t('triggers.plan.conflict.headingYou')
          }
          body={t('triggers.plan.conflict.body')}
          parts={sectionParts(
            PLAN_SECTIONS,
            (section) => t(SECTION_LABEL[section]),
            editing.draft,
            conflict.sections,
          )}
          onUseSaved={takeSaved}
        />
      )}
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={PLAN_SECTIONS.flatMap((section) => {
          const message = errors.fields[section];
          return message ? [{ fieldId: fieldId(section), message }] : [];
        })}
      />
      <form
        className={styles.form}
        onSubmit={submit}
        noValidate
        aria-label={t('triggers.plan.editing')}
      >
        {PLAN_SECTIONS.map((section) => {
          return (
            <TextAreaField
              key={section}
              id={fieldId(section)}
              name={section}
              label={t(SECTION_LABEL[section])}
              hint={t(SECTION_HINT[section])}
              max={PLAN_SECTION_MAX}
              hardLimit
              rows={3}
              value={editing.draft[section]}
              onValueChange={(value) =>
                setEditing({ ...editing, draft: { ...editing.draft, [section]: value } })
              }
              error={errors.fields[section]}
            />
          );
        })}
        <div className={buttonRowClass}>
          <Button type="submit" pending={save.isPending}>
            {save.isPending ? t('triggers.plan.saving') : t('triggers.plan.save')}
          </Button>
          <Button variant="quiet" onClick={onDone}>
            {t('triggers.plan.stop')}
          </Button>
        </div>
      </form>
    </>
  );
}

function VersionItem({
  version,
}: {
  version: {
    version: number;
    createdAt: string;
    author: { name: string; mine: boolean };
    sections: TPlanSections;
  };
}) {
  const [open, setOpen] = useState(false);
  const date = formatDateTime(version.createdAt);
  return (
    <li className={styles.version}>
      <p className={styles.versionLine}>
        {version.author.mine
          ? t('triggers.plan.history.itemYou', { version: version.version, date })
          : t('triggers.plan.history.item', {
              version: version.version,
              name: version.author.name,
              date,
            })}
      </p>
      <Button variant="quiet" aria-expanded={open} onClick={() => setOpen((shown) => !shown)}>
        {open
          ? t('triggers.plan.history.hide', { version: version.version })
          : t('triggers.plan.history.show', { version: version.version })}
      </Button>
      {open && <PlanText sections={version.sections} level={4} />}
    </li>
  );
}

/** Every version of one plan, newest first, fetched when the person opens it. */
function PlanHistory({ planId }: { planId: string }) {
  const [open, setOpen] = useState(false);
  const versions = usePlanVersions(planId, open);
  const loaded = versions.data?.pages.flatMap((page) => page.versions.map((v) => v.version)) ?? [];
  return (
    <details className={styles.more} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('triggers.plan.history.heading')}</summary>
      <div className={styles.moreBody}>
        {versions.isPending ? (
          open && <Loading label={t('triggers.plan.history.loading')} />
        ) : versions.isError ? (
          <LoadError message={versions.error.message} onRetry={() => void versions.refetch()} />
        ) : (
          <>
            <ol className={styles.versions}>
              {versions.data.pages
                .flatMap((page) => page.versions)
                .map((version) => (
                  <VersionItem key={version.version} version={version} />
                ))}
            </ol>
            {loaded.length > 1 && <PlanCompare planId={planId} versions={loaded} />}
            {versions.hasNextPage && (
              <Button
                variant="secondary"
                pending={versions.isFetchingNextPage}
                onClick={() => void versions.fetchNextPage()}
              >
                {t('triggers.plan.history.more')}
              </Button>
            )}
          </>
        )}
      </div>
    </details>
  );
}

function EarlierPlans({
  plans,
  onUseDraft,
}: {
  plans: TEarlierPlan[];
  onUseDraft: ((sections: TPlanSections) => void) | null;
}) {
  return (
    <section className={styles.earlier} aria-labelledby="plan-earlier-heading">
      <h3 id="plan-earlier-heading">{t('triggers.plan.earlier.heading')}</h3>
      <p className={styles.quiet}>{t('triggers.plan.earlier.intro')}</p>
      <ul className={styles.entries}>
        {plans.map((plan) => (
          <li key={plan.id} className={styles.entry}>
            <p className={styles.versionLine}>
              {plan.solo
                ? t('triggers.plan.earlier.solo', { date: formatDate(plan.startedAt) })
                : t('triggers.plan.earlier.couple', { date: formatDate(plan.startedAt) })}
            </p>
            <p className={styles.quiet}>{changedBy(plan.updatedBy, plan.updatedAt)}</p>
            <PlanText sections={plan.sections} level={4} />
            {plan.solo && onUseDraft && (
              <p>
                <Button variant="secondary" onClick={() => onUseDraft(plan.sections)}>
                  {t('triggers.plan.earlier.use')}
                </Button>
              </p>
            )}
            <PlanHistory planId={plan.id} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The couple's plan: read by both, changed by either (a new version each time, never a silent
 * overwrite), with its history. While joint work is paused it can be read, not changed.
 */
export function PlanPanel() {
  const plan = usePlan();
  const announce = useAnnounce();
  const [editing, setEditing] = useState<Editing | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);

  const stopEditing = () => {
    setEditing(null);
    requestAnimationFrame(() => editButton.current?.focus());
  };

  if (plan.isPending) {
    return (
      <Panel heading={t('triggers.plan.heading')}>
        <Loading label={t('triggers.plan.loading')} />
      </Panel>
    );
  }
  if (plan.isError) {
    return (
      <Panel heading={t('triggers.plan.heading')}>
        <LoadError message={plan.error.message} onRetry={() => void plan.refetch()} />
      </Panel>
    );
  }

  const { plan: current, earlier, jointWorkOpen } = plan.data;
  const written = current.version > 0;
  const startEditing = (draft: TPlanSections = current.sections) =>
    setEditing({ draft: { ...draft }, baseVersion: current.version, conflict: null });

  return (
    <Panel heading={t('triggers.plan.heading')} id="plan">
      <p>{t('triggers.plan.intro')}</p>
      {!current.together && (
        <Notice>
          <p>{t('triggers.plan.solo')}</p>
        </Notice>
      )}
      {editing ? (
        <PlanEditor
          editing={editing}
          setEditing={setEditing}
          together={current.together}
          paused={!jointWorkOpen}
          onDone={stopEditing}
        />
      ) : (
        <>
          {written && current.updatedBy && current.updatedAt ? (
            <p className={styles.quiet}>{changedBy(current.updatedBy, current.updatedAt)}</p>
          ) : (
            <p>{t('triggers.plan.nothingYet')}</p>
          )}
          {written && <PlanText sections={current.sections} level={3} />}
          {written && current.together && (
            <PlanAgreement acceptance={current.acceptance} jointWorkOpen={jointWorkOpen} />
          )}
          {jointWorkOpen ? (
            <p>
              <Button ref={editButton} onClick={() => startEditing()}>
                {written ? t('triggers.plan.edit') : t('triggers.plan.start')}
              </Button>
            </p>
          ) : (
            <JointWorkPaused />
          )}
        </>
      )}
      {current.id && current.together && (
        <CommentsSection kind="trigger-plan" itemId={current.id} audience="partner" />
      )}
      {current.id && <PlanHistory planId={current.id} />}
      {earlier.length > 0 && (
        <EarlierPlans
          plans={earlier}
          onUseDraft={
            jointWorkOpen
              ? (sections) => {
                  startEditing(sections);
                  announce(t('triggers.plan.earlier.used'));
                }
              : null
          }
        />
      )}
    </Panel>
  );
}
