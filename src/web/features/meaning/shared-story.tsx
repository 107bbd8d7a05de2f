import { useId, useRef, useState, type FormEvent } from 'react';
import type { TWordDiffPart } from '#shared/schemas/co-authored.ts';
import {
  SHARED_SECTION_MAX,
  SHARED_SECTIONS,
  ZSharedSections,
  type TCurrentShared,
  type TSharedSection,
  type TSharedSections,
  type TSharedVersion,
} from '#shared/schemas/meaning.ts';
import { isApiError } from '#web/core/api-client.ts';
import { t, type MessageKey } from '#web/i18n/index.ts';
import {
  Button,
  buttonRowClass,
  ErrorSummary,
  fieldErrorsFromZod,
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
import { CommentsSection } from '#web/ui/comments-section.tsx';
import { ConflictPanel, sectionParts } from '#web/ui/conflict-panel.tsx';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import {
  SharedConflict,
  useSaveShared,
  useSharedCompare,
  useSharedStory,
  useSharedVersions,
} from './api';
import styles from './meaning.module.css';

const LABEL = {
  story: 'meaning.shared.section.story',
  differently: 'meaning.shared.section.differently',
} as const satisfies Record<TSharedSection, MessageKey>;
const HINT = {
  story: 'meaning.shared.section.story.hint',
  differently: 'meaning.shared.section.differently.hint',
} as const satisfies Record<TSharedSection, MessageKey>;

const fieldId = (section: TSharedSection) => `shared-${section}`;

function SharedText({ sections, level }: { sections: TSharedSections; level: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <div>
      {SHARED_SECTIONS.map((section) => (
        <div key={section} className={styles.section}>
          <Heading className={styles.sectionHeading}>{t(LABEL[section])}</Heading>
          {sections[section] ? (
            <p className={styles.preserve}>{sections[section]}</p>
          ) : (
            <p className={styles.quiet}>{t('meaning.shared.empty')}</p>
          )}
        </div>
      ))}
    </div>
  );
}

function changedBy(writer: { name: string; mine: boolean }, at: string): string {
  const date = formatDateTime(at);
  return writer.mine
    ? t('meaning.shared.changedByYou', { date })
    : t('meaning.shared.changedBy', { name: writer.name, date });
}

interface Editing {
  draft: TSharedSections;
  /** The version these words started from: sent in If-Match. */
  baseVersion: number;
  /** After a save lost the race: our story as it is now, shown beside my words. */
  conflict: TCurrentShared | null;
}

function Editor({
  editing,
  setEditing,
  onDone,
}: {
  editing: Editing;
  setEditing: (next: Editing) => void;
  onDone: () => void;
}) {
  const save = useSaveShared();
  const announce = useAnnounce();
  const { errors, show, clear } = useFormErrors<TSharedSection>();
  const { conflict } = editing;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const parsed = ZSharedSections.safeParse(editing.draft);
    if (!parsed.success) {
      show(fieldErrorsFromZod(parsed.error, SHARED_SECTIONS));
      return;
    }
    clear();
    save.mutate(
      { version: editing.baseVersion, sections: parsed.data },
      {
        onSuccess: () => {
          announce(t('meaning.shared.saved'));
          onDone();
        },
        onError: (error) => {
          if (error instanceof SharedConflict) {
            setEditing({ ...editing, baseVersion: error.current.version, conflict: error.current });
            return;
          }
          const fields = isApiError(error) ? error.fields : {};
          const named = Object.fromEntries(
            Object.entries(fields).map(([k, v]) => [k.replace(/^sections\./, ''), v]),
          );
          show(pickKnownFields(named, SHARED_SECTIONS), error.message);
        },
      },
    );
  };

  const takeSaved = (key: string) => {
    const section = SHARED_SECTIONS.find((name) => name === key);
    if (!conflict || !section) return;
    setEditing({ ...editing, draft: { ...editing.draft, [section]: conflict.sections[section] } });
  };

  return (
    <>
      {conflict && (
        <ConflictPanel
          heading={
            conflict.updatedBy && !conflict.updatedBy.mine
              ? t('meaning.shared.conflict.heading', { name: conflict.updatedBy.name })
              : t('meaning.shared.conflict.headingYou')
          }
          body={t('meaning.shared.conflict.body')}
          parts={sectionParts(
            SHARED_SECTIONS,
            (section) => t(LABEL[section]),
            editing.draft,
            conflict.sections,
          )}
          onUseSaved={takeSaved}
        />
      )}
      <ErrorSummary
        message={errors.message}
        focusKey={errors.focusKey}
        problems={SHARED_SECTIONS.flatMap((section) => {
          const message = errors.fields[section];
          return message ? [{ fieldId: fieldId(section), message }] : [];
        })}
      />
      <form
        className={styles.form}
        onSubmit={submit}
        noValidate
        aria-label={t('meaning.shared.editing')}
      >
        {SHARED_SECTIONS.map((section) => (
          <TextAreaField
            key={section}
            id={fieldId(section)}
            name={section}
            label={t(LABEL[section])}
            hint={t(HINT[section])}
            max={SHARED_SECTION_MAX}
            rows={section === 'story' ? 10 : 5}
            value={editing.draft[section]}
            onValueChange={(value) =>
              setEditing({ ...editing, draft: { ...editing.draft, [section]: value } })
            }
            error={errors.fields[section]}
          />
        ))}
        <div className={buttonRowClass}>
          <Button type="submit" pending={save.isPending}>
            {save.isPending ? t('meaning.shared.saving') : t('meaning.shared.save')}
          </Button>
          <Button variant="quiet" onClick={onDone}>
            {t('meaning.shared.stop')}
          </Button>
        </div>
      </form>
    </>
  );
}

