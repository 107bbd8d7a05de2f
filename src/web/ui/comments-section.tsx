import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { TComment, TCommentItemKind, TThread, TWatchMode } from '#shared/schemas/comments.ts';
import { COMMENT_BODY_MAX, COMMENT_QUOTE_MAX, WATCH_MODES } from '#shared/schemas/comments.ts';
import { isApiError } from '#web/core/api-client.ts';
import {
  useComments,
  useEditComment,
  usePostComment,
  useSetWatch,
  useWithdrawComment,
  useWordings,
} from '#web/core/comments.ts';
import { plural, t } from '#web/i18n/index.ts';
import { useAnnounce } from './announcer';
import { Button, buttonRowClass } from './button';
import { ConfirmDialog } from './confirm-dialog';
import { formatDateTime } from './format';
import { LoadError, Loading } from './status';
import { TextAreaField } from './text-area-field';
import styles from './comments-section.module.css';

/** Who may read the item now, as the page that shows it knows it. */
export type CommentAudience =
  /** The two partners (the partner's view, or the author's of an item shared with the partner). */
  | 'partner'
  /** The author's view of an item shared with the therapist only. */
  | 'therapist'
  /** The author's view of an item shared with both. */
  | 'all'
  /** The therapist's view: they and the author. */
  | 'withAuthor'
  | 'private';

export interface CommentsSectionProps {
  kind: TCommentItemKind;
  itemId: string;
  audience: CommentAudience;
  /** The heading level inside the item's card (an item card's own heading is usually h3). */
  headingLevel?: 3 | 4;
}

function whoReads(audience: CommentAudience): string {
  switch (audience) {
    case 'partner':
      return t('comments.who.partner');
    case 'therapist':
      return t('comments.who.therapist');
    case 'all':
      return t('comments.who.all');
    case 'withAuthor':
      return t('comments.who.withAuthor');
    case 'private':
      return t('comments.who.private');
  }
}

const NOTIFY_WORDS = {
  all: 'comments.notify.all',
  replies: 'comments.notify.replies',
  none: 'comments.notify.none',
} as const;

/**
 * Comments under one shared item (issue 12, decision 0051): the newest thread open, the rest
 * behind "View all comments", replies, quotes of a passage of the item, edits with the earlier
 * wording one click away, withdrawal, and "Notify me of". It lives in the ui layer so every
 * feature page (and the therapist's view) can show it without importing another feature.
 *
 * A quote comes from words selected in the item above (in the card around this section: the
 * nearest `article`, or the element the section sits in), or typed into the quote field: the
 * server finds them in the item, so both ways work with a keyboard alone.
 */
export function CommentsSection({
  kind,
  itemId,
  audience,
  headingLevel = 3,
}: CommentsSectionProps) {
  const comments = useComments(kind, itemId);
  const [showAll, setShowAll] = useState(false);
  const headingId = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const pages = comments.data?.pages ?? [];
  const threads = pages.flatMap((page) => page.threads);
  const visible = showAll ? threads : threads.slice(0, 1);
  const sectionRef = useRef<HTMLElement>(null);

  return (
    <section
      ref={sectionRef}
      id={`comments-${itemId}`}
      className={styles.section}
      aria-labelledby={headingId}
    >
      <Heading id={headingId} className={styles.heading}>
        {t('comments.heading')}
      </Heading>
      <p className={styles.quiet}>{whoReads(audience)}</p>
      {comments.isPending ? (
        <Loading label={t('comments.loading')} />
      ) : comments.isError && threads.length === 0 ? (
        <LoadError message={comments.error.message} onRetry={() => void comments.refetch()} />
      ) : (
        <>
          {pages[0] && (
            <WatchControl
              kind={kind}
              itemId={itemId}
              mode={pages[0].watch.mode}
              isDefault={pages[0].watch.isDefault}
            />
          )}
          {threads.length === 0 ? (
            <p className={styles.quiet}>{t('comments.empty')}</p>
          ) : (
            <ol className={styles.threads}>
              {visible.map((thread) => (
                <li key={thread.id}>
                  <ThreadView kind={kind} itemId={itemId} thread={thread} />
                </li>
              ))}
            </ol>
          )}
          {(threads.length > 1 || comments.hasNextPage) && (
            <p className={buttonRowClass}>
              <Button
                variant="quiet"
                aria-expanded={showAll}
                onClick={() => setShowAll((open) => !open)}
              >
                {showAll ? t('comments.viewFewer') : plural('comments.viewAll', threads.length)}
              </Button>
              {showAll && comments.hasNextPage && !comments.isFetchingNextPage && (
                <Button variant="secondary" onClick={() => void comments.fetchNextPage()}>
                  {t('comments.more')}
                </Button>
              )}
            </p>
          )}
          {comments.isFetchingNextPage && <Loading label={t('comments.loadingMore')} />}
          <Composer kind={kind} itemId={itemId} sectionRef={sectionRef} />
        </>
      )}
    </section>
  );
}

