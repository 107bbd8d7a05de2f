import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  PREP_KINDS,
  PREP_NOTE_MAX,
  type TPrep,
  type TPrepItem,
  type TPrepKind,
  ZPrep,
} from '#shared/schemas/session-prep.ts';
import { isApiError, versionConflict } from '#web/core/api-client.ts';
import { t } from '#web/i18n/index.ts';
import {
  Button,
  buttonClass,
  ConfirmDialog,
  ErrorSummary,
  LoadError,
  Loading,
  Notice,
  Page,
  Panel,
  pickKnownFields,
  useAnnounce,
  useFormErrors,
} from '#web/ui/index.ts';
import { ConflictPanel } from '#web/ui/conflict-panel.tsx';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import { useCandidates, useClearPrep, usePrep, useSavePrep } from './api';
import { itemName, PrepItem } from './prep-item';
import styles from './session-prep.module.css';

const FIELDS = ['topics', 'questions'] as const;
type Field = (typeof FIELDS)[number];

/** Where a person gathers their notes and the shared items to bring to their next session. */
export function SessionPrepPage() {
  const prep = usePrep();
  return (
    <Page
      title={t('sessionPrep.title')}
      heading={t('sessionPrep.heading')}
      lead={t('sessionPrep.lead')}
    >
      <Notice>
        <p>{t('sessionPrep.private')}</p>
      </Notice>
      {prep.isPending && <Loading label={t('sessionPrep.loading')} />}
      {prep.isError && (
        <LoadError message={prep.error.message} onRetry={() => void prep.refetch()} />
      )}
      {prep.data && <PrepEditor saved={prep.data} />}
    </Page>
  );
}

function PrepEditor({ saved }: { saved: TPrep }) {
  const announce = useAnnounce();
  const save = useSavePrep();
  const clear = useClearPrep();
  const { errors, show, clear: clearErrors } = useFormErrors<Field>();
  const [topics, setTopics] = useState(saved.topics);
  const [questions, setQuestions] = useState(saved.questions);
  const [items, setItems] = useState<TPrepItem[]>(saved.items);
  const [version, setVersion] = useState(saved.version);
  /** The newer notes another tab saved, while my words stay in the form (nothing is lost). */
  const [conflict, setConflict] = useState<TPrep | null>(null);
  const [confirming, setConfirming] = useState(false);

  const reset = (prep: TPrep) => {
    setTopics(prep.topics);
    setQuestions(prep.questions);
    setItems(prep.items);
    setVersion(prep.version);
  };
  // Another tab's save that this page picks up on a refetch, while nothing here is changed.
  const dirty =
    topics !== saved.topics ||
    questions !== saved.questions ||
    items.map((i) => i.id).join() !== saved.items.map((i) => i.id).join();
  useEffect(() => {
    if (!dirty && saved.version !== version) reset(saved);
  }, [saved]);

  const picked = new Set(items.map((i) => `${i.kind}:${i.id}`));

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const local: Partial<Record<Field, string>> = {};
    if (topics.length > PREP_NOTE_MAX)
      local.topics = t('sessionPrep.tooLong', { count: topics.length - PREP_NOTE_MAX });
    if (questions.length > PREP_NOTE_MAX)
      local.questions = t('sessionPrep.tooLong', { count: questions.length - PREP_NOTE_MAX });
    if (Object.keys(local).length > 0) {
      show(local);
      return;
    }
    save.mutate(
      {
        version,
        draft: { topics, questions, picks: items.map((i) => ({ kind: i.kind, id: i.id })) },
      },
      {
        onSuccess: (prep) => {
          setConflict(null);
          clearErrors();
          reset(prep);
          announce(t('sessionPrep.saved'));
        },
        onError: (error) => {
          const current = versionConflict(error, (body) => {
            const parsed = ZPrep.safeParse(body);
            return parsed.success ? parsed.data : null;
          });
          if (current) {
            // My next save starts from the newer version; my words stay until I choose.
            setVersion(current.version);
            setConflict(current);
            return;
          }
          if (isApiError(error)) {
            show(pickKnownFields(error.fields, FIELDS), error.message);
          } else {
            show({}, String(error));
          }
        },
      },
    );
  };

  return (
    <>
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          message={errors.message}
          focusKey={errors.focusKey}
          problems={FIELDS.filter((f) => errors.fields[f]).map((f) => ({
            fieldId: `prep-${f}`,
            message: errors.fields[f]!,
          }))}
        />
        {conflict && (
          <ConflictPanel
            body={t('sessionPrep.conflict')}
            parts={[
              {
                key: 'topics',
                label: t('sessionPrep.topics.label'),
                mine: topics,
                saved: conflict.topics,
              },
              {
                key: 'questions',
                label: t('sessionPrep.questions.label'),
                mine: questions,
                saved: conflict.questions,
              },
            ]}
            onUseSaved={(key) =>
              key === 'topics' ? setTopics(conflict.topics) : setQuestions(conflict.questions)
            }
            onKeepMine={() => submit()}
            onTakeSaved={() => {
              reset(conflict);
              setConflict(null);
            }}
            pending={save.isPending}
          />
        )}
        <Panel heading={t('sessionPrep.notes.heading')}>
          <TextAreaField
            id="prep-topics"
            max={PREP_NOTE_MAX}
            count="always"
            rows={6}
            label={t('sessionPrep.topics.label')}
            hint={t('sessionPrep.topics.hint')}
            value={topics}
            onValueChange={setTopics}
            error={errors.fields.topics}
          />
          <TextAreaField
            id="prep-questions"
            max={PREP_NOTE_MAX}
            count="always"
            rows={6}
            label={t('sessionPrep.questions.label')}
            hint={t('sessionPrep.questions.hint')}
            value={questions}
            onValueChange={setQuestions}
            error={errors.fields.questions}
          />
        </Panel>
        <Panel heading={t('sessionPrep.picked.heading')}>
          {items.length === 0 ? (
            <p>{t('sessionPrep.picked.none')}</p>
          ) : (
            <ul className={styles.list}>
              {items.map((item) => (
                <li key={`${item.kind}:${item.id}`}>
                  <PrepItem
                    item={item}
                    headingLevel="h3"
                    actions={
                      <Button
                        type="button"
                        variant="quiet"
                        aria-label={t('sessionPrep.removeLabel', { what: itemName(item) })}
                        onClick={() => setItems(items.filter((i) => i !== item))}
                      >
                        {t('sessionPrep.remove')}
                      </Button>
                    }
                  />
                </li>
              ))}
            </ul>
          )}
        </Panel>
        {dirty && <p className={styles.unsaved}>{t('sessionPrep.unsaved')}</p>}
        <p className={styles.actions}>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? t('sessionPrep.saving') : t('sessionPrep.save')}
          </Button>
          <Link to="/session-prep/print" className={buttonClass('secondary')}>
            {t('sessionPrep.openPrint')}
          </Link>
          <Button type="button" variant="quiet" onClick={() => setConfirming(true)}>
            {t('sessionPrep.startOver')}
          </Button>
        </p>
      </form>
      <Candidates picked={picked} onAdd={(item) => setItems([...items, item])} />
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          clear.mutate(undefined, {
            onSuccess: (prep) => {
              reset(prep);
              setConfirming(false);
              announce(t('sessionPrep.startOver.done'));
            },
          })
        }
        heading={t('sessionPrep.startOver.title')}
        confirmLabel={t('sessionPrep.startOver.confirm')}
        pendingLabel={t('sessionPrep.saving')}
        cancelLabel={t('sessionPrep.startOver.cancel')}
        pending={clear.isPending}
        error={clear.error?.message}
      >
        <p>{t('sessionPrep.startOver.body')}</p>
      </ConfirmDialog>
    </>
  );
}

