import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import {
  DECISION_NOTE_MAX,
  DECISION_TEXT_MAX,
  LEANINGS,
  ZDecisionBody,
  ZDecisionRecord,
  ZMyDecisionReflection,
  ZRecordBody,
  type TDecisionRecord,
  type TDecisionView,
  type TLeaning,
  type TMyDecisionReflection,
  type TSharedDecisionReflection,
} from '#shared/schemas/decision.ts';
import { versionConflict } from '#web/core/api-client.ts';
import { useDraft, type Saved } from '#web/core/use-draft.ts';
import { useSpace } from '#web/core/space.ts';
import { t } from '#web/i18n/index.ts';
import { ConflictPanel } from '#web/ui/conflict-panel.tsx';
import { DraftSaveState } from '#web/ui/draft-save-state.tsx';
import {
  Button,
  buttonRowClass,
  ErrorSummary,
  fieldErrorsFromZod,
  formatDate,
  formatDateTime,
  LoadError,
  Loading,
  Page,
  Panel,
  ShareControl,
  TextField,
  useAnnounce,
  useFormErrors,
} from '#web/ui/index.ts';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import {
  useAgreeRecord,
  useDecision,
  usePutRecord,
  useSaveReflection,
  useShareReflection,
  useUnshareReflection,
} from './api';
import styles from './decision.module.css';

const PARTS = ['needs', 'limits', 'ownWords'] as const;
type Part = (typeof PARTS)[number];
/** The draft as the form holds it: every value a string ('' for "not chosen yet"). */
type DraftValues = Record<'leaning' | Part, string>;

const leaningWord = (leaning: TLeaning | null) =>
  leaning ? t(`decision.leaning.${leaning}`) : t('decision.leaning.none');
const dayText = (day: string) => formatDate(`${day}T12:00:00`);

export interface DecisionPageProps {
  /** The space's own leave flow (from the shell), so closing the space has one way only. */
  leaveSpace: (partnerName: string | null) => ReactNode;
}

/**
 * /decision: each partner reflects privately on what comes next (recommit, separate, not sure
 * yet), may share it, and once both have shared they can write down a decision together with a
 * date to look at it again. Separating well is a real outcome here, with its own guidance and the
 * space's own way to close it.
 */
export function DecisionPage({ leaveSpace }: DecisionPageProps) {
  const view = useDecision();
  const space = useSpace();
  const partnerName = space.data?.space?.partner?.displayName ?? null;
  const name = partnerName ?? t('decision.yourPartner');

  return (
    <Page title={t('decision.title')} heading={t('decision.heading')} lead={t('decision.lead')}>
      {view.isPending || space.isPending ? (
        <Loading label={t('decision.loading')} />
      ) : view.isError ? (
        <LoadError message={view.error.message} onRetry={() => void view.refetch()} />
      ) : (
        <div className={styles.layout}>
          <details className={styles.about} open={view.data.mine.version === 0}>
            <summary>{t('decision.about.heading')}</summary>
            <p>{t('decision.about.p1')}</p>
            <p>{t('decision.about.p2')}</p>
            <p>{t('decision.about.p3')}</p>
          </details>
          {space.data?.space ? (
            <MyReflection view={view.data} partnerName={partnerName} />
          ) : (
            <Panel heading={t('decision.mine.heading')}>
              <p>{t('decision.noSpace')}</p>
            </Panel>
          )}
          {partnerName && <PartnerReflection shared={view.data.partner} name={name} />}
          {partnerName && (view.data.canRecord || view.data.record) && (
            <SharedDecision view={view.data} name={name} />
          )}
          <Separating open={view.data.record?.outcome === 'separate'} />
          {space.data?.space && leaveSpace(partnerName)}
        </div>
      )}
    </Page>
  );
}

function savedOf(mine: TMyDecisionReflection): Saved<DraftValues> {
  return {
    values: {
      leaning: mine.leaning ?? '',
      needs: mine.needs,
      limits: mine.limits,
      ownWords: mine.ownWords,
    },
    version: mine.version,
    savedAt: mine.savedAt ?? '',
  };
}

function bodyOf(values: DraftValues) {
  return { ...values, leaning: values.leaning === '' ? null : (values.leaning as TLeaning) };
}

