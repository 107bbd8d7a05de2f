// @ts-check
/**
 * The PGlite engine, running in its own worker_thread so that SQL never blocks the HTTP event
 * loop. Plain ESM JavaScript on purpose: the thread needs no TypeScript loader, so it starts the
 * same way under `node --import tsx`, under Vitest and under a plain `node` script.
 *
 * The protocol is private to `pglite-client.ts`:
 *   requests  { id, op: 'query' | 'exec' | 'listen' | 'begin' | 'commit' | 'rollback' | 'dump' | 'close', ... }
 *   replies   { id, ok: true, result } | { id, ok: false, error: SerializedError }
 *   events    { event: 'ready' } | { event: 'failed', error: SerializedError }
 *             | { event: 'notification', channel, payload } (after a `listen` request)
 *
 * Ordering is PGlite's own: a query outside a transaction takes PGlite's transaction mutex, so it
 * waits while a transaction is open and never runs inside it; queries of an open transaction go
 * straight through. Requests are therefore handled concurrently, not one after another.
 *
 * Single statements run as cached named prepared statements (see "Prepared statements" below):
 * PGlite's own `query()` parses an unnamed statement every time, in six round trips into the
 * engine; a statement seen before takes one (Bind/Execute/Sync), several times cheaper.
 */
import { promisify } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import { gzip } from 'node:zlib';
import { PGlite, messages, parse, protocol } from '@electric-sql/pglite';

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

/*
 * Prepared statements. PGlite's own `query()` Parses an unnamed statement, Describes it, Binds,
 * Describes the portal, Executes and Syncs: six calls into the engine. Here each distinct SQL text
 * is Parsed once as a named statement (with a Describe, for its parameter types and result
 * columns); later runs send Bind/Execute/Sync as one message, in one call. Parameters are
 * serialized and results parsed exactly as PGlite's `query()` does (its serializers for the
 * parameter types the server reports; `parse.parseResults` with its parsers), so callers see the
 * same rows, fields, errors and transaction behaviour.
 *
 * The raw protocol takes none of PGlite's locks, so every call here holds the same ones its
 * `query()` holds: the transaction mutex (outside a transaction) and the query mutex. The Sync
 * travels in the same message, so Postgres is back at ReadyForQuery even when a step fails.
 *
 * Prepared statements outlive transactions (they are per session, not transactional). A cached
 * statement that has gone stale (its result columns changed under it: 0A000; or it is gone: 26000)
 * is dropped and, outside a transaction, prepared again once (inside one, the error has aborted the
 * transaction, as any error does). To make that rare, schema changes drop the whole cache: a
 * CREATE/ALTER/DROP/DO/CALL statement, any `exec()` (multi-statement scripts: migrations), and
 * the end of a transaction that did either (a rollback undoes what statements prepared inside it
 * saw). DDL hidden elsewhere (in a function called by a SELECT) is not seen.
 */

const { serialize } = protocol;

/** At most this many statements stay prepared; the least recently used one is closed. */
const STATEMENT_CACHE_SIZE = 500;
/** Longer SQL texts (bulk inserts with their rows inline, say) are not worth keeping. */
const MAX_CACHED_SQL_LENGTH = 16_384;
/** Command tags after which cached statements may no longer match the schema. */
const SCHEMA_COMMANDS = new Set(['CREATE', 'ALTER', 'DROP', 'DO', 'CALL']);
const SYNC = serialize.sync();
const EXECUTE = serialize.execute({});

/**
 * @typedef {{
 *   name: string,
 *   paramTypes: number[],
 *   rowDescription: import('@electric-sql/pglite').messages.RowDescriptionMessage | undefined,
 * }} Statement
 */

/** Keyed by parameter types and SQL text; in least-recently-used order (Map insertion order). */
/** @type {Map<string, Statement>} */
const statements = new Map();
/** Close messages for statements dropped from the cache, sent ahead of the next message. */
/** @type {Uint8Array[]} */
let pendingCloses = [];
let nextStatement = 1;

/** @param {string} name */
function closeStatement(name) {
  pendingCloses.push(serialize.close({ type: 'S', name }));
}

/** Forgets every cached statement (the Close messages go out with the next statement). */
function forgetStatements() {
  for (const statement of statements.values()) closeStatement(statement.name);
  statements.clear();
}