function Candidates({ picked, onAdd }: { picked: Set<string>; onAdd: (item: TPrepItem) => void }) {
  const [kind, setKind] = useState<TPrepKind | 'all'>('all');
  const list = useCandidates(kind);
  const selectId = useId();
  const items = (list.data?.pages.flatMap((p) => p.items) ?? []).filter(
    (item) => !picked.has(`${item.kind}:${item.id}`),
  );
  return (
    <Panel heading={t('sessionPrep.candidates.heading')}>
      <div className={styles.field}>
        <label className={styles.label} htmlFor={selectId}>
          {t('sessionPrep.candidates.kind')}
        </label>
        <select
          id={selectId}
          className={styles.select}
          value={kind}
          onChange={(event) => setKind(event.target.value as TPrepKind | 'all')}
        >
          <option value="all">{t('sessionPrep.candidates.all')}</option>
          {PREP_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`sessionPrep.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {list.isPending && <Loading label={t('sessionPrep.loading')} />}
      {list.isError && (
        <LoadError message={list.error.message} onRetry={() => void list.refetch()} />
      )}
      {list.data && items.length === 0 && <p>{t('sessionPrep.candidates.none')}</p>}
      {items.length > 0 && (
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={`${item.kind}:${item.id}`}>
              <PrepItem
                item={item}
                headingLevel="h3"
                actions={
                  <Button
                    type="button"
                    variant="secondary"
                    aria-label={t('sessionPrep.addLabel', { what: itemName(item) })}
                    onClick={() => onAdd(item)}
                  >
                    {t('sessionPrep.add')}
                  </Button>
                }
              />
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <Button
          type="button"
          variant="quiet"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('sessionPrep.candidates.more')}
        </Button>
      )}
    </Panel>
  );
}