function WatchControl({
  kind,
  itemId,
  mode,
  isDefault,
}: {
  kind: TCommentItemKind;
  itemId: string;
  mode: TWatchMode;
  isDefault: boolean;
}) {
  const setWatch = useSetWatch(kind, itemId);
  const announce = useAnnounce();
  const id = useId();
  return (
    <div className={styles.watch}>
      <label htmlFor={id}>{t('comments.notify.label')}</label>
      <select
        id={id}
        className={styles.select}
        value={mode}
        onChange={(event) => {
          const next = event.target.value as TWatchMode;
          setWatch.mutate(next, {
            onSuccess: () =>
              announce(t('comments.notify.saved', { choice: t(NOTIFY_WORDS[next]).toLowerCase() })),
          });
        }}
      >
        {WATCH_MODES.map((m) => (
          <option key={m} value={m}>
            {t(NOTIFY_WORDS[m])}
          </option>
        ))}
      </select>
      {isDefault && <p className={styles.quiet}>{t('comments.notify.default')}</p>}
      {setWatch.isError && <p role="alert">{setWatch.error.message}</p>}
    </div>
  );
}

/**
 * The button that opened a form (Reply, Edit), focused again when the form closes (posted,
 * saved or cancelled), so a keyboard user keeps their place in the thread.
 */
function useReturnFocus(open: boolean) {
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return button;
}

function authorLabel(comment: TComment): string {
  if (comment.mine) return t('comments.you');
  if (comment.authorRole === 'therapist')
    return t('comments.therapist', { name: comment.authorName });
  return comment.authorName;
}

function ThreadView({
  kind,
  itemId,
  thread,
}: {
  kind: TCommentItemKind;
  itemId: string;
  thread: TThread;
}) {
  const [replying, setReplying] = useState(false);
  const replyButton = useReturnFocus(replying);
  return (
    <div className={styles.thread}>
      <CommentView kind={kind} itemId={itemId} comment={thread} />
      {thread.replies.length > 0 && (
        <ol className={styles.replies}>
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <CommentView kind={kind} itemId={itemId} comment={reply} />
            </li>
          ))}
        </ol>
      )}
      {replying ? (
        <ReplyForm kind={kind} itemId={itemId} parent={thread} onDone={() => setReplying(false)} />
      ) : (
        <Button ref={replyButton} variant="quiet" onClick={() => setReplying(true)}>
          {t('comments.reply')}
        </Button>
      )}
    </div>
  );
}

