import { useId, useState, type FormEvent } from 'react';
import { COMMENT_ITEM_KINDS, type TCommentItemKind } from '#shared/schemas/comments.ts';
import { CommentsSection } from '#web/ui/comments-section.tsx';
import { Link, useParams } from 'react-router';
import {
  NOTE_MAX,
  SUGGESTION_NOTE_MAX,
  type TCoupleSummary,
  type TItemSummary,
  type TNote,
  type TOpenedItem,
} from '#shared/schemas/practice.ts';
import { isApiError, isVersionConflict } from '#web/core/api-client.ts';
import { t, type MessageKey } from '#web/i18n/index.ts';
import {
  Button,
  buttonClass,
  ConfirmDialog,
  cx,
  formatDate,
  LoadError,
  Loading,
  Notice,
  Page,
  Panel,
  useAnnounce,
} from '#web/ui/index.ts';
import {
  useAddNote,
  useCouple,
  useCoupleNotes,
  useCouples,
  useDeleteNote,
  useEditNote,
  useMyNotes,
  useOpenedItem,
  useSuggest,
  useWithdraw,
} from './api';
import { ConflictPanel } from '#web/ui/conflict-panel.tsx';
import { TextAreaField } from '#web/ui/text-area-field.tsx';
import { partText } from './part-text';
import styles from './practice.module.css';

function coupleNames(partners: { displayName: string }[]): string {
  const [first, second] = partners.map((p) => p.displayName);
  return second ? t('practice.couple.names', { first: first!, second }) : (first ?? '');
}

/** "Check-in, 3 March 2026 · Robin": kind, date and author; never a word of the content. */
function itemMeta(item: TItemSummary): string {
  return t('practice.items.meta', {
    kind: t(`practice.kind.${item.kind}`),
    date: formatDate(item.day ? `${item.day}T12:00:00` : item.at),
    author: item.authorName,
  });
}

/* ---------- /practice ---------- */

/** The couples a therapist works with now, each with what is new since they last looked. */
export function PracticePage() {
  const couples = useCouples();
  return (
    <Page title={t('practice.title')} heading={t('practice.heading')} lead={t('practice.lead')}>
      <p>
        <Link to="/practice/notes">{t('practice.notesLink')}</Link>
      </p>
      {couples.isPending && <Loading label={t('practice.loading')} />}
      {couples.isError && (
        <LoadError message={couples.error.message} onRetry={() => void couples.refetch()} />
      )}
      {couples.data &&
        (couples.data.length === 0 ? (
          <Notice>
            <p>{t('practice.couples.none')}</p>
          </Notice>
        ) : (
          <ul className={styles.list}>
            {couples.data.map((couple) => (
              <CoupleCard key={couple.linkId} couple={couple} />
            ))}
          </ul>
        ))}
    </Page>
  );
}

function CoupleCard({ couple }: { couple: TCoupleSummary }) {
  const names = coupleNames(couple.partners);
  const nothingNew = couple.newItems === 0 && couple.newMessages === 0;
  return (
    <li className={styles.card}>
      <h2 className={styles.cardHeading}>{names}</h2>
      <p className={styles.muted}>
        {t('practice.couple.since', { date: formatDate(couple.since) })}
      </p>
      {nothingNew ? (
        <p>{t('practice.couple.nothingNew')}</p>
      ) : (
        <ul className={styles.news}>
          {couple.newItems > 0 && (
            <li>{t('practice.couple.newItems', { count: couple.newItems })}</li>
          )}
          {couple.newMessages > 0 && (
            <li>{t('practice.couple.newMessages', { count: couple.newMessages })}</li>
          )}
        </ul>
      )}
      <Link
        className={buttonClass('secondary')}
        to={`/practice/couples/${couple.linkId}`}
        aria-label={t('practice.couple.openLabel', { names })}
      >
        {t('practice.couple.open')}
      </Link>
    </li>
  );
}

/* ---------- /practice/couples/:linkId ---------- */

