import { PassThrough } from 'node:stream';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { DatabaseHandle, DbOrTx } from '#server/db/index.ts';
import { queryRows } from '#server/db/index.ts';
import { liveCursors, liveEvents, notifications } from '#server/db/schema/index.ts';
import { jointWorkOpenSql } from '#server/policy/joint-work.ts';
import { LIVE_CHANNEL } from './notify';

/**
 * Open event streams (issue 12, decision 0052). Each process keeps its streams here, LISTENs on
 * one channel, and on a wake for a person reads that person's live-event log past what each of
 * their streams has sent. The log is the truth; a wake only says "look now". So a stream resuming
 * from `Last-Event-ID` gets exactly the events after it (numbers are dense per person), a NOTIFY
 * lost with a dropped connection costs a re-read of everyone (`onGap`), and a wake for a write
 * that rolled back finds nothing.
 *
 * Payloads on the channel: `u:<userId>,<userId>` (new events for these people) and
 * `end:<sessionId>` (a session was deleted: its streams end).
 */

/** How many events one read takes; more are read straight after. */
const PAGE = 200;
/**
 * Open streams one session may hold: one per tab is normal, and a handful covers several tabs.
 * A new stream past this closes the session's oldest, so no one session can hold many sockets
 * and their memory (a scripted client, or tabs whose close never reached the server).
 */
export const MAX_STREAMS_PER_SESSION = 6;
/** What the browser waits before reconnecting a dropped stream. */
const RETRY_MS = 2_000;

/**
 * Unread notifications the person can see: released ones (held ones are released by
 * `releaseHeldFor` or when joint work resumes, and stay visible after that).
 */
export function unreadCountSql(userId: string) {
  return sql`(select count(*)::int from ${notifications}
    where ${notifications.recipientId} = ${userId} and ${notifications.readAt} is null
      and ${notifications.releasedAt} is not null)`;
}

/**
 * Releases this person's notifications that waited for their space's joint work, if it is open
 * now. Once released they stay visible whatever happens to joint work later, so a new pause
 * never changes anyone's list or count (decision 0054).
 */
export async function releaseHeldFor(
  db: DbOrTx,
  userId: string,
  spaceId: string | null,
): Promise<void> {
  if (!spaceId) return;
  await db.execute(sql`update ${notifications} set released_at = now()
    where ${notifications.recipientId} = ${userId} and ${notifications.releasedAt} is null
      and ${notifications.spaceId} = ${spaceId} and ${jointWorkOpenSql(spaceId)}`);
}

