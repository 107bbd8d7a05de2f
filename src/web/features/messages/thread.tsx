import { useEffect, useState } from 'react';
import type { TMessage, TThreadView } from '#shared/schemas/messages.ts';
import { isApiError } from '#web/core/api-client.ts';
import { t } from '#web/i18n/index.ts';
import { Button, cx, formatDateTime, LoadError } from '#web/ui/index.ts';
import { fetchOlder, type ThreadAddress } from './api';
import styles from './messages.module.css';

const byTime = (x: TMessage, y: TMessage) =>
  x.at === y.at ? x.id.localeCompare(y.id) : x.at < y.at ? -1 : 1;

/** Who wrote a message, in the reader's words. */
export function authorOf(message: TMessage): string {
  if (message.mine) return t('messages.author.you');
  if (message.authorRole === 'therapist')
    return t('messages.author.therapist', { name: message.authorName });
  return message.authorName;
}

/**
 * One thread, oldest first. Earlier pages are fetched on request and kept, together with every
 * message this page has shown, so a new message never pushes an older one out of sight.
 */
export function Thread({
  view,
  address,
  label,
}: {
  view: TThreadView;
  address: ThreadAddress;
  /** Names the list for screen readers ("Messages: All three of us"). */
  label: string;
}) {
  const [kept, setKept] = useState<Map<string, TMessage>>(() => new Map());
  const [olderCursor, setOlderCursor] = useState<string | null | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    setKept((previous) => {
      const next = new Map(previous);
      for (const message of view.messages) next.set(message.id, message);
      return next;
    });
  }, [view]);

  const shown = [...new Map([...kept, ...view.messages.map((m) => [m.id, m] as const)]).values()];
  shown.sort(byTime);
  const cursor = olderCursor === undefined ? view.olderCursor : olderCursor;

  const showOlder = async () => {
    if (!cursor) return;
    setLoading(true);
    setProblem(null);
    try {
      const page = await fetchOlder(address, cursor);
      setKept((previous) => {
        const next = new Map(previous);
        for (const message of page.messages) next.set(message.id, message);
        return next;
      });
      setOlderCursor(page.olderCursor);
    } catch (error) {
      setProblem(isApiError(error) ? error.message : String(error));
    } finally {
      setLoading(false);
    }
  };

  return (
    <div className={styles.thread}>
      {cursor && (
        <p>
          <Button type="button" variant="quiet" onClick={() => void showOlder()} disabled={loading}>
            {loading ? t('messages.thread.loadingOlder') : t('messages.thread.older')}
          </Button>
        </p>
      )}
      {problem && <LoadError message={problem} />}
      {shown.length === 0 ? (
        <p className={styles.empty}>{t('messages.thread.empty')}</p>
      ) : (
        <ol className={styles.messages} aria-label={label}>
          {shown.map((message) => (
            <li
              key={message.id}
              className={cx(
                styles.message,
                message.mine && styles.mine,
                message.authorRole === 'therapist' && styles.fromTherapist,
              )}
            >
              <p className={styles.meta}>
                <span className={styles.author}>{authorOf(message)}</span>{' '}
                <time dateTime={message.at}>{formatDateTime(message.at)}</time>
              </p>
              <p className={styles.body}>{message.body}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