export function PracticeCouplePage() {
  const { linkId = '' } = useParams();
  const couple = useCouple(linkId);
  const pages = couple.data?.pages ?? [];
  const first = pages[0];
  const names = first ? coupleNames(first.partners) : '';
  return (
    <Page title={t('practice.couplePage.title')} heading={names || t('practice.couplePage.title')}>
      <p className={styles.links}>
        <Link to="/practice">{t('practice.couplePage.back')}</Link>
        <Link to={`/messages/couples/${linkId}`}>{t('practice.couplePage.messages')}</Link>
      </p>
      {couple.isPending && <Loading label={t('practice.couplePage.loading')} />}
      {couple.isError && (
        <LoadError message={couple.error.message} onRetry={() => void couple.refetch()} />
      )}
      {first && (
        <>
          <Notice>
            <p>{t('practice.couplePage.privacy')}</p>
          </Notice>
          <Panel heading={t('practice.items.heading')}>
            {first.items.length === 0 ? (
              <p>{t('practice.items.none')}</p>
            ) : (
              <ul className={styles.items}>
                {pages
                  .flatMap((page) => page.items)
                  .map((item) => (
                    <SharedItem key={`${item.kind}:${item.id}`} linkId={linkId} item={item} />
                  ))}
              </ul>
            )}
            {couple.hasNextPage && (
              <Button
                variant="quiet"
                pending={couple.isFetchingNextPage}
                onClick={() => void couple.fetchNextPage()}
              >
                {t('practice.items.more')}
              </Button>
            )}
          </Panel>
          <CoupleNotes linkId={linkId} />
          <SuggestPanel
            linkId={linkId}
            exercises={first.exercises}
            suggestions={first.suggestions}
          />
        </>
      )}
    </Page>
  );
}

function SharedItem({ linkId, item }: { linkId: string; item: TItemSummary }) {
  const [open, setOpen] = useState(false);
  const meta = itemMeta(item);
  return (
    <li className={styles.item}>
      <div className={styles.itemRow}>
        <h3 className={styles.itemHeading}>{meta}</h3>
        <Button
          variant="quiet"
          aria-expanded={open}
          aria-label={t(open ? 'practice.items.closeLabel' : 'practice.items.openLabel', {
            what: meta,
          })}
          onClick={() => setOpen(!open)}
        >
          {t(open ? 'practice.items.close' : 'practice.items.open')}
        </Button>
      </div>
      {open && <OpenedItem linkId={linkId} item={item} />}
    </li>
  );
}

const PART_LABELS: Record<string, MessageKey> = {
  feelings: 'practice.part.feelings',
  intensity: 'practice.part.intensity',
  triggerIntensity: 'practice.part.triggerIntensity',
  pain: 'practice.part.pain',
  triggers: 'practice.part.triggers',
  needs: 'practice.part.needs',
  note: 'practice.part.note',
  cue: 'practice.part.cue',
  felt: 'practice.part.felt',
  helped: 'practice.part.helped',
  nextTime: 'practice.part.nextTime',
  body: 'practice.part.body',
  whatHappened: 'practice.part.whatHappened',
  howItAffectedMe: 'practice.part.howItAffectedMe',
  whatINeedNow: 'practice.part.whatINeedNow',
  paraphrase: 'practice.part.paraphrase',
  acknowledgement: 'practice.part.acknowledgement',
};

function partLabel(part: TOpenedItem['parts'][number]): string {
  if (part.label) return part.label;
  const key = PART_LABELS[part.key];
  return key ? t(key as 'practice.part.note') : t('practice.part.scale');
}

function OpenedItem({ linkId, item }: { linkId: string; item: TItemSummary }) {
  const opened = useOpenedItem(linkId, item);
  if (opened.isPending) return <Loading label={t('practice.items.loading')} />;
  if (opened.isError) {
    return <LoadError message={opened.error.message} onRetry={() => void opened.refetch()} />;
  }
  const content = opened.data;
  return (
    <div className={styles.opened}>
      {content.title && <p className={styles.muted}>{content.title}</p>}
      {content.parts.length === 0 ? (
        <p>{t('practice.items.empty')}</p>
      ) : (
        <dl className={styles.parts}>
          {content.parts.map((part, index) => (
            <div key={`${part.key}-${index}`} className={styles.part}>
              <dt>{partLabel(part)}</dt>
              <dd>{partText(part)}</dd>
            </div>
          ))}
        </dl>
      )}
      {isCommentable(item.kind) && (
        <CommentsSection kind={item.kind} itemId={item.id} audience="withAuthor" headingLevel={4} />
      )}
    </div>
  );
}

/** Kinds whose manifest lets them carry comments (a guide reflection cannot yet). */
function isCommentable(kind: string): kind is TCommentItemKind {
  return (COMMENT_ITEM_KINDS as readonly string[]).includes(kind);
}

/* ---------- Notes ---------- */

function noteDates(note: TNote): string {
  return note.updatedAt !== note.createdAt
    ? t('practice.notes.changed', {
        date: formatDate(note.createdAt),
        changed: formatDate(note.updatedAt),
      })
    : t('practice.notes.written', { date: formatDate(note.createdAt) });
}