/** @param {Uint8Array[]} parts */
function concat(parts) {
  let length = 0;
  for (const part of parts) length += part.byteLength;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/**
 * One call into the engine: any pending Close messages, then `parts` (which end with a Sync).
 * Throws the first DatabaseError, after the engine has processed everything (back at
 * ReadyForQuery).
 * @param {PGlite} engine
 * @param {Uint8Array[]} parts
 */
function send(engine, parts) {
  if (pendingCloses.length > 0) {
    parts = [...pendingCloses, ...parts];
    pendingCloses = [];
  }
  return engine.execProtocolStream(concat(parts), { syncToFs: false });
}

/**
 * @param {PGlite} engine
 * @param {string} key
 * @param {string} sql
 * @param {number[] | undefined} paramTypes
 * @returns {Promise<Statement>}
 */
async function prepare(engine, key, sql, paramTypes) {
  if (statements.size >= STATEMENT_CACHE_SIZE) {
    const oldest = statements.keys().next();
    if (!oldest.done) {
      closeStatement(/** @type {Statement} */ (statements.get(oldest.value)).name);
      statements.delete(oldest.value);
    }
  }
  const name = `hh_s${nextStatement++}`;
  let replies;
  try {
    replies = await send(engine, [
      serialize.parse({ name, text: sql, types: paramTypes }),
      serialize.describe({ type: 'S', name }),
      SYNC,
    ]);
  } catch (error) {
    closeStatement(name); // in case the Parse went through and a later step failed
    throw error;
  }
  /** @type {Statement} */
  const statement = { name, paramTypes: [], rowDescription: undefined };
  for (const reply of replies) {
    if (reply instanceof messages.ParameterDescriptionMessage)
      statement.paramTypes = reply.dataTypeIDs;
    else if (reply instanceof messages.RowDescriptionMessage) statement.rowDescription = reply;
  }
  statements.set(key, statement);
  return statement;
}

/**
 * Bind/Execute/Sync a prepared statement; the result exactly as PGlite's `query()` builds it.
 * @param {PGlite} engine
 * @param {Statement} statement
 * @param {unknown[]} params
 * @param {import('@electric-sql/pglite').QueryOptions | undefined} options
 * @returns {Promise<import('@electric-sql/pglite').Results>}
 */
async function execute(engine, statement, params, options) {
  const values = params.map((param, i) => {
    if (param === null || param === undefined) return null;
    const serializer = engine.serializers[/** @type {number} */ (statement.paramTypes[i])];
    return serializer
      ? serializer(param)
      : /** @type {{ toString(): string }} */ (param).toString();
  });
  const replies = await send(engine, [
    serialize.bind({ statement: statement.name, values }),
    EXECUTE,
    SYNC,
  ]);
  // The columns, as the Describe of the portal would have given them (text format, like PGlite).
  if (statement.rowDescription) replies.unshift(statement.rowDescription);
  return /** @type {import('@electric-sql/pglite').Results} */ (
    parse.parseResults(replies, engine.parsers, options)[0]
  );
}

/** @param {unknown} error */
function isStaleStatement(error) {
  if (!(error instanceof messages.DatabaseError)) return false;
  return (
    error.code === '26000' ||
    (error.code === '0A000' && error.message.includes('cached plan must not change result type'))
  );
}

/**
 * Runs one statement through the cache. The caller holds PGlite's locks.
 * @param {PGlite} engine
 * @param {string} sql
 * @param {unknown[]} params
 * @param {import('@electric-sql/pglite').QueryOptions | undefined} options
 * @param {OpenTransaction | undefined} open the transaction it runs in, if any
 */
async function runPrepared(engine, sql, params, options, open) {
  const paramTypes = options?.paramTypes;
  const key = paramTypes && paramTypes.length > 0 ? `${paramTypes.join(',')}\0${sql}` : sql;
  let result;
  const cached = statements.get(key);
  if (cached) {
    statements.delete(key); // most recently used: to the end
    statements.set(key, cached);
    try {
      result = await execute(engine, cached, params, options);
    } catch (error) {
      if (!isStaleStatement(error)) throw error;
      if (statements.get(key) === cached) statements.delete(key);
      closeStatement(cached.name);
      // In a transaction the error has aborted it: nothing more can run there.
      if (open) throw error;
    }
  }
  if (!result) {
    const statement = await prepare(engine, key, sql, paramTypes);
    result = await execute(engine, statement, params, options);
  }
  if (result.command && SCHEMA_COMMANDS.has(result.command)) {
    forgetStatements();
    if (open) open.schemaChanged = true;
  }
  return result;
}

/**
 * A single statement, as PGlite's `query()` / `tx.query()` would run it (same locks, same
 * results), through the prepared-statement cache.
 * @param {number | undefined} txId
 * @param {string} sql
 * @param {unknown[]} params
 * @param {import('@electric-sql/pglite').QueryOptions | undefined} options
 */
async function query(txId, sql, params, options) {
  if (!db) throw new Error('The database is not open');
  const engine = db;
  // COPY may write to PGlite's /dev/blob, which only its query() collects; huge texts: one-offs.
  if (sql.length > MAX_CACHED_SQL_LENGTH || /^\s*copy\b/i.test(sql))
    return target(txId).query(sql, params, options);
  if (txId === undefined) {
    await engine._checkReady();
    return engine._runExclusiveTransaction(() =>
      engine._runExclusiveQuery(async () => {
        const result = await runPrepared(engine, sql, params, options, undefined);
        await engine.syncToFs();
        return result;
      }),
    );
  }
  const open = transactions.get(txId);
  if (!open || !open.tx || open.tx.closed) throw new Error('Transaction is closed');
  return engine._runExclusiveQuery(() => runPrepared(engine, sql, params, options, open));
}

/** @type {PGlite | undefined} */
let db;
let closing = false;

/** @typedef {{ tx?: import('@electric-sql/pglite').Transaction, finish?: { commit: () => void, rollback: (reason: unknown) => void }, done: Promise<unknown>, schemaChanged?: boolean }} OpenTransaction */
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
  try {
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
  } finally {
    // Statements prepared after its schema change may not match the schema once it has ended.
    if (open.schemaChanged) forgetStatements();
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
          const result = await query(
            message.tx,
            message.sql,
            message.params ?? [],
            queryOptions(message.options),
          );
          reply(id, result);
          return;
        }
        case 'exec': {
          const open = message.tx === undefined ? undefined : transactions.get(message.tx);
          try {
            const results = await target(message.tx).exec(
              message.sql,
              queryOptions(message.options),
            );
            reply(id, results);
          } finally {
            // A script may change the schema (migrations): start the cache afresh.
            forgetStatements();
            if (open) open.schemaChanged = true;
          }
          return;
        }
        case 'listen': {
          // LISTEN inside this one engine (issue 12): a NOTIFY, sent by any statement or in a
          // transaction once it commits, comes back to the client as an event.
          if (!db) throw new Error('The database is not open');
          const channel = String(message.channel);
          await db.listen(channel, (payload) => {
            port.postMessage({ event: 'notification', channel, payload });
          });
          reply(id, undefined);
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
