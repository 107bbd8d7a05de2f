import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { messages, type QueryOptions, type Results } from '@electric-sql/pglite';
import { DrizzleQueryError } from 'drizzle-orm';
import type { DbLogger } from './types';

/**
 * A PGlite-shaped client whose engine runs in `pglite-worker.js` on its own thread.
 *
 * It implements exactly what `drizzle-orm/pglite` calls on a PGlite instance, so
 * `drizzle({ client })` runs unchanged:
 *   - `query(sql, params, { rowMode, parsers })`: results `{ rows, fields, affectedRows }`.
 *     Parser functions cannot cross threads: the worker returns the types they cover as text and
 *     they run here, so their result is what in-process PGlite would give.
 *   - `transaction(cb)` with `tx.query`, `tx.exec`, `tx.rollback()` and `tx.closed`.
 * Errors come back as PGlite's `DatabaseError` (the pg-protocol class) with every Postgres field
 * (`code`, `constraint`, `detail`, `table`, ...), so Drizzle wraps them exactly like in-process
 * PGlite and node-postgres do: `err.cause.code === '23505'`.
 */

interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  database: boolean;
  fields: Record<string, unknown>;
}

type Reply =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: SerializedError };
type WorkerEvent =
  | { event: 'ready' }
  | { event: 'failed'; error: SerializedError }
  | { event: 'notification'; channel: string; payload: string };

type Parser = (value: string, typeId?: number) => unknown;

interface WireOptions {
  rowMode?: 'array' | 'object';
  textTypes?: number[];
  paramTypes?: number[];
}

export interface PgliteWorkerOptions {
  /** A directory path, or `memory://` for an in-memory database. */
  dataDir: string;
  /** A `dumpDataDir()` tarball (gzip or plain) to start from; the directory must not hold a database yet. */
  loadDataDir?: Uint8Array;
  postgresqlconf?: string[];
  /** PGlite's compiled pglite.wasm; by default compiled once per process and shared by all workers. */
  wasmModule?: WebAssembly.Module;
  /** Warn when a query outside a transaction has waited this long behind one (default 5 s). */
  waitWarningMs?: number;
  logger: DbLogger;
}

/** `shared_buffers` at PGlite's default 128MB costs ~120 MB of RSS for nothing at this scale. */
export const DEFAULT_POSTGRESQL_CONF = ['shared_buffers=16MB'];

const WORKER_URL = new URL('./pglite-worker.js', import.meta.url);
/** A query outside a transaction that waits this long behind one is almost surely a deadlock. */
const WAIT_WARNING_MS = 5_000;

/**
 * BEGIN/COMMIT/ROLLBACK failures: node-postgres' Drizzle session sends these as queries, so they
 * reach callers wrapped in DrizzleQueryError. Wrap them the same way here.
 */
function asQueryError(statement: string, error: unknown): unknown {
  return error instanceof messages.DatabaseError
    ? new DrizzleQueryError(statement, [], error)
    : error;
}
const CLOSE_TIMEOUT_MS = 15_000;

let compiled: Promise<WebAssembly.Module | undefined> | undefined;

/**
 * pglite.wasm compiled once per process: every worker (tests open many; scripts several) then
 * skips compiling it and shares the tiered-up code. On any trouble PGlite compiles it itself.
 */
function sharedWasmModule(logger: DbLogger): Promise<WebAssembly.Module | undefined> {
  compiled ??= (async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    return WebAssembly.compile(await fs.promises.readFile(path.join(dist, 'pglite.wasm')));
  })().catch((error: unknown) => {
    logger.warn({ err: error }, 'could not precompile pglite.wasm; each worker compiles it');
    return undefined;
  });
  return compiled;
}

function rebuildError(serialized: SerializedError): Error {
  let error: Error;
  if (serialized.database) {
    const length = typeof serialized.fields.length === 'number' ? serialized.fields.length : 0;
    error = new messages.DatabaseError(serialized.message, length, 'error');
  } else {
    error = new Error(serialized.message);
    error.name = serialized.name;
  }
  Object.assign(error, serialized.fields);
  if (serialized.stack) error.stack = `${serialized.stack}\n    at (PGlite worker thread)`;
  return error;
}

function wireOptions(options: QueryOptions | undefined): {
  wire?: WireOptions;
  parsers?: Record<number, Parser>;
} {
  if (!options) return {};
  if (options.serializers && Object.keys(options.serializers).length > 0) {
    throw new Error(
      'PGlite worker client: custom serializers are not supported (functions cannot cross threads)',
    );
  }
  if (options.blob) throw new Error('PGlite worker client: blob (COPY) is not supported');
  const wire: WireOptions = {};
  if (options.rowMode) wire.rowMode = options.rowMode;
  if (options.paramTypes) wire.paramTypes = options.paramTypes;
  let parsers: Record<number, Parser> | undefined;
  if (options.parsers) {
    const types = Object.keys(options.parsers).map(Number);
    if (types.length > 0) {
      wire.textTypes = types;
      parsers = options.parsers;
    }
  }
  return { wire, parsers };
}