function NoteField({
  label,
  value,
  onChange,
  hint,
  max,
  rows = 4,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  max: number;
  rows?: number;
}) {
  const id = useId();
  return (
    <TextAreaField
      id={id}
      label={label}
      hint={hint}
      value={value}
      onValueChange={onChange}
      max={max}
      hardLimit
      rows={rows}
    />
  );
}

function CoupleNotes({ linkId }: { linkId: string }) {
  const notes = useCoupleNotes(linkId);
  const add = useAddNote(linkId);
  const announce = useAnnounce();
  const [body, setBody] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === '') return;
    add.mutate(body, {
      onSuccess: () => {
        setBody('');
        announce(t('practice.notes.saved'));
      },
    });
  };
  return (
    <Panel heading={t('practice.notes.heading')}>
      <p className={styles.muted}>{t('practice.notes.private')}</p>
      <form onSubmit={submit} className={styles.form}>
        <NoteField label={t('practice.notes.new')} value={body} onChange={setBody} max={NOTE_MAX} />
        {add.isError && (
          <p role="alert" className={styles.problem}>
            {add.error.message}
          </p>
        )}
        <Button type="submit" pending={add.isPending}>
          {add.isPending ? t('practice.notes.saving') : t('practice.notes.add')}
        </Button>
      </form>
      {notes.isPending && <Loading label={t('practice.couplePage.loading')} />}
      {notes.isError && (
        <LoadError message={notes.error.message} onRetry={() => void notes.refetch()} />
      )}
      {notes.data &&
        (notes.data.length === 0 ? (
          <p>{t('practice.notes.none')}</p>
        ) : (
          <ul className={styles.list}>
            {notes.data.map((note) => (
              <NoteCard key={note.id} note={note} />
            ))}
          </ul>
        ))}
    </Panel>
  );
}

function NoteCard({ note, context }: { note: TNote; context?: string }) {
  const edit = useEditNote();
  const remove = useDeleteNote();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const date = formatDate(note.createdAt);
  // The notes reload after every save (api.ts), so after a conflict `note` is the newer one.
  const conflict = isVersionConflict(edit.error);

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    if (draft === null || draft.trim() === '') return;
    edit.mutate(
      { id: note.id, version: note.version, body: draft },
      {
        onSuccess: () => {
          setDraft(null);
          announce(t('practice.notes.saved'));
        },
      },
    );
  };

  return (
    <li className={styles.card}>
      {context && <p className={styles.context}>{context}</p>}
      <p className={styles.muted}>{noteDates(note)}</p>
      {draft === null ? (
        <>
          <p className={styles.noteBody}>{note.body}</p>
          <div className={styles.actions}>
            <Button
              variant="quiet"
              aria-label={t('practice.notes.editLabel', { date })}
              onClick={() => {
                edit.reset();
                setDraft(note.body);
              }}
            >
              {t('practice.notes.edit')}
            </Button>
            <Button
              variant="quiet"
              aria-label={t('practice.notes.deleteLabel', { date })}
              onClick={() => setConfirming(true)}
            >
              {t('practice.notes.delete')}
            </Button>
          </div>
        </>
      ) : (
        <form onSubmit={save} className={styles.form}>
          <NoteField
            label={t('practice.notes.editField', { date })}
            value={draft}
            onChange={setDraft}
            max={NOTE_MAX}
            rows={6}
          />
          {conflict && (
            <ConflictPanel
              body={t('practice.notes.conflict')}
              parts={[
                {
                  key: 'body',
                  label: t('practice.notes.editField', { date }),
                  mine: draft,
                  saved: note.body,
                },
              ]}
              onKeepMine={() => save()}
              onTakeSaved={() => {
                setDraft(note.body);
                edit.reset();
              }}
              pending={edit.isPending}
            />
          )}
          {edit.isError && !conflict && (
            <p role="alert" className={styles.problem}>
              {edit.error.message}
            </p>
          )}
          <div className={styles.actions}>
            <Button type="submit" pending={edit.isPending}>
              {edit.isPending ? t('practice.notes.saving') : t('practice.notes.update')}
            </Button>
            <Button variant="quiet" onClick={() => setDraft(null)}>
              {t('practice.notes.cancel')}
            </Button>
          </div>
        </form>
      )}
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(note.id, {
            onSuccess: () => {
              setConfirming(false);
              announce(t('practice.notes.deleted'));
            },
          })
        }
        heading={t('practice.notes.confirmHeading')}
        confirmLabel={t('practice.notes.confirm')}
        pendingLabel={t('practice.notes.deleting')}
        cancelLabel={t('practice.notes.keep')}
        pending={remove.isPending}
        error={remove.error?.message}
      >
        <p>{t('practice.notes.confirmBody')}</p>
      </ConfirmDialog>
    </li>
  );
}

