import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TQuestion, TQuestionDetail, TQuestionList } from '#shared/schemas/questions.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';

/**
 * The hurt partner's drafts leave no trace for the involved partner. Two couples live through the
 * same random sequence of question-queue steps (drafts written, edited, thrown away, released,
 * answered, corrected, marked, time asked for); in the second, the hurt partner also writes,
 * edits and throws away drafts of their own in between, never released. After every step the
 * involved partner asks every route they can (the overview, the lists of both states with every
 * page, each released question, Today, the notifications, session prep), and probes the extra
 * drafts' ids where the other world probes ids that exist nowhere. Every status, ETag and body
 * must be the same in both worlds, with ids and times replaced by placeholders in order.
 */
type Step =
  | { kind: 'draft' }
  | { kind: 'edit' | 'discard' | 'release'; n: number }
  | { kind: 'answer' | 'time' | 'mark'; n: number };
type Extra = { kind: 'draft' | 'edit' | 'discard'; n: number; at: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant({ kind: 'draft' as const }),
  fc.record({
    kind: fc.constantFrom('edit' as const, 'discard' as const, 'release' as const),
    n: fc.nat(5),
  }),
  fc.record({
    kind: fc.constantFrom('answer' as const, 'time' as const, 'mark' as const),
    n: fc.nat(5),
  }),
);
const extra: fc.Arbitrary<Extra> = fc.record({
  kind: fc.constantFrom('draft' as const, 'draft' as const, 'edit' as const, 'discard' as const),
  n: fc.nat(3),
  at: fc.nat(6),
});

const DAY = new Date().toISOString().slice(0, 10);
const MARKS = ['helped', 'more', 'therapist'] as const;

class Normalizer {
  private readonly ids = new Map<string, string>();
  text(body: string): string {
    return body
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
        let token = this.ids.get(id);
        if (!token) {
          token = `<id${this.ids.size}>`;
          this.ids.set(id, token);
        }
        return token;
      })
      .replace(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:\d{2})?)?/g, '<time>')
      .replace(/"(nextCursor|cursor|next)":"[A-Za-z0-9_-]+"/g, '"$1":"<cursor>"');
  }
  response(label: string, r: LightMyRequestResponse): string {
    return `${label} → ${r.statusCode} etag=${String(r.headers.etag)} ${this.text(r.body)}`;
  }
}

