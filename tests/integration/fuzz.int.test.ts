import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionStore } from '#server/auth/sessions.ts';
import { readTestEnvironment } from '#server/config/index.ts';
import { ERROR_STATUS, type ErrorCode } from '#shared/errors.ts';
import {
  bodyFor,
  headersArbitrary,
  hostileParam,
  valueFor,
  type JsonSchema,
} from './fuzz/arbitraries';
import { createWriteSnapshot } from './fuzz/write-snapshot';
import { createCouple, createTestApp, type TestApp } from '../helpers/test-app';

/**
 * Every operation in /api/openapi.json, sent generated parameters, bodies and headers (wrong
 * types, huge and tiny numbers, NUL and lone surrogates, deep nesting, unknown fields, oversize
 * text, bad cursors and ids), signed out and as a partner in a couple's space. Whatever arrives:
 * never a 5xx, every error in our shape with one of our messages, and nothing written on a 4xx.
 *
 * Seeded and repeatable: FUZZ_RUNS cases per operation and actor (default 100, so 200 per
 * operation), FUZZ_SEED to replay a run (a failure names its seed and path).
 *
 * Cost (2026-12-07, 119 operations, 23,800 cases): on PostgreSQL this process used 15.6 s of CPU
 * signed out and 31.4 s signed in (the PostgreSQL server's own CPU comes on top). Wall time on the
 * shared machine under a load of ~20 was 386 s (PGlite) and 860 s (PostgreSQL).
 */
const { fuzzRuns, fuzzSeed } = readTestEnvironment();
const RUNS = fuzzRuns ?? 100;
const SEED = fuzzSeed ?? 20_261_207;

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  parameters: Parameter[];
  body: JsonSchema | undefined;
}
interface FuzzCase {
  path: Record<string, unknown>;
  query: Partial<Record<string, unknown>>;
  body: string | undefined;
  headers: Partial<Record<string, string>> | null;
}

let t: TestApp;
let document: { paths: Record<string, Record<string, unknown>> };
let operations: Operation[];
let snapshot: () => Promise<string>;

/** Ends a signed-in actor's session or space; these run last so the rest run as a couple. */
const ENDS_SESSION = new Set(['POST /api/auth/signout']);
const ENDS_SPACE = new Set(['POST /api/space/leave']);

function operationsOf(doc: typeof document): Operation[] {
  const found: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as {
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      };
      found.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  const last = (op: Operation) =>
    ENDS_SPACE.has(`${op.method} ${op.path}`)
      ? 1
      : ENDS_SESSION.has(`${op.method} ${op.path}`)
        ? 2
        : 0;
  return found.sort((a, b) => last(a) - last(b));
}

function caseArbitrary(op: Operation): fc.Arbitrary<FuzzCase> {
  const inPath = op.parameters.filter((p) => p.in === 'path');
  const inQuery = op.parameters.filter((p) => p.in === 'query');
  return fc.record({
    path: fc.record(
      Object.fromEntries(
        inPath.map((p) => [p.name, fc.oneof(valueFor(p.schema ?? {}, document), hostileParam)]),
      ),
    ),
    query: fc.record(
      Object.fromEntries(
        inQuery.map((p) => [p.name, fc.oneof(valueFor(p.schema ?? {}, document), hostileParam)]),
      ),
      { requiredKeys: [] },
    ),
    body: op.body
      ? bodyFor(op.body, document)
      : fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, bodyFor(undefined, document)),
    headers: fc.option(headersArbitrary, { freq: 3 }),
  });
}

const asParam = (value: unknown) =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

/** Percent-encodes a path segment; a lone surrogate goes out as its three raw (invalid UTF-8) bytes. */
function encodeSegment(value: string): string {
  return value
    .split(/(\p{Cs})/u)
    .map((part) => {
      if (!/^\p{Cs}$/u.test(part)) return encodeURIComponent(part);
      const c = part.charCodeAt(0);
      return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    })
    .join('');
}

function urlOf(op: Operation, c: FuzzCase): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_whole, name: string) =>
    encodeSegment(asParam(c.path[name])),
  );
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(c.query)) query.set(name, asParam(value));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** What is wrong with an answer, or undefined when it is fine. */
function problemWith(response: LightMyRequestResponse): string | undefined {
  if (response.statusCode >= 500) return `a ${response.statusCode}: ${response.body.slice(0, 300)}`;
  if (response.statusCode < 400) return undefined;
  let body: { error?: { code?: unknown; message?: unknown; fields?: unknown } };
  try {
    body = response.json();
  } catch {
    return `a ${response.statusCode} whose body is not JSON: ${response.body.slice(0, 200)}`;
  }
  const error = body.error;
  if (!error || typeof error.code !== 'string' || !(error.code in ERROR_STATUS))
    return `a ${response.statusCode} not in our error shape: ${response.body.slice(0, 300)}`;
  if (ERROR_STATUS[error.code as ErrorCode] !== response.statusCode)
    return `code ${error.code} with status ${response.statusCode}`;
  const fields = (error.fields ?? {}) as Record<string, unknown>;
  const messages: unknown[] = [error.message, ...Object.values(fields)];
  for (const message of messages) {
    if (typeof message !== 'string' || message.trim() === '')
      return `an empty message: ${response.body.slice(0, 300)}`;
    if (/Invalid input|expected .*received|Too (big|small)|Unrecognized key/.test(message))
      return `a message that is zod's, not ours: ${message}`;
  }
  return undefined;
}

