// @ts-check
/**
 * The PGlite engine, running in its own worker_thread so that SQL never blocks the HTTP event
 * loop. Plain ESM JavaScript on purpose: the thread needs no TypeScript loader, so it starts the
 * same way under `node --import tsx`, under Vitest and under a plain `node` script.
 *
 * The protocol is private to `pglite-client.ts`:
 *   requests  { id, op: 'query' | 'exec' | 'begin' | 'commit' | 'rollback' | 'dump' | 'close', ... }
 *   replies   { id, ok: true, result } | { id, ok: false, error: SerializedError }
 *   events    { event: 'ready' } | { event: 'failed', error: SerializedError }
 *
 * Ordering is PGlite's own: a query outside a transaction takes PGlite's transaction mutex, so it
 * waits while a transaction is open and never runs inside it; queries of an open transaction go
 * straight through. Requests are therefore handled concurrently, not one after another.
 */
import { promisify } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import { gzip } from 'node:zlib';
import { PGlite, messages } from '@electric-sql/pglite';

const gzipAsync = promisify(gzip);

if (!parentPort) throw new Error('pglite-worker.js must run in a worker_thread');
const port = parentPort;

/** @typedef {{ name: string, message: string, stack?: string, database: boolean, fields: Record<string, unknown> }} SerializedError */

/** The Postgres error fields that cross the thread (same names as pg's DatabaseError). */
const PG_ERROR_FIELDS = [
  'length',
  'severity',
  'code',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
];

/** @param {string} value */
const asText = (value) => value;

/**
 * node-postgres returns int8 (and int8[] elements) as strings; PGlite would give numbers. Keep the
 * two engines alike. Array parsers look the element parser up at call time, so int8[] follows.
 */
const ENGINE_PARSERS = { 20: asText };

/**
 * @param {unknown} error
 * @returns {SerializedError}
 */
function serializeError(error) {
  if (error && typeof error === 'object') {
    const source = /** @type {Record<string, unknown>} */ (error);
    /** @type {Record<string, unknown>} */
    const fields = {};
    for (const key of PG_ERROR_FIELDS) {
      if (source[key] !== undefined && source[key] !== null) fields[key] = source[key];
    }
    return {
      name: typeof source.name === 'string' ? source.name : 'Error',
      message: typeof source.message === 'string' ? source.message : String(error),
      stack: typeof source.stack === 'string' ? source.stack : undefined,
      database: error instanceof messages.DatabaseError,
      fields,
    };
  }
  return { name: 'Error', message: String(error), database: false, fields: {} };
}

/** @type {Map<string, Record<number, (value: string) => unknown>>} */
const parserCache = new Map();

/**
 * The client keeps the caller's parser functions (functions cannot cross threads) and sends the
 * type ids they cover; here those types come back as the raw text, and the client applies them.
 * @param {number[] | undefined} textTypes
 */
function parsersFor(textTypes) {
  if (!textTypes || textTypes.length === 0) return undefined;
  const key = textTypes.join(',');
  let parsers = parserCache.get(key);
  if (!parsers) {
    parsers = {};
    for (const oid of textTypes) parsers[oid] = asText;
    parserCache.set(key, parsers);
  }
  return parsers;
}

/**
 * @param {{ rowMode?: 'array' | 'object', textTypes?: number[], paramTypes?: number[] } | undefined} options
 * @returns {import('@electric-sql/pglite').QueryOptions | undefined}
 */
function queryOptions(options) {
  if (!options) return undefined;
  /** @type {import('@electric-sql/pglite').QueryOptions} */
  const out = {};
  if (options.rowMode) out.rowMode = options.rowMode;
  const parsers = parsersFor(options.textTypes);
  if (parsers) out.parsers = parsers;
  if (options.paramTypes) out.paramTypes = options.paramTypes;
  return out;
}

/** @type {PGlite | undefined} */
let db;
let closing = false;

/** @typedef {{ tx?: import('@electric-sql/pglite').Transaction, finish?: { commit: () => void, rollback: (reason: unknown) => void }, done: Promise<unknown> }} OpenTransaction */
/** @type {Map<number, OpenTransaction>} */
const transactions = new Map();
let nextTransactionId = 1;
const ROLLBACK = Symbol('rollback');

/**
 * @param {number} id
 * @param {unknown} result
 * @param {ArrayBuffer[]} [transfer]
 */
function reply(id, result, transfer) {
  port.postMessage({ id, ok: true, result }, transfer ?? []);
}

/**
 * @param {number} id
 * @param {unknown} error
 */
function fail(id, error) {
  port.postMessage({ id, ok: false, error: serializeError(error) });
}

/** @param {number | undefined} txId */
function target(txId) {
  if (!db) throw new Error('The database is not open');
  if (txId === undefined) return db;
  const open = transactions.get(txId);
  if (!open || !open.tx || open.tx.closed) throw new Error('Transaction is closed');
  return open.tx;
}

/**
 * Starts a PGlite transaction and keeps it open until the client commits or rolls back.
 * @param {number} id
 */
function begin(id) {
  if (!db) throw new Error('The database is not open');
  const txId = nextTransactionId++;
  /** @type {OpenTransaction} */
  const open = { done: Promise.resolve() };
  let begun = false;
  open.done = db.transaction(async (tx) => {
    open.tx = tx;
    const decided = new Promise((resolve, reject) => {
      open.finish = { commit: () => resolve(undefined), rollback: reject };
    });
    begun = true;
    reply(id, txId);
    await decided;
  });
  transactions.set(txId, open);
  // BEGIN itself failed (the database closed underneath, say): answer the begin request.
  open.done.catch((error) => {
    if (!begun) {
      transactions.delete(txId);
      fail(id, error);
    }
  });
}