function LeaningChoice({
  id,
  legend,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  value: string;
  onChange: (value: TLeaning) => void;
  error?: string | undefined;
}) {
  return (
    <fieldset className={styles.fieldset} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className={styles.legend}>{legend}</legend>
      {error && (
        <p className={styles.problem} id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className={styles.choices}>
        {LEANINGS.map((leaning, index) => (
          <label key={leaning} className={styles.choice}>
            <input
              type="radio"
              id={index === 0 ? id : `${id}-${leaning}`}
              name={id}
              value={leaning}
              checked={value === leaning}
              onChange={() => onChange(leaning)}
            />
            <span>{t(`decision.leaning.${leaning}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function MyReflection({ view, partnerName }: { view: TDecisionView; partnerName: string | null }) {
  const save = useSaveReflection();
  const share = useShareReflection();
  const unshare = useUnshareReflection();
  const announce = useAnnounce();
  const [shared, setShared] = useState(view.mine.shared);
  const draft = useDraft<DraftValues>({
    saved: savedOf(view.mine),
    save: async (values, version) =>
      savedOf(await save.mutateAsync({ version, body: bodyOf(values) })),
    readCurrent: (current) => {
      const parsed = ZMyDecisionReflection.safeParse(current);
      return parsed.success ? savedOf(parsed.data) : null;
    },
    isValid: (values) => ZDecisionBody.safeParse(bodyOf(values)).success,
    autosave: true,
  });
  const labels = {
    leaning: t('decision.mine.leaning'),
    needs: t('decision.part.needs'),
    limits: t('decision.part.limits'),
    ownWords: t('decision.part.ownWords'),
  };
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (await draft.save()) announce(t('decision.savedNow'));
  };
  const doShare = async () => {
    if (!(await draft.flush())) throw new Error(t('decision.share.saveFirst'));
    const result = await share.mutateAsync(draft.version());
    draft.adopt(savedOf(result));
    setShared(result.shared);
    announce(t('decision.share.done', { name: partnerName ?? '' }));
  };
  const makePrivate = async () => {
    const result = await unshare.mutateAsync();
    draft.adopt(savedOf(result));
    setShared(null);
    announce(t('decision.share.privateAgain'));
  };
  const differs =
    shared !== null &&
    ((shared.leaning ?? '') !== draft.values.leaning ||
      PARTS.some((p) => shared[p] !== draft.values[p]));
  const state =
    draft.status === 'saving'
      ? t('decision.saving')
      : draft.dirty || draft.version() === 0
        ? t('decision.saveState.unsaved')
        : t('decision.saveState.saved', { when: formatDateTime(draft.savedAt) });

  return (
    <Panel heading={t('decision.mine.heading')}>
      <p>{t('decision.mine.intro')}</p>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <LeaningChoice
          id="decision-leaning"
          legend={t('decision.mine.leaning')}
          value={draft.values.leaning}
          onChange={(leaning) => draft.setValues({ ...draft.values, leaning })}
        />
        {PARTS.map((part) => (
          <TextAreaField
            key={part}
            id={`decision-${part}`}
            label={t(`decision.part.${part}`)}
            hint={t(`decision.part.${part}.hint`)}
            max={DECISION_TEXT_MAX}
            count="near"
            rows={5}
            value={draft.values[part]}
            onValueChange={(value) => draft.setValues({ ...draft.values, [part]: value })}
          />
        ))}
        <DraftSaveState
          draft={draft}
          labels={labels}
          state={state}
          conflictBody={t('decision.conflict.body')}
        />
        <div className={buttonRowClass}>
          <Button type="submit" variant="secondary" pending={draft.status === 'saving'}>
            {draft.status === 'saving' ? t('decision.saving') : t('decision.save')}
          </Button>
        </div>
      </form>
      <h3 className={styles.subheading}>{t('decision.share.heading')}</h3>
      {partnerName && !view.jointOpen && !shared && (
        <p className={styles.quiet}>
          {t('decision.share.notNow')} <Link to="/program">{t('decision.share.toProgram')}</Link>
        </p>
      )}
      {(view.jointOpen || shared || !partnerName) && (
        <ShareControl
          shared={shared !== null}
          partnerName={partnerName}
          onShare={doShare}
          onMakePrivate={makePrivate}
          sharingPaused={!view.jointOpen}
        />
      )}
      {shared && (
        <p className={styles.quiet}>
          {t('decision.share.sharedCopy', { when: formatDateTime(shared.sharedAt) })}
          {differs && ` ${t('decision.share.differs')}`}
        </p>
      )}
      {shared && differs && view.jointOpen && (
        <Button variant="secondary" pending={share.isPending} onClick={() => void doShare()}>
          {t('decision.share.again', { name: partnerName ?? '' })}
        </Button>
      )}
    </Panel>
  );
}

function ReadReflection({ shared }: { shared: TSharedDecisionReflection }) {
  return (
    <dl className={styles.read}>
      <dt>{t('decision.mine.leaning')}</dt>
      <dd>{leaningWord(shared.leaning)}</dd>
      {PARTS.filter((p) => shared[p].trim() !== '').map((part) => (
        <div key={part}>
          <dt>{t(`decision.part.${part}`)}</dt>
          <dd>{shared[part]}</dd>
        </div>
      ))}
    </dl>
  );
}

function PartnerReflection({
  shared,
  name,
}: {
  shared: TSharedDecisionReflection | null;
  name: string;
}) {
  return (
    <Panel heading={t('decision.partner.heading', { name })}>
      {shared ? (
        <>
          <p className={styles.meta}>
            {t('decision.partner.sharedAt', { when: formatDateTime(shared.sharedAt) })}
          </p>
          <ReadReflection shared={shared} />
        </>
      ) : (
        <p>{t('decision.partner.none', { name })}</p>
      )}
    </Panel>
  );
}

const RECORD_FIELDS = ['outcome', 'note', 'reviewOn'] as const;
type RecordField = (typeof RECORD_FIELDS)[number];
type RecordValues = Record<RecordField, string>;

function recordValues(record: TDecisionRecord | null): RecordValues {
  return {
    outcome: record?.outcome ?? '',
    note: record?.note ?? '',
    reviewOn: record?.reviewOn ?? '',
  };
}

function SharedDecision({ view, name }: { view: TDecisionView; name: string }) {
  const put = usePutRecord();
  const agree = useAgreeRecord();
  const announce = useAnnounce();
  const record = view.record;
  const [editing, setEditing] = useState(record === null);
  const [values, setValues] = useState<RecordValues>(() => recordValues(record));
  const [version, setVersion] = useState(record?.version ?? 0);
  const [saved, setSaved] = useState<TDecisionRecord | null>(null);
  const { errors, show, clear } = useFormErrors<RecordField>();
  const id = (field: RecordField) => `decision-record-${field}`;
  const labels: Record<RecordField, string> = {
    outcome: t('decision.record.outcome'),
    note: t('decision.record.note'),
    reviewOn: t('decision.record.reviewOn'),
  };
  const readSaved = (error: unknown) =>
    versionConflict(error, (c) => {
      const parsed = ZDecisionRecord.safeParse(c);
      return parsed.success ? parsed.data : null;
    });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = { outcome: values.outcome, note: values.note, reviewOn: values.reviewOn || null };
    const parsed = ZRecordBody.safeParse(body);
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, RECORD_FIELDS));
      return;
    }
    clear();
    put.mutate(
      { version, body: parsed.data },
      {
        onSuccess: () => {
          setEditing(false);
          announce(t('decision.record.savedNow', { name }));
        },
        onError: (error) => {
          const current = readSaved(error);
          if (current) setSaved(current);
        },
      },
    );
  };

  return (
    <Panel heading={t('decision.record.heading')}>
      <p>{t('decision.record.intro')}</p>
      {record && (
        <>
          <dl className={styles.read}>
            <dt>{labels.outcome}</dt>
            <dd>{leaningWord(record.outcome)}</dd>
            {record.note && (
              <>
                <dt>{labels.note}</dt>
                <dd>{record.note}</dd>
              </>
            )}
            <dt>{labels.reviewOn}</dt>
            <dd>{record.reviewOn ? dayText(record.reviewOn) : t('decision.record.noReview')}</dd>
          </dl>
          <p className={styles.meta}>
            {record.agreedAt
              ? t('decision.record.agreed', { when: formatDateTime(record.agreedAt) })
              : record.proposedByMe
                ? t('decision.record.waiting', { name })
                : t('decision.record.yourTurn', { name })}
          </p>
          {!record.proposedByMe && !record.agreedAt && view.jointOpen && (
            <div className={buttonRowClass}>
              <Button
                pending={agree.isPending}
                onClick={() =>
                  agree.mutate(record.version, {
                    onSuccess: () => announce(t('decision.record.agreedNow')),
                  })
                }
              >
                {t('decision.record.agree')}
              </Button>
            </div>
          )}
          {agree.isError && (
            <p className={styles.problem} role="alert">
              {agree.error.message}
            </p>
          )}
          {record.history.length > 1 && (
            <details className={styles.about}>
              <summary>{t('decision.record.history')}</summary>
              <ol className={styles.list} reversed>
                {record.history.map((v) => (
                  <li key={v.number}>
                    {t('decision.record.historyLine', {
                      outcome: leaningWord(v.outcome),
                      who: v.byMe ? t('decision.record.byYou') : name,
                      when: formatDateTime(v.at),
                    })}
                  </li>
                ))}
              </ol>
            </details>
          )}
          {!editing && view.jointOpen && (
            <Button
              variant="quiet"
              onClick={() => {
                // Start from the decision as it is now; a change meanwhile still meets a 412.
                setValues(recordValues(record));
                setVersion(record.version);
                setSaved(null);
                setEditing(true);
              }}
            >
              {t('decision.record.change')}
            </Button>
          )}
        </>
      )}
      {editing && view.jointOpen && (
        <form onSubmit={onSubmit} noValidate aria-label={t('decision.record.formLabel')}>
          <ErrorSummary
            message={errors.message}
            focusKey={errors.focusKey}
            problems={RECORD_FIELDS.flatMap((f) =>
              errors.fields[f] ? [{ fieldId: id(f), message: errors.fields[f] }] : [],
            )}
          />
          {saved && (
            <ConflictPanel
              savedBy={name}
              body={t('decision.record.conflict')}
              parts={RECORD_FIELDS.map((f) => ({
                key: f,
                label: labels[f],
                mine:
                  f === 'outcome' && values.outcome
                    ? leaningWord(values.outcome as TLeaning)
                    : values[f],
                saved: f === 'outcome' ? leaningWord(saved.outcome) : recordValues(saved)[f],
              }))}
              onUseSaved={(key) =>
                setValues({ ...values, [key]: recordValues(saved)[key as RecordField] })
              }
              onKeepMine={() => {
                setVersion(saved.version);
                setSaved(null);
                put.reset();
              }}
              onTakeSaved={() => {
                setValues(recordValues(saved));
                setVersion(saved.version);
                setSaved(null);
                put.reset();
              }}
            />
          )}
          {put.isError && !saved && (
            <p className={styles.problem} role="alert">
              {put.error.message}
            </p>
          )}
          <LeaningChoice
            id={id('outcome')}
            legend={labels.outcome}
            value={values.outcome}
            error={errors.fields.outcome}
            onChange={(outcome) => setValues({ ...values, outcome })}
          />
          <TextAreaField
            id={id('note')}
            label={labels.note}
            hint={t('decision.record.note.hint')}
            max={DECISION_NOTE_MAX}
            count="near"
            rows={4}
            value={values.note}
            error={errors.fields.note}
            onValueChange={(note) => setValues({ ...values, note })}
          />
          <TextField
            id={id('reviewOn')}
            type="date"
            label={labels.reviewOn}
            hint={t('decision.record.reviewOn.hint')}
            value={values.reviewOn}
            error={errors.fields.reviewOn}
            onValueChange={(reviewOn) => setValues({ ...values, reviewOn })}
          />
          <div className={buttonRowClass}>
            <Button type="submit" pending={put.isPending}>
              {put.isPending ? t('decision.record.saving') : t('decision.record.save')}
            </Button>
          </div>
        </form>
      )}
    </Panel>
  );
}

function Separating({ open }: { open: boolean }) {
  return (
    <Panel heading={t('decision.separating.heading')} quiet>
      <p>{t('decision.separating.p1')}</p>
      <details className={styles.about} open={open}>
        <summary>{t('decision.separating.guide')}</summary>
        <ul className={styles.list}>
          <li>{t('decision.separating.tip1')}</li>
          <li>{t('decision.separating.tip2')}</li>
          <li>{t('decision.separating.tip3')}</li>
          <li>{t('decision.separating.tip4')}</li>
          <li>{t('decision.separating.tip5')}</li>
        </ul>
        <h3 className={styles.subheading}>{t('decision.separating.closing')}</h3>
        <p>{t('decision.separating.closingIntro')}</p>
        <ul className={styles.list}>
          <li>{t('decision.separating.rule1')}</li>
          <li>{t('decision.separating.rule2')}</li>
          <li>{t('decision.separating.rule3')}</li>
          <li>{t('decision.separating.rule4')}</li>
        </ul>
        <p>
          {t('decision.separating.safety')}{' '}
          <Link to="/safety">{t('decision.separating.safetyLink')}</Link>
        </p>
      </details>
    </Panel>
  );
}