interface Actor {
  name: string;
  cookie: () => string | undefined;
  /** After a 2xx of `op`: put the actor back as it was (a new session, a new space). */
  restore: (op: Operation) => Promise<void>;
}

/** Answers by class, for the summary line. */
const answered: Record<string, number> = {};

async function fuzz(
  actor: Actor,
  op: Operation,
  index: number,
): Promise<{ cases: number; failure?: string }> {
  let cases = 0;
  const key = `${op.method} ${op.path}`;
  const seed = SEED + index;
  let before = await snapshot();
  try {
    await fc.assert(
      fc.asyncProperty(caseArbitrary(op), async (c) => {
        cases += 1;
        const cookie = actor.cookie();
        const response = await t.app.inject({
          method: op.method,
          url: urlOf(op, c),
          headers: {
            host: t.config.publicUrl.host,
            origin: t.config.publicUrl.origin,
            'user-agent': 'fuzz',
            ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(cookie ? { cookie } : {}),
            ...(c.headers ?? {}),
          },
          ...(c.body !== undefined ? { payload: c.body } : {}),
        });
        const kind = `${String(response.statusCode).slice(0, 1)}xx`;
        answered[kind] = (answered[kind] ?? 0) + 1;
        const problem = problemWith(response);
        if (problem) throw new Error(`${problem}\n  case: ${JSON.stringify(c).slice(0, 600)}`);
        if (op.method !== 'GET' || response.statusCode < 400) {
          const after = await snapshot();
          if (response.statusCode >= 400 && after !== before) {
            throw new Error(
              `a ${response.statusCode} wrote something:\n  before ${before}\n  after  ${after}\n  case: ${JSON.stringify(c).slice(0, 600)}`,
            );
          }
          if (response.statusCode < 300) await actor.restore(op);
          before = response.statusCode < 300 ? await snapshot() : after;
        }
      }),
      { numRuns: RUNS, seed, endOnFailure: true },
    );
    return { cases };
  } catch (error) {
    // fast-check keeps what the property threw as the cause; the report names both.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    const message =
      error instanceof Error
        ? [...error.message.split('\n').slice(0, 4), cause].join('\n')
        : String(error);
    return {
      cases,
      failure: `${actor.name} ${key} (FUZZ_SEED=${SEED}, seed ${seed}):\n${message}`,
    };
  }
}

beforeAll(async () => {
  t = await createTestApp();
  document = (await t.client('docs').get('/api/openapi.json')).json();
  operations = operationsOf(document);
  snapshot = await createWriteSnapshot(t.database.db);
});

afterAll(async () => {
  await t?.close();
});

async function runAll(actor: Actor, annotate: (message: string) => Promise<unknown>) {
  const started = performance.now();
  // CPU time of this process (PGlite's worker thread included): what the run costs on an idle
  // machine, whatever else the machine is doing.
  const cpuStarted = process.cpuUsage();
  const failures: string[] = [];
  let cases = 0;
  for (const kind of Object.keys(answered)) delete answered[kind];
  for (const [index, op] of operations.entries()) {
    const result = await fuzz(actor, op, index);
    cases += result.cases;
    if (result.failure) failures.push(result.failure);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(1);
  await annotate(
    `${actor.name}: ${operations.length} operations, ${cases} cases in ${seconds} s, ${cpuSeconds} s of CPU (${JSON.stringify(answered)})`,
  );
  expect(failures).toEqual([]);
  expect(operations.length).toBeGreaterThan(100);
  expect(cases).toBe(operations.length * RUNS);
}

describe('every operation of the API, fuzzed', () => {
  it('signed out', { timeout: 900_000 }, async ({ annotate }) => {
    await runAll(
      { name: 'signed out', cookie: () => undefined, restore: async () => {} },
      annotate,
    );
  });

  it('signed in, as a partner in a couple’s space', { timeout: 900_000 }, async ({ annotate }) => {
    const { a } = await createCouple(t, ['Fuzz', 'Buzz']);
    const sessions = new SessionStore(t.database.db, {
      idleMs: t.config.sessionIdleMs,
      maxMs: t.config.sessionMaxMs,
    });
    let cookie = a.cookie!;
    // The write check must be able to fail: a saved trigger changes the snapshot.
    const before = await snapshot();
    expect((await a.post('/api/triggers', { cue: 'A song', intensity: 3 })).statusCode).toBe(201);
    expect(await snapshot()).not.toBe(before);
    await runAll(
      {
        name: 'signed in',
        cookie: () => cookie,
        restore: async (op) => {
          const key = `${op.method} ${op.path}`;
          if (ENDS_SESSION.has(key))
            cookie = `hh_session=${await sessions.create(a.userId, 'fuzz')}`;
          if (ENDS_SPACE.has(key)) {
            a.cookie = cookie;
            await a.post('/api/space');
          }
        },
      },
      annotate,
    );
  });
});