/* ---------- Suggestions ---------- */

function SuggestPanel({
  linkId,
  exercises,
  suggestions,
}: {
  linkId: string;
  exercises: { key: string; title: string }[];
  suggestions: { id: string; exercise: string; note: string; createdAt: string }[];
}) {
  const suggest = useSuggest(linkId);
  const withdraw = useWithdraw(linkId);
  const announce = useAnnounce();
  const selectId = useId();
  const [exercise, setExercise] = useState('');
  const [note, setNote] = useState('');
  const titleOf = (key: string) => exercises.find((e) => e.key === key)?.title ?? key;
  const fieldError =
    isApiError(suggest.error) && suggest.error.fields?.exercise
      ? suggest.error.fields.exercise
      : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    suggest.mutate(
      { exercise, note },
      {
        onSuccess: () => {
          setExercise('');
          setNote('');
          announce(t('practice.suggest.sent'));
        },
      },
    );
  };

  return (
    <Panel heading={t('practice.suggest.heading')}>
      <p className={styles.muted}>{t('practice.suggest.intro')}</p>
      <form onSubmit={submit} className={styles.form}>
        <div className={styles.field}>
          <label className={styles.label} htmlFor={selectId}>
            {t('practice.suggest.exercise')}
          </label>
          {fieldError && (
            <p className={styles.problem} id={`${selectId}-error`}>
              {fieldError}
            </p>
          )}
          <select
            id={selectId}
            className={cx(styles.select)}
            value={exercise}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${selectId}-error` : undefined}
            onChange={(event) => setExercise(event.target.value)}
          >
            <option value="">{t('practice.suggest.choose')}</option>
            {exercises.map((e) => (
              <option key={e.key} value={e.key}>
                {e.title}
              </option>
            ))}
          </select>
        </div>
        <NoteField
          label={t('practice.suggest.note')}
          hint={t('practice.suggest.noteHint')}
          value={note}
          onChange={setNote}
          max={SUGGESTION_NOTE_MAX}
          rows={3}
        />
        {suggest.isError && !fieldError && (
          <p role="alert" className={styles.problem}>
            {suggest.error.message}
          </p>
        )}
        <Button type="submit" pending={suggest.isPending}>
          {suggest.isPending ? t('practice.suggest.sending') : t('practice.suggest.send')}
        </Button>
      </form>
      {suggestions.length > 0 && (
        <>
          <h3>{t('practice.suggest.open')}</h3>
          <ul className={styles.list}>
            {suggestions.map((s) => (
              <li key={s.id} className={styles.card}>
                <p className={styles.cardHeading}>{titleOf(s.exercise)}</p>
                {s.note && <p className={styles.noteBody}>{s.note}</p>}
                <p className={styles.muted}>{formatDate(s.createdAt)}</p>
                <Button
                  variant="quiet"
                  pending={withdraw.isPending}
                  aria-label={t('practice.suggest.withdrawLabel', { title: titleOf(s.exercise) })}
                  onClick={() =>
                    withdraw.mutate(s.id, {
                      onSuccess: () => announce(t('practice.suggest.withdrawn')),
                    })
                  }
                >
                  {t('practice.suggest.withdraw')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {withdraw.isError && (
        <p role="alert" className={styles.problem}>
          {withdraw.error.message}
        </p>
      )}
    </Panel>
  );
}

/* ---------- /practice/notes ---------- */

export function PracticeNotesPage() {
  const notes = useMyNotes();
  return (
    <Page
      title={t('practice.allNotes.title')}
      heading={t('practice.allNotes.heading')}
      lead={t('practice.allNotes.lead')}
    >
      <p>
        <Link to="/practice">{t('practice.couplePage.back')}</Link>
      </p>
      {notes.isPending && <Loading label={t('practice.allNotes.loading')} />}
      {notes.isError && (
        <LoadError message={notes.error.message} onRetry={() => void notes.refetch()} />
      )}
      {notes.data &&
        (notes.data.length === 0 ? (
          <p>{t('practice.notes.none')}</p>
        ) : (
          <ul className={styles.list}>
            {notes.data.map((note) => (
              <NoteCard
                key={note.id}
                note={note}
                context={
                  note.couple
                    ? t('practice.allNotes.about', { names: coupleNames(note.couple.partners) })
                    : t('practice.allNotes.former')
                }
              />
            ))}
          </ul>
        ))}
    </Page>
  );
}