/** One part's word diff; struck and underlined words are also named for a screen reader. */
function DiffText({ parts }: { parts: TWordDiffPart[] }) {
  if (parts.every((part) => part.op === 'same')) {
    return (
      <>
        {parts.length > 0 && <p className={styles.preserve}>{parts[0]!.text}</p>}
        <p className={styles.quiet}>{t('meaning.shared.compare.noChange')}</p>
      </>
    );
  }
  return (
    <p className={styles.preserve}>
      {parts.map((part, i) => {
        if (part.op === 'same') return <span key={i}>{part.text}</span>;
        const Tag = part.op === 'removed' ? 'del' : 'ins';
        return (
          <Tag key={i} className={part.op === 'removed' ? styles.removed : styles.added}>
            <span className={styles.visuallyHidden}>
              {t(
                part.op === 'removed'
                  ? 'meaning.shared.compare.removed'
                  : 'meaning.shared.compare.added',
              )}{' '}
            </span>
            {part.text}
            <span className={styles.visuallyHidden}>
              {' '}
              ({t('meaning.shared.compare.endChange')})
            </span>
          </Tag>
        );
      })}
    </p>
  );
}

function Compare({ storyId, versions }: { storyId: string; versions: number[] }) {
  const id = useId();
  const [from, setFrom] = useState(versions[1] ?? versions[0]!);
  const [to, setTo] = useState(versions[0]!);
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const compared = useSharedCompare(storyId, pair);
  const select = (name: 'from' | 'to', value: number, onChange: (v: number) => void) => (
    <p className={styles.field}>
      <label className={styles.label} htmlFor={`${id}-${name}`}>
        {t(name === 'from' ? 'meaning.shared.compare.from' : 'meaning.shared.compare.to')}
      </label>
      <select
        id={`${id}-${name}`}
        className={styles.select}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {versions.map((version) => (
          <option key={version} value={version}>
            {t('meaning.shared.compare.option', { version })}
          </option>
        ))}
      </select>
    </p>
  );
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t('meaning.shared.compare.heading')}</h4>
      <form
        className={styles.compareForm}
        onSubmit={(event) => {
          event.preventDefault();
          setPair({ from, to });
        }}
      >
        {select('from', from, setFrom)}
        {select('to', to, setTo)}
        <Button type="submit" variant="secondary" pending={compared.isFetching}>
          {t('meaning.shared.compare.show')}
        </Button>
      </form>
      {pair &&
        (compared.isPending ? (
          <Loading label={t('meaning.shared.compare.loading')} />
        ) : compared.isError ? (
          <LoadError message={compared.error.message} onRetry={() => void compared.refetch()} />
        ) : (
          <div>
            <p className={styles.status}>
              {t('meaning.shared.compare.result', {
                from: compared.data.from.version,
                to: compared.data.to.version,
              })}
            </p>
            <p className={styles.quiet}>{t('meaning.shared.compare.intro')}</p>
            {SHARED_SECTIONS.map((section) => (
              <div key={section} className={styles.section}>
                <h5 className={styles.sectionHeading}>{t(LABEL[section])}</h5>
                <DiffText parts={compared.data.diff[section]} />
              </div>
            ))}
          </div>
        ))}
    </section>
  );
}