function CommentView({
  kind,
  itemId,
  comment,
}: {
  kind: TCommentItemKind;
  itemId: string;
  comment: TComment;
}) {
  const [showEarlier, setShowEarlier] = useState(false);
  const [editing, setEditing] = useState(false);
  const editButton = useReturnFocus(editing);
  const article = useRef<HTMLElement>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const wordings = useWordings(comment.id, showEarlier);
  const withdraw = useWithdrawComment(kind, itemId);
  const earlierId = useId();

  return (
    <article
      ref={article}
      tabIndex={-1}
      className={styles.comment}
      aria-label={authorLabel(comment)}
    >
      <p className={styles.meta}>
        <span className={styles.author}>{authorLabel(comment)}</span>
        {' · '}
        <time dateTime={comment.at}>{formatDateTime(comment.at)}</time>
        {comment.editedAt && !comment.withdrawn && (
          <>
            {' · '}
            <span className={styles.edited}>{t('comments.edited')}</span>
          </>
        )}
      </p>
      {comment.quote && (
        <figure className={styles.quote}>
          <blockquote>
            <p>{comment.quote.text}</p>
          </blockquote>
          <figcaption className={styles.quoteCaption}>
            {comment.quote.changed ? t('comments.quoteChanged') : t('comments.quoteLabel')}
          </figcaption>
        </figure>
      )}
      {comment.withdrawn ? (
        <p className={styles.withdrawn}>{t('comments.withdrawn')}</p>
      ) : editing ? (
        <EditForm kind={kind} itemId={itemId} comment={comment} onDone={() => setEditing(false)} />
      ) : (
        <p className={styles.body}>{comment.body}</p>
      )}
      {comment.editedAt && !comment.withdrawn && (
        <div>
          <Button
            variant="quiet"
            aria-expanded={showEarlier}
            aria-controls={earlierId}
            onClick={() => setShowEarlier((open) => !open)}
          >
            {showEarlier ? t('comments.hideEarlier') : t('comments.showEarlier')}
          </Button>
          <div id={earlierId} hidden={!showEarlier}>
            {showEarlier &&
              (wordings.isPending ? (
                <Loading label={t('comments.earlierLoading')} />
              ) : wordings.isError ? (
                <LoadError message={wordings.error.message} />
              ) : (
                wordings.data.wordings.map((w) => (
                  <div key={w.version} className={styles.earlier}>
                    <p className={styles.meta}>
                      {t('comments.earlierHeading', { date: formatDateTime(w.writtenAt) })}
                    </p>
                    <p className={styles.body}>{w.body}</p>
                  </div>
                ))
              ))}
          </div>
        </div>
      )}
      {comment.mine && !comment.withdrawn && !editing && (
        <p className={buttonRowClass}>
          <Button ref={editButton} variant="quiet" onClick={() => setEditing(true)}>
            {t('comments.edit')}
          </Button>
          <Button variant="quiet" onClick={() => setWithdrawing(true)}>
            {t('comments.withdraw')}
          </Button>
        </p>
      )}
      <ConfirmDialog
        open={withdrawing}
        onClose={() => setWithdrawing(false)}
        onConfirm={() =>
          withdraw.mutate(comment.id, {
            onSuccess: () => {
              setWithdrawing(false);
              // Its buttons are gone with its words: keep the keyboard in the comment itself.
              article.current?.focus();
            },
          })
        }
        heading={t('comments.withdrawHeading')}
        confirmLabel={t('comments.withdrawConfirm')}
        pendingLabel={t('comments.withdrawing')}
        cancelLabel={t('comments.cancel')}
        pending={withdraw.isPending}
        error={withdraw.error?.message}
      >
        <p>{t('comments.withdrawBody')}</p>
      </ConfirmDialog>
    </article>
  );
}

function EditForm({
  kind,
  itemId,
  comment,
  onDone,
}: {
  kind: TCommentItemKind;
  itemId: string;
  comment: TComment;
  onDone: () => void;
}) {
  const [text, setText] = useState(comment.body ?? '');
  const [version, setVersion] = useState(comment.version);
  const [problem, setProblem] = useState<string>();
  const edit = useEditComment(kind, itemId);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    edit.mutate(
      { id: comment.id, version, body: text },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (isApiError(error) && error.status === 412) {
            // Someone (me, elsewhere) changed it: keep my words, start from the version now.
            const current = (error.current as { comment?: TComment } | undefined)?.comment;
            if (current) setVersion(current.version);
            setProblem(t('comments.conflict'));
            return;
          }
          setProblem(error.fields['body.body'] ?? error.message);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} className={styles.form}>
      <TextAreaField
        id={`edit-${id}`}
        label={t('comments.editLabel')}
        value={text}
        onValueChange={setText}
        max={COMMENT_BODY_MAX}
        rows={3}
        error={problem}
      />
      <SubmitOrCancel
        pending={edit.isPending}
        label={t('comments.save')}
        pendingLabel={t('comments.saving')}
        onCancel={onDone}
      />
    </form>
  );
}

/** The buttons under an edit or a reply: send it, or put the form away. */
function SubmitOrCancel({
  pending,
  label,
  pendingLabel,
  onCancel,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  onCancel: () => void;
}) {
  return (
    <p className={buttonRowClass}>
      <Button type="submit" pending={pending}>
        {pending ? pendingLabel : label}
      </Button>
      <Button variant="quiet" onClick={onCancel}>
        {t('comments.cancel')}
      </Button>
    </p>
  );
}