function applyParsers(
  result: Results,
  parsers: Record<number, Parser> | undefined,
  rowMode: string | undefined,
) {
  if (!parsers || result.rows.length === 0) return;
  const fields = result.fields;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const parse = parsers[field.dataTypeID];
    if (!parse) continue;
    const key: string | number = rowMode === 'array' ? i : field.name;
    for (const row of result.rows as Record<string | number, unknown>[]) {
      const value = row[key];
      if (typeof value === 'string') row[key] = parse(value, field.dataTypeID);
    }
  }
}

export class PgliteWorkerTransaction {
  #closed = false;
  constructor(
    private readonly client: PgliteWorkerClient,
    readonly id: number,
  ) {}

  get closed(): boolean {
    return this.#closed;
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    if (this.#closed) return Promise.reject(new Error('Transaction is closed'));
    return this.client._query<T>(sql, params, options, this.id);
  }

  exec(sql: string, options?: QueryOptions): Promise<Results[]> {
    if (this.#closed) return Promise.reject(new Error('Transaction is closed'));
    return this.client._exec(sql, options, this.id);
  }

  /** Rolls back now; the transaction callback may still return normally (as with PGlite). */
  async rollback(): Promise<void> {
    if (this.#closed) throw new Error('Transaction is closed');
    this.#closed = true;
    await this.client._request({ op: 'rollback', tx: this.id });
  }

  /** @internal */
  async _end(commit: boolean): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.client._request({ op: commit ? 'commit' : 'rollback', tx: this.id });
  }
}

export class PgliteWorkerClient {
  readonly #worker: Worker;
  readonly #logger: DbLogger;
  readonly #pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  #nextId = 1;
  readonly #listeners = new Map<string, Set<(payload: string) => void>>();
  #openTransactions = 0;
  readonly #waitWarningMs: number;
  #dead: Error | undefined;
  #closing: Promise<void> | undefined;
  #stopping = false;
  #exitCode: number | undefined;
  readonly #exited: Promise<void>;
  readonly waitReady: Promise<void>;

  private constructor(
    options: PgliteWorkerOptions & { wasmModule: WebAssembly.Module | undefined },
  ) {
    this.#logger = options.logger;
    this.#waitWarningMs = options.waitWarningMs ?? WAIT_WARNING_MS;
    this.#worker = new Worker(WORKER_URL, {
      workerData: {
        dataDir: options.dataDir,
        loadDataDir: options.loadDataDir,
        postgresqlconf: options.postgresqlconf ?? DEFAULT_POSTGRESQL_CONF,
        wasmModule: options.wasmModule,
      },
      // The worker is plain JavaScript: it needs no loader (tsx, Vitest) from the parent.
      execArgv: [],
    });
    this.#exited = new Promise((resolve) => this.#worker.once('exit', () => resolve()));

    this.waitReady = new Promise<void>((resolve, reject) => {
      const onEvent = (message: Reply | WorkerEvent) => {
        if ('event' in message) {
          if (message.event === 'notification') {
            for (const listener of this.#listeners.get(message.channel) ?? []) {
              listener(message.payload);
            }
            return;
          }
          if (message.event === 'ready') resolve();
          else reject(rebuildError(message.error));
          return;
        }
        this.#settle(message);
      };
      this.#worker.on('message', onEvent);
      this.#worker.on('error', (error) => {
        if (!this.#stopping) this.#logger.error({ err: error }, 'the PGlite worker failed');
        this.#fail(error);
        reject(error);
      });
      this.#worker.on('exit', (code) => {
        this.#exitCode = code;
        const error = new Error(`The PGlite worker stopped (exit code ${code})`);
        if (!this.#stopping) this.#logger.error({ code }, 'the PGlite worker stopped unexpectedly');
        this.#fail(error);
        reject(error);
      });
    });
  }

  /** Starts the worker and resolves once PGlite is ready; on failure the worker is gone. */
  static async start(options: PgliteWorkerOptions): Promise<PgliteWorkerClient> {
    const wasmModule = options.wasmModule ?? (await sharedWasmModule(options.logger));
    const client = new PgliteWorkerClient({ ...options, wasmModule });
    try {
      await client.waitReady;
    } catch (error) {
      client.#stopping = true;
      await client.#worker.terminate();
      throw error;
    }
    return client;
  }

  get closed(): boolean {
    return this.#dead !== undefined;
  }

  get ready(): boolean {
    return this.#dead === undefined;
  }

  #settle(reply: Reply) {
    const waiter = this.#pending.get(reply.id);
    if (!waiter) return;
    this.#pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.result);
    else waiter.reject(rebuildError(reply.error));
  }

  #fail(error: Error) {
    this.#dead ??= error;
    for (const waiter of this.#pending.values()) waiter.reject(error);
    this.#pending.clear();
  }

  /** @internal */
  _request<T = unknown>(message: Record<string, unknown>): Promise<T> {
    if (this.#dead)
      return Promise.reject(new Error('The database is closed', { cause: this.#dead }));
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      try {
        this.#worker.postMessage({ ...message, id });
      } catch (error) {
        // A parameter that cannot be cloned (a function, say).
        this.#pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  #watchForDeadlock<T>(promise: Promise<T>, sql: string): Promise<T> {
    if (this.#openTransactions === 0) return promise;
    const timer = setTimeout(() => {
      this.#logger.warn(
        { waitedMs: this.#waitWarningMs, statement: sql.slice(0, 80) },
        'a query outside a transaction is waiting for an open transaction to end; inside db.transaction(), use tx, not db, or it deadlocks on the embedded engine',
      );
    }, this.#waitWarningMs);
    timer.unref();
    return promise.finally(() => clearTimeout(timer));
  }

  /** @internal */
  async _query<T>(
    sql: string,
    params: unknown[] | undefined,
    options: QueryOptions | undefined,
    tx?: number,
  ) {
    const { wire, parsers } = wireOptions(options);
    const request = this._request<Results<T>>({
      op: 'query',
      sql,
      params: params ?? [],
      options: wire,
      tx,
    });
    const result = await (tx === undefined ? this.#watchForDeadlock(request, sql) : request);
    applyParsers(result as Results, parsers, wire?.rowMode);
    return result;
  }

  /** @internal */
  async _exec(sql: string, options: QueryOptions | undefined, tx?: number): Promise<Results[]> {
    const { wire, parsers } = wireOptions(options);
    const request = this._request<Results[]>({ op: 'exec', sql, options: wire, tx });
    const results = await (tx === undefined ? this.#watchForDeadlock(request, sql) : request);
    for (const result of results) applyParsers(result, parsers, wire?.rowMode);
    return results;
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this._query<T>(sql, params, options);
  }

  exec(sql: string, options?: QueryOptions): Promise<Results[]> {
    return this._exec(sql, options);
  }

  async transaction<T>(callback: (tx: PgliteWorkerTransaction) => Promise<T>): Promise<T> {
    this.#openTransactions++;
    try {
      const id = await this._request<number>({ op: 'begin' }).catch((error: unknown) => {
        throw asQueryError('begin', error);
      });
      const tx = new PgliteWorkerTransaction(this, id);
      let result: T;
      try {
        result = await callback(tx);
      } catch (error) {
        await tx._end(false).catch((rollbackError: unknown) => {
          this.#logger.error({ err: rollbackError }, 'rolling back a transaction failed');
        });
        throw error;
      }
      await tx._end(true).catch((error: unknown) => {
        throw asQueryError('commit', error);
      });
      return result;
    } finally {
      this.#openTransactions--;
    }
  }

  /**
   * LISTEN on `channel` in the engine (issue 12): every NOTIFY on it (from a statement, or from a
   * transaction once it commits) calls `onPayload`. Returns a function that stops listening here.
   */
  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => void> {
    let set = this.#listeners.get(channel);
    if (!set) {
      set = new Set();
      this.#listeners.set(channel, set);
      await this._request({ op: 'listen', channel });
    }
    set.add(onPayload);
    return () => {
      set.delete(onPayload);
    };
  }

  /** A consistent tarball of the data directory (waits for open transactions, checkpoints first). */
  dumpDataDir(compression: 'gzip' | 'none' = 'gzip'): Promise<Uint8Array> {
    return this._request<Uint8Array>({ op: 'dump', compression });
  }

  /** Checkpoints and closes PGlite, then ends the thread. Safe to call more than once. */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    this.#stopping = true;
    if (!this.#dead) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), CLOSE_TIMEOUT_MS);
      });
      const closed = this._request({ op: 'close' }).then(
        () => 'closed' as const,
        (error: unknown) => {
          // PGlite may end the thread as it shuts down, before the reply gets out.
          if (this.#exitCode !== undefined) return 'closed' as const;
          this.#logger.error({ err: error }, 'closing PGlite failed');
          return 'failed' as const;
        },
      );
      const outcome = await Promise.race([
        closed,
        this.#exited.then(() => 'closed' as const),
        timeout,
      ]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        this.#logger.error(
          { timeoutMs: CLOSE_TIMEOUT_MS },
          'PGlite did not close in time (a transaction left open?); stopping its thread',
        );
      }
      if (outcome !== 'closed') await this.#worker.terminate();
    }
    if (this.#exitCode === undefined) {
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), 2_000);
      });
      const outcome = await Promise.race([this.#exited.then(() => 'exited' as const), grace]);
      clearTimeout(timer);
      if (outcome === 'late') await this.#worker.terminate();
    }
    this.#fail(new Error('The database is closed'));
  }
}