interface World {
  hp: TestClient;
  ip: TestClient;
  injuryId: string;
  /** The baseline's questions, by the order they were written (undefined once thrown away). */
  baseline: (string | undefined)[];
  released: Set<string>;
  /** The extra drafts of the busy world, for the involved partner to probe. */
  extras: (string | undefined)[];
  everExtra: string[];
  norm: Normalizer;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function newWorld(): Promise<World> {
  const { a: hp, b: ip } = await createCouple(t, ['Robin', 'Kai']);
  const named = await hp.post('/api/injuries', {
    kind: 'affair',
    cameToLight: '2026-01',
    myRole: 'hurt',
  });
  const injuryId = named.json<{ injury: { id: string } }>().injury.id;
  expectStatus(await ip.post(`/api/injuries/${injuryId}/confirm`, {}, { 'if-match': '"1"' }), 200);
  expectStatus(
    await hp.put(`/api/questions/pace/${injuryId}`, { cap: 20, window: 'day', selfCheck: true }),
    200,
  );
  return {
    hp,
    ip,
    injuryId,
    baseline: [],
    released: new Set(),
    extras: [],
    everExtra: [],
    norm: new Normalizer(),
  };
}

async function editDraft(hp: TestClient, id: string, body: string) {
  const read = await hp.get(`/api/questions/${id}`);
  const version = read.json<{ question: TQuestionDetail }>().question.draftVersion ?? 1;
  return hp.put(`/api/questions/${id}`, { body }, { 'if-match': `"${version}"` });
}

/** One baseline step; returns what the involved partner saw of it. */
async function run(w: World, s: Step, i: number): Promise<string[]> {
  const pick = (n: number, pool: (string | undefined)[]) => {
    const live = pool.filter((id): id is string => id !== undefined);
    return live.length === 0 ? undefined : live[n % live.length];
  };
  switch (s.kind) {
    case 'draft': {
      const r = await w.hp.post('/api/questions', { injuryId: w.injuryId, body: `Question ${i}` });
      w.baseline.push(r.json<{ question: TQuestion }>().question.id);
      return [];
    }
    case 'edit':
    case 'discard':
    case 'release': {
      const drafts = w.baseline.map((id) => (id && !w.released.has(id) ? id : undefined));
      const id = pick(s.n, drafts);
      if (!id) return [];
      if (s.kind === 'edit') await editDraft(w.hp, id, `Question edited at ${i}`);
      if (s.kind === 'discard') {
        await w.hp.delete(`/api/questions/${id}`);
        w.baseline[w.baseline.indexOf(id)] = undefined;
      }
      if (s.kind === 'release') {
        expectStatus(await w.hp.post('/api/questions/release', { ids: [id] }), 200);
        w.released.add(id);
      }
      return [];
    }
    case 'answer':
    case 'time': {
      const id = pick(s.n, [...w.released]);
      if (!id) return [];
      if (s.kind === 'time') {
        const until = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
        return [w.norm.response('time', await w.ip.put(`/api/questions/${id}/time`, { until }))];
      }
      const read = await w.ip.get(`/api/questions/${id}`);
      const version = String(read.headers.etag ?? '"0"');
      const r = await w.ip.put(
        `/api/questions/${id}/answer`,
        { body: `Answer at ${i}` },
        { 'if-match': version },
      );
      return [w.norm.response('answer', r)];
    }
    case 'mark': {
      const id = pick(s.n, [...w.released]);
      if (id) await w.hp.put(`/api/questions/${id}/mark`, { mark: MARKS[s.n % MARKS.length] });
      return [];
    }
  }
}

async function runExtra(w: World, e: Extra, k: number): Promise<void> {
  const id =
    e.kind === 'draft'
      ? undefined
      : w.extras.filter(Boolean)[e.n % Math.max(1, w.extras.filter(Boolean).length)];
  if (e.kind === 'draft' || !id) {
    const r = await w.hp.post('/api/questions', { injuryId: w.injuryId, body: `Private ${k}` });
    const created = r.json<{ question: TQuestion }>().question.id;
    w.extras.push(created);
    w.everExtra.push(created);
    return;
  }
  if (e.kind === 'edit') await editDraft(w.hp, id, `Private edited ${k}`);
  else {
    await w.hp.delete(`/api/questions/${id}`);
    w.extras[w.extras.indexOf(id)] = undefined;
  }
}

/** Everything the involved partner can ask, normalized. */
async function ipView(w: World, probes: string[]): Promise<string[]> {
  const { ip, norm } = w;
  const out: string[] = [norm.response('overview', await ip.get('/api/questions'))];
  for (const state of ['released', 'draft']) {
    let cursor: string | null = null;
    for (let page = 0; page < 5; page++) {
      const r = await ip.get(
        `/api/questions/list?injuryId=${w.injuryId}&state=${state}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      out.push(norm.response(`list ${state} ${page}`, r));
      const body = r.json<TQuestionList>();
      for (const q of body.questions) {
        out.push(norm.response('question', await ip.get(`/api/questions/${q.id}`)));
      }
      cursor = body.nextCursor;
      if (!cursor) break;
    }
  }
  out.push(norm.response('today', await ip.get(`/api/today?day=${DAY}`)));
  out.push(norm.response('notifications', await ip.get('/api/notifications')));
  out.push(norm.response('prep', await ip.get('/api/session-prep/candidates?kind=question')));
  for (const [k, id] of probes.entries()) {
    out.push(norm.response(`probe ${k}`, await ip.get(`/api/questions/${id}`)));
    out.push(
      norm.response(
        `probe answer ${k}`,
        await ip.put(`/api/questions/${id}/answer`, { body: 'x' }, { 'if-match': '"0"' }),
      ),
    );
    out.push(
      norm.response(`probe time ${k}`, await ip.put(`/api/questions/${id}/time`, { until: DAY })),
    );
  }
  return out;
}

describe('the hurt partner’s drafts leave no trace for the involved partner', () => {
  it('the involved partner sees the same answers from every route, drafts or none', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 2, maxLength: 7 }),
        fc.array(extra, { minLength: 1, maxLength: 4 }),
        async (steps, extras) => {
          const plain = await newWorld();
          const busy = await newWorld();
          const nowhere: string[] = [];
          for (const [index, s] of steps.entries()) {
            for (const [k, e] of extras.entries()) {
              if (Math.min(e.at, steps.length - 1) === index) await runExtra(busy, e, k);
            }
            const seenPlain = await run(plain, s, index);
            const seenBusy = await run(busy, s, index);
            expect(seenBusy).toEqual(seenPlain);
            while (nowhere.length < busy.everExtra.length) nowhere.push(randomUUID());
            expect(await ipView(busy, busy.everExtra)).toEqual(await ipView(plain, nowhere));
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 600_000);
});