export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select ${unreadCountSql(userId)} as n`);
  return row?.n ?? 0;
}

export interface LiveHubOptions {
  /** A comment line on every stream this often, so proxies and browsers keep it open. */
  heartbeatMs?: number;
  /** How often the sessions behind open streams are checked (expiry by time). */
  sessionCheckMs?: number;
  /** Which of these sessions are still live (not expired, not idle too long). */
  liveSessions: (sessionIds: string[]) => Promise<Set<string>>;
  logger: { warn(obj: object, msg?: string): void };
}

export interface StreamOwner {
  userId: string;
  sessionId: string;
  spaceId: string | null;
}

function frame(event: string, data: unknown, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** One open `text/event-stream` response. */
export class LiveStream {
  readonly body = new PassThrough();
  #cursor = 0;
  #ready = false;
  #pulling = false;
  #again = false;
  #closed = false;

  constructor(
    private readonly hub: LiveHub,
    readonly owner: StreamOwner,
  ) {}

  get closed(): boolean {
    return this.#closed;
  }

  /** Starts from `lastEventId` (a resume) or from now; sends the unread count first. */
  async start(lastEventId: number | null): Promise<void> {
    const { userId, spaceId } = this.owner;
    await releaseHeldFor(this.hub.db, userId, spaceId);
    const [row] = await queryRows<{ seq: string | null; unread: number }>(
      this.hub.db,
      sql`select (select ${liveCursors.seq} from ${liveCursors}
          where ${liveCursors.userId} = ${userId}) as seq,
        ${unreadCountSql(userId)} as unread`,
    );
    const now = Number(row?.seq ?? 0);
    // A number from the future (another database, a forged header) resumes from now.
    this.#cursor = lastEventId !== null && lastEventId <= now ? lastEventId : now;
    this.write(`retry: ${RETRY_MS}\n\n`);
    this.write(frame('count', { unread: row?.unread ?? 0 }));
    this.#ready = true;
    if (this.#cursor < now || this.#again) this.wake();
  }

  write(text: string): void {
    if (!this.#closed) this.body.write(text);
  }

  /** New events may be in the log: read and send them (one read at a time per stream). */
  wake(): void {
    if (this.#closed) return;
    if (!this.#ready || this.#pulling) {
      this.#again = true;
      return;
    }
    this.#pulling = true;
    void this.#pull()
      .catch((error: unknown) => {
        this.hub.options.logger.warn({ err: error }, 'reading the live-event log failed');
      })
      .finally(() => {
        this.#pulling = false;
        if (this.#again) {
          this.#again = false;
          this.wake();
        }
      });
  }

  async #pull(): Promise<void> {
    const { userId } = this.owner;
    for (;;) {
      this.#again = false;
      const rows = await this.hub.db
        .select({ seq: liveEvents.seq, topic: liveEvents.topic, data: liveEvents.data })
        .from(liveEvents)
        .where(and(eq(liveEvents.userId, userId), gt(liveEvents.seq, this.#cursor)))
        .orderBy(asc(liveEvents.seq))
        .limit(PAGE);
      if (this.#closed || rows.length === 0) return;
      // Numbers are dense per person; a hole means the log was pruned past this resume point.
      if (rows[0]!.seq !== this.#cursor + 1) this.write(frame('reset', {}));
      let countChanged = false;
      for (const row of rows) {
        this.#cursor = row.seq;
        if (row.topic === 'notification') {
          countChanged = true;
          this.write(frame('notification', row.data, row.seq));
        } else if (row.topic === 'count') {
          countChanged = true;
          this.write(`id: ${row.seq}\n\n`);
        } else {
          this.write(frame('change', row.data, row.seq));
        }
      }
      if (countChanged) {
        this.write(frame('count', { unread: await unreadCount(this.hub.db, userId) }));
      }
      if (rows.length < PAGE) return;
    }
  }

  /**
   * Ends the stream. `sessionEnded`: its session is over, so the page is told (`event: end`) and
   * does not reconnect; otherwise (the server stopping) the browser reconnects, maybe elsewhere.
   */
  close(sessionEnded = false): void {
    if (this.#closed) return;
    if (sessionEnded) this.write(frame('end', {}));
    this.#closed = true;
    this.hub.forget(this);
    this.body.end();
  }
}

export class LiveHub {
  readonly #byUser = new Map<string, Set<LiveStream>>();
  readonly #bySession = new Map<string, Set<LiveStream>>();
  #timers: NodeJS.Timeout[] = [];
  #unlisten: (() => void) | undefined;
  #started: Promise<void> | undefined;

  constructor(
    private readonly database: DatabaseHandle,
    readonly options: LiveHubOptions,
  ) {}

  get db() {
    return this.database.db;
  }

  /** How many streams this process holds. */
  get size(): number {
    let n = 0;
    for (const set of this.#byUser.values()) n += set.size;
    return n;
  }

  /** LISTENs and starts the heartbeat, session check and log pruning (once). */
  start(): Promise<void> {
    this.#started ??= (async () => {
      this.#unlisten = await this.database.listen(LIVE_CHANNEL, {
        onPayload: (payload) => this.#onPayload(payload),
        onGap: () => this.wakeAll(),
      });
      const every = (ms: number, run: () => void) => {
        const timer = setInterval(run, ms);
        timer.unref();
        this.#timers.push(timer);
      };
      every(this.options.heartbeatMs ?? 20_000, () => this.heartbeat());
      every(this.options.sessionCheckMs ?? 30_000, () => void this.checkSessions());
      every(60 * 60_000, () => void this.prune());
    })();
    return this.#started;
  }

  #onPayload(payload: string): void {
    if (payload.startsWith('u:')) {
      for (const userId of payload.slice(2).split(',')) {
        for (const stream of this.#byUser.get(userId) ?? []) stream.wake();
      }
    } else if (payload.startsWith('end:')) {
      this.endSession(payload.slice(4));
    }
  }

  /** Opens a stream for a signed-in person; the caller sends `stream.body` as the response. */
  async open(owner: StreamOwner, lastEventId: number | null): Promise<LiveStream> {
    await this.start();
    const held = this.#bySession.get(owner.sessionId);
    if (held && held.size >= MAX_STREAMS_PER_SESSION) [...held][0]?.close();
    const stream = new LiveStream(this, owner);
    // Registered before the starting point is read, so no event can fall between the two.
    this.#add(this.#byUser, owner.userId, stream);
    this.#add(this.#bySession, owner.sessionId, stream);
    try {
      await stream.start(lastEventId);
    } catch (error) {
      stream.close();
      throw error;
    }
    return stream;
  }

  #add(map: Map<string, Set<LiveStream>>, key: string, stream: LiveStream) {
    let set = map.get(key);
    if (!set) {
      set = new Set();
      map.set(key, set);
    }
    set.add(stream);
  }

  #remove(map: Map<string, Set<LiveStream>>, key: string, stream: LiveStream) {
    const set = map.get(key);
    if (!set) return;
    set.delete(stream);
    if (set.size === 0) map.delete(key);
  }

  /** @internal (LiveStream.close) */
  forget(stream: LiveStream): void {
    this.#remove(this.#byUser, stream.owner.userId, stream);
    this.#remove(this.#bySession, stream.owner.sessionId, stream);
  }

  heartbeat(): void {
    for (const set of this.#byUser.values()) for (const stream of set) stream.write(':\n\n');
  }

  wakeAll(): void {
    for (const set of this.#byUser.values()) for (const stream of set) stream.wake();
  }

  /** Ends every stream of a session (sign-out in this process; other processes hear `end:`). */
  endSession(sessionId: string): void {
    for (const stream of [...(this.#bySession.get(sessionId) ?? [])]) stream.close(true);
  }

  /** Ends the streams whose session has expired by time (idle or absolute). */
  async checkSessions(): Promise<void> {
    const ids = [...this.#bySession.keys()];
    if (ids.length === 0) return;
    try {
      const live = await this.options.liveSessions(ids);
      for (const id of ids) if (!live.has(id)) this.endSession(id);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'checking the sessions of open streams failed');
    }
  }

  /** A day of log is plenty for any reconnect; older events go. */
  async prune(): Promise<void> {
    try {
      await this.db.execute(
        sql`delete from ${liveEvents} where ${liveEvents.createdAt} < now() - interval '1 day'`,
      );
    } catch (error) {
      this.options.logger.warn({ err: error }, 'pruning the live-event log failed');
    }
  }

  /** Ends every stream and stops listening (the app is closing). */
  stop(): void {
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers = [];
    this.#unlisten?.();
    for (const set of [...this.#byUser.values()]) for (const stream of [...set]) stream.close();
  }
}