/**
 * @param {number} id
 * @param {number} txId
 * @param {boolean} commit
 */
async function finish(id, txId, commit) {
  const open = transactions.get(txId);
  if (!open || !open.finish) throw new Error('Transaction is closed');
  transactions.delete(txId);
  if (commit) {
    open.finish.commit();
    await open.done;
  } else {
    open.finish.rollback(ROLLBACK);
    try {
      await open.done;
    } catch (error) {
      if (error !== ROLLBACK) throw error;
    }
  }
  reply(id, undefined);
}

/**
 * A consistent copy of the data directory: wait for open transactions to end (the transaction
 * mutex), checkpoint, then tar the files. PGlite reads them synchronously, so nothing runs in
 * between: the tarball is a clean, checkpointed cluster. Compression happens after the
 * transaction ends, on libuv's thread pool, so queries are held up only while the files are read.
 * @param {'gzip' | 'none'} compression
 */
async function dump(compression) {
  if (!db) throw new Error('The database is not open');
  const engine = db;
  const blob = await engine.transaction(async (tx) => {
    await tx.exec('CHECKPOINT');
    return engine.dumpDataDir('none');
  });
  const tar = new Uint8Array(await blob.arrayBuffer());
  if (compression !== 'gzip') return tar;
  const zipped = await gzipAsync(tar, { level: 6 });
  return new Uint8Array(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}

async function close() {
  if (!db || closing) return;
  closing = true;
  try {
    // Write everything out now, so the next start has no WAL to replay (pointless in memory).
    if (!String(workerData.dataDir).startsWith('memory://')) await db.exec('CHECKPOINT');
  } finally {
    await db.close();
  }
}

port.on('message', (/** @type {any} */ message) => {
  const { id, op } = message;
  void (async () => {
    try {
      switch (op) {
        case 'query': {
          const result = await target(message.tx).query(
            message.sql,
            message.params,
            queryOptions(message.options),
          );
          reply(id, result);
          return;
        }
        case 'exec': {
          const results = await target(message.tx).exec(message.sql, queryOptions(message.options));
          reply(id, results);
          return;
        }
        case 'begin':
          begin(id);
          return;
        case 'commit':
          await finish(id, message.tx, true);
          return;
        case 'rollback':
          await finish(id, message.tx, false);
          return;
        case 'dump': {
          let bytes = await dump(message.compression);
          // Hand the memory over instead of copying it, unless it is a view into a shared pool.
          if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength)
            bytes = bytes.slice();
          reply(id, bytes, [bytes.buffer]);
          return;
        }
        case 'close':
          await close();
          reply(id, undefined);
          port.close();
          return;
        default:
          throw new Error(`Unknown request ${String(op)}`);
      }
    } catch (error) {
      fail(id, error);
    }
  })();
});

/**
 * @param {{ dataDir: string, loadDataDir?: Uint8Array, postgresqlconf?: string[], wasmModule?: WebAssembly.Module }} config
 * @param {{ debug?: boolean, stderr?: string[] }} [diagnostics]
 */
async function create(config, diagnostics) {
  /** @type {import('@electric-sql/pglite').PGliteOptions} */
  const options = { parsers: ENGINE_PARSERS, relaxedDurability: false };
  if (config.postgresqlconf && config.postgresqlconf.length > 0)
    options.postgresqlconf = config.postgresqlconf;
  if (config.wasmModule) options.pgliteWasmModule = config.wasmModule;
  if (config.loadDataDir) {
    const gzip = config.loadDataDir[0] === 0x1f && config.loadDataDir[1] === 0x8b;
    options.loadDataDir = new File(
      [/** @type {Uint8Array<ArrayBuffer>} */ (config.loadDataDir)],
      gzip ? 'load.tar.gz' : 'load.tar',
      {
        type: gzip ? 'application/gzip' : 'application/x-tar',
      },
    );
  }
  if (diagnostics?.debug) {
    const lines = diagnostics.stderr ?? [];
    options.debug = 1;
    options.onStderr = (text) => {
      lines.push(text);
      return true;
    };
    options.onStdout = () => true;
  }
  return PGlite.create(config.dataDir, options);
}

async function start() {
  const config =
    /** @type {{ dataDir: string, loadDataDir?: Uint8Array, postgresqlconf?: string[], wasmModule?: WebAssembly.Module }} */ (
      workerData
    );
  try {
    db = await create(config);
  } catch (first) {
    // PGlite hides Postgres' own start-up message unless debug is on. Retry once with debug to
    // capture it (not when loading a tarball: the first attempt may have half-loaded it).
    if (config.loadDataDir) throw first;
    /** @type {string[]} */
    const stderr = [];
    // With debug on, PGlite also prints everything to the console: keep it out of the app's output.
    const { log, debug, error } = console;
    // eslint-disable-next-line no-console -- silencing PGlite's debug printing, not printing
    console.log = console.debug = console.error = () => {};
    try {
      const probe = await create(config, { debug: true, stderr });
      await probe.close();
    } catch {
      const lines = stderr
        .join('\n')
        .split('\n')
        .filter((line) => /FATAL|PANIC|ERROR/.test(line))
        .slice(-5);
      const reason = first instanceof Error ? first.message : String(first);
      throw new Error(lines.length > 0 ? `${reason}: ${lines.join(' | ')}` : reason, {
        cause: first,
      });
    } finally {
      Object.assign(console, { log, debug, error });
    }
    // The retry worked: the failure was transient. Open normally.
    db = await create(config);
  }
}

start().then(
  () => port.postMessage({ event: 'ready' }),
  (error) => port.postMessage({ event: 'failed', error: serializeError(error) }),
);