function VersionItem({ version }: { version: TSharedVersion }) {
  const [open, setOpen] = useState(false);
  const date = formatDateTime(version.createdAt);
  return (
    <li>
      <p>
        {version.author.mine
          ? t('meaning.shared.history.itemYou', { version: version.version, date })
          : t('meaning.shared.history.item', {
              version: version.version,
              name: version.author.name,
              date,
            })}
      </p>
      <Button variant="quiet" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open
          ? t('meaning.shared.history.hide', { version: version.version })
          : t('meaning.shared.history.show', { version: version.version })}
      </Button>
      {open && <SharedText sections={version.sections} level={4} />}
    </li>
  );
}

function History({ storyId }: { storyId: string }) {
  const [open, setOpen] = useState(false);
  const versions = useSharedVersions(storyId, open);
  const loaded = versions.data?.pages.flatMap((page) => page.versions.map((v) => v.version)) ?? [];
  return (
    <details className={styles.more} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('meaning.shared.history.heading')}</summary>
      {versions.isPending ? (
        open && <Loading label={t('meaning.shared.history.loading')} />
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
          {loaded.length > 1 && <Compare storyId={storyId} versions={loaded} />}
          {versions.hasNextPage && (
            <Button
              variant="secondary"
              pending={versions.isFetchingNextPage}
              onClick={() => void versions.fetchNextPage()}
            >
              {t('meaning.shared.history.more')}
            </Button>
          )}
        </>
      )}
    </details>
  );
}

/**
 * Our story, written together: one text either partner changes (a new version each time, never a
 * silent overwrite), its history and comparisons, and comments. Opens with the couple's pace and
 * rests while joint work rests; it can always be read.
 */
export function SharedStoryPanel() {
  const shared = useSharedStory();
  const [editing, setEditing] = useState<Editing | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const stop = () => {
    setEditing(null);
    requestAnimationFrame(() => editButton.current?.focus());
  };

  return (
    <Panel heading={t('meaning.shared.heading')} id="together">
      <p>{t('meaning.shared.intro')}</p>
      {shared.isPending ? (
        <Loading label={t('meaning.loading')} />
      ) : shared.isError ? (
        <LoadError message={shared.error.message} onRetry={() => void shared.refetch()} />
      ) : (
        (() => {
          const { story, paceOpen, jointWorkOpen } = shared.data;
          const written = story.version > 0;
          const canWrite = story.together && paceOpen && jointWorkOpen;
          return (
            <>
              {!story.together && (
                <Notice>
                  <p>{t('meaning.shared.alone')}</p>
                </Notice>
              )}
              {story.together && !paceOpen && (
                <Notice>
                  <p>{t('meaning.pace.waiting')}</p>
                </Notice>
              )}
              {story.together && paceOpen && !jointWorkOpen && <JointWorkPaused />}
              {editing ? (
                <Editor editing={editing} setEditing={setEditing} onDone={stop} />
              ) : (
                <>
                  {written && story.updatedBy && story.updatedAt ? (
                    <p className={styles.quiet}>{changedBy(story.updatedBy, story.updatedAt)}</p>
                  ) : (
                    <p>{t('meaning.shared.nothingYet')}</p>
                  )}
                  {written && <SharedText sections={story.sections} level={3} />}
                  {canWrite && (
                    <p>
                      <Button
                        ref={editButton}
                        onClick={() =>
                          setEditing({
                            draft: { ...story.sections },
                            baseVersion: story.version,
                            conflict: null,
                          })
                        }
                      >
                        {written ? t('meaning.shared.edit') : t('meaning.shared.start')}
                      </Button>
                    </p>
                  )}
                </>
              )}
              {story.id && story.together && (
                <CommentsSection kind="meaning-shared-story" itemId={story.id} audience="partner" />
              )}
              {story.id && <History storyId={story.id} />}
            </>
          );
        })()
      )}
    </Panel>
  );
}