function ReplyForm({
  kind,
  itemId,
  parent,
  onDone,
}: {
  kind: TCommentItemKind;
  itemId: string;
  parent: TComment;
  onDone: () => void;
}) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const post = usePostComment(kind, itemId);
  const announce = useAnnounce();
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    post.mutate(
      { body: text, parentId: parent.id },
      {
        onSuccess: () => {
          announce(t('comments.posted'));
          onDone();
        },
        onError: (error) => setProblem(error.fields['body.body'] ?? error.message),
      },
    );
  };
  return (
    <form onSubmit={submit} className={styles.form}>
      <TextAreaField
        id={`reply-${id}`}
        label={t('comments.replyLabel', { name: authorLabel(parent) })}
        value={text}
        onValueChange={setText}
        max={COMMENT_BODY_MAX}
        rows={3}
        error={problem}
        autoFocus
      />
      <SubmitOrCancel
        pending={post.isPending}
        label={t('comments.postReply')}
        pendingLabel={t('comments.posting')}
        onCancel={onDone}
      />
    </form>
  );
}

/** The words selected inside the item this section belongs to, kept until used. */
function useSelectedWords(sectionRef: React.RefObject<HTMLElement | null>): string {
  const [words, setWords] = useState('');
  useEffect(() => {
    const onChange = () => {
      const section = sectionRef.current;
      const selection = document.getSelection();
      if (!section || !selection || selection.isCollapsed || !selection.anchorNode) return;
      const source =
        section.closest('[data-comment-source]') ??
        section.closest('article') ??
        section.parentElement;
      const node = selection.anchorNode;
      if (!source?.contains(node) || section.contains(node)) return;
      const text = selection.toString().trim();
      if (text) setWords(text.slice(0, COMMENT_QUOTE_MAX));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [sectionRef]);
  return words;
}

function Composer({
  kind,
  itemId,
  sectionRef,
}: {
  kind: TCommentItemKind;
  itemId: string;
  sectionRef: React.RefObject<HTMLElement | null>;
}) {
  const [text, setText] = useState('');
  const [quote, setQuote] = useState('');
  const [errors, setErrors] = useState<{ body?: string; quote?: string; other?: string }>({});
  const post = usePostComment(kind, itemId);
  const announce = useAnnounce();
  const selected = useSelectedWords(sectionRef);
  const id = useId();
  const bodyId = `comment-${id}`;
  const quoteId = `quote-${id}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    const words = quote.trim();
    post.mutate(
      { body: text, ...(words ? { quote: { text: words } } : {}) },
      {
        onSuccess: () => {
          setText('');
          setQuote('');
          announce(t('comments.posted'));
        },
        onError: (error) => {
          const body = error.fields['body.body'];
          const quoted = error.fields['body.quote.text'] ?? error.fields['body.quote'];
          setErrors(body || quoted ? { body, quote: quoted } : { other: error.message });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} className={styles.form}>
      <div className={styles.quoteField}>
        <TextAreaField
          id={quoteId}
          label={t('comments.quoteField')}
          hint={t('comments.quoteHint')}
          value={quote}
          onValueChange={setQuote}
          max={COMMENT_QUOTE_MAX}
          rows={2}
          error={errors.quote}
        />
        <p className={buttonRowClass}>
          <Button
            variant="secondary"
            onClick={() => {
              // Nothing selected in the item: the quote field is the way in (typed or pasted).
              if (!selected) {
                document.getElementById(quoteId)?.focus();
                return;
              }
              setQuote(selected);
              document.getElementById(bodyId)?.focus();
            }}
          >
            {t('comments.quoteSelection')}
          </Button>
          {quote && (
            <Button variant="quiet" onClick={() => setQuote('')}>
              {t('comments.quoteClear')}
            </Button>
          )}
        </p>
      </div>
      <TextAreaField
        id={bodyId}
        label={t('comments.newLabel')}
        hint={t('comments.newHint')}
        value={text}
        onValueChange={setText}
        max={COMMENT_BODY_MAX}
        rows={3}
        error={errors.body}
      />
      {errors.other && (
        <p role="alert" className={styles.problem}>
          {errors.other}
        </p>
      )}
      <Button type="submit" pending={post.isPending}>
        {post.isPending ? t('comments.posting') : t('comments.post')}
      </Button>
    </form>
  );
}
