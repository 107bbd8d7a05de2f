import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.ts';
import { ConfigError, loadConfig } from '#server/config/index.ts';
import { measureResponses } from '#server/db/schema/index.ts';
import { currentWeek } from '#server/features/measures/week.ts';
import { createLogger } from '#server/log.ts';
import type {
  THistory,
  TMeasureList,
  TMeasureResponse,
  TSubmittedResponse,
} from '#shared/schemas/measures.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  holdJointWork,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const TRUST = 'trust-and-safety';
/** A calm week: every item answered, nothing at an alert level. */
const CALM = {
  honest: 3,
  'follow-through': 3,
  'second-guessing': 1,
  hope: 3,
  'speak-freely': 3,
  respectful: 3,
  pressured: 0,
  afraid: 0,
};

function submit(client: TestClient, answers: Record<string, unknown> = CALM, extra = {}) {
  return client.post('/api/measures/responses', {
    measureId: TRUST,
    measureVersion: 1,
    answers,
    ...extra,
  });
}

async function submitted(client: TestClient, answers: Record<string, number> = CALM) {
  const response = await submit(client, answers);
  expectStatus(response, 201);
  return response.json<TSubmittedResponse>();
}

function history(client: TestClient, whose: 'mine' | 'partner', measure = TRUST, extra = '') {
  return client.get(`/api/measures/responses?measure=${measure}&whose=${whose}${extra}`);
}

async function historyIds(client: TestClient, whose: 'mine' | 'partner', measure = TRUST) {
  const response = await history(client, whose, measure);
  expectStatus(response, 200);
  return response.json<THistory>().responses.map((r) => r.id);
}

function share(client: TestClient, id: string, visibility: 'partner' | 'private' = 'partner') {
  return client.post(`/api/measures/responses/${id}/visibility`, { visibility });
}

const NOBODY = '00000000-0000-4000-8000-000000000000';

describe('the measures engine', () => {
  it('lists both weekly check-ins, ready to fill, with who I could share with', async () => {
    const { a } = await createCouple(t, ['Alex', 'Sam']);
    const response = await a.get('/api/measures?timeZone=Europe/Paris');
    expectStatus(response, 200);
    const list = response.json<TMeasureList>();
    expect(list.measures.map((m) => [m.id, m.cadence, m.due, m.lastWeek])).toEqual([
      [TRUST, 'weekly', true, null],
      ['wellbeing', 'weekly', true, null],
    ]);
    expect(list.measures[0]!.items).toHaveLength(8);
    const first = list.measures[0]!.items[0]!;
    expect(first.id).toBe('honest');
    expect(first.text.length).toBeGreaterThan(10);
    expect(first.options[0]).toEqual({ value: 0, label: 'Not true' });
    // The page needs no alert thresholds or reverse keys; the server scores.
    expect(JSON.stringify(list)).not.toMatch(/atOrAbove|reverse/);
    expect(list.sharing).toEqual({ partnerName: 'Sam', paused: false });
  });

  it('saves a response privately, scores it in words, and marks the check-in done for the week', async () => {
    const { a } = await createCouple(t);
    const response = await submit(a, CALM, { timeZone: 'Pacific/Kiritimati' });
    expect(response.statusCode).toBe(201);
    const body = response.json<TSubmittedResponse>();
    expect(body.support).toBe(false);
    expect(body.response).toMatchObject({
      measureId: TRUST,
      measureVersion: 1,
      measureTitle: 'Trust and safety',
      week: currentWeek(new Date(), 'Pacific/Kiritimati'),
      mine: true,
      visibility: 'private',
      sharedAt: null,
      answers: CALM,
      // 3+3+3+3 (second-guessing reversed) + 3+3+4+4 (pressured, afraid reversed)
      total: { id: 'total', score: 26, min: 0, max: 32, band: { label: 'A steadier week' } },
    });
    expect(body.response.subscales.map((s) => [s.id, s.score, s.band?.label])).toEqual([
      ['trust', 12, 'Felt closer'],
      ['safety', 14, 'Was there more often'],
    ]);

    const [row] = await t.database.db
      .select()
      .from(measureResponses)
      .where(eq(measureResponses.id, body.response.id));
    expect(row).toMatchObject({ band: 'steadier', visibility: 'private', sharedAt: null });
    expect(row!.scores.subscales.trust).toEqual({ score: 12, band: 'closer' });

    const list = (await a.get('/api/measures?timeZone=Pacific/Kiritimati')).json<TMeasureList>();
    expect(list.measures.find((m) => m.id === TRUST)).toMatchObject({
      due: false,
      lastWeek: body.response.week,
    });
    expect(list.measures.find((m) => m.id === 'wellbeing')?.due).toBe(true);
  });

  it('scores with skipped questions within the allowance, and says nothing when too many are skipped', async () => {
    const { a } = await createCouple(t);
    const some = await submitted(a, { honest: 4, 'follow-through': 4, hope: 4 });
    const trust = some.response.subscales.find((s) => s.id === 'trust')!;
    expect(trust.score).toBe(16); // one of four skipped: prorated
    expect(some.response.subscales.find((s) => s.id === 'safety')!.score).toBeNull();
    expect(some.response.total).toMatchObject({ score: null, band: null });
  });

  it('refuses bad input with a 400 naming the question, and saves nothing', async () => {
    const a = await t.signUp('Alex');
    const cases: [string, Record<string, unknown>, string][] = [
      ['unknown question', { answers: { ...CALM, nope: 1 } }, 'answers.nope'],
      ['a value off the scale', { answers: { ...CALM, honest: 5 } }, 'answers.honest'],
      ['a negative value', { answers: { honest: -1 } }, 'answers.honest'],
      ['a fraction', { answers: { honest: 2.5 } }, 'answers.honest'],
      ['a word for a value', { answers: { honest: 'often' } }, 'answers.honest'],
      ['no answers', { answers: {} }, 'answers'],
      ['answers as a list', { answers: [1, 2] }, 'answers'],
      ['an unknown check-in', { measureId: 'phq-9' }, 'measureId'],
      ['a check-in name that is not a name', { measureId: '../etc' }, 'measureId'],
      ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
      ['a missing version', { measureVersion: undefined }, 'measureVersion'],
    ];
    for (const [what, change, field] of cases) {
      const response = await a.post('/api/measures/responses', {
        measureId: TRUST,
        measureVersion: 1,
        answers: CALM,
        ...change,
      });
      expect(response.statusCode, what).toBe(400);
      const error = response.json<{ error: { code: string; fields: Record<string, string> } }>()
        .error;
      expect(error.code, what).toBe('validation_failed');
      expect(Object.keys(error.fields), what).toContain(field);
    }
    const stale = await submit(a, CALM, { measureVersion: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'conflict' } });
    expect(await historyIds(a, 'mine')).toEqual([]);
  });

  it('an answer at an alert level still saves, and tells the page to show support', async () => {
    const { a } = await createCouple(t);
    const before = t.logs.lines.length;
    const frightened = await submitted(a, { ...CALM, afraid: 1 });
    expect(frightened.support).toBe(true);
    expect(await historyIds(a, 'mine')).toEqual([frightened.response.id]);

    const pressured = await submitted(a, { ...CALM, pressured: 1 });
    expect(pressured.support).toBe(false); // below its level of 2
    const wellbeing = await a.post('/api/measures/responses', {
      measureId: 'wellbeing',
      measureVersion: 1,
      answers: { harm: 1 },
    });
    expect(wellbeing.statusCode).toBe(201);
    expect(wellbeing.json<TSubmittedResponse>()).toMatchObject({
      support: true,
      response: { total: { score: null } }, // the alert item is not scored
    });

    // Nothing about it reaches the log: no answer, no flag.
    const log = t.logs.lines.slice(before).join('');
    expect(log).toContain('"statusCode":201');
    expect(log).not.toMatch(/support|alert|afraid|harm/i);
  });

  it('keeps private responses out of the partner’s sight: 404s and lists identical to none at all', async () => {
    const { a, b } = await createCouple(t);
    const emptyPartnerList = (await history(b, 'partner')).body;
    const missing = await b.get(`/api/measures/responses/${NOBODY}`);
    const bMeasuresBefore = (await b.get('/api/measures')).body;

    const mine = await submitted(a);
    await submitted(a, { ...CALM, afraid: 3 });

    const hidden = await b.get(`/api/measures/responses/${mine.response.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
    expect((await history(b, 'partner')).body).toBe(emptyPartnerList);
    expect((await b.get('/api/measures')).body).toBe(bMeasuresBefore);
    expect((await share(b, mine.response.id)).body).toBe(missing.body);
    expect((await share(b, mine.response.id, 'private')).body).toBe(missing.body);
    // Nor does "mine" ever hold someone else's.
    expect(await historyIds(b, 'mine')).toEqual([]);
  });

  it('shares one response with the partner (the result in words, never the answers), and makes it private again', async () => {
    const { a, b } = await createCouple(t, ['Alex', 'Sam']);
    const first = await submitted(a);
    const second = await submitted(a, { ...CALM, hope: 0 });

    const shared = await share(a, second.response.id);
    expectStatus(shared, 200);
    const afterShare = shared.json<TMeasureResponse>();
    expect(afterShare.visibility).toBe('partner');
    expect(Date.parse(afterShare.sharedAt!)).toBeGreaterThan(0);

    const seen = await history(b, 'partner');
    expect(seen.json<THistory>().responses.map((r) => r.id)).toEqual([second.response.id]);
    const one = seen.json<THistory>().responses[0]!;
    expect(one.mine).toBe(false);
    expect(one.total.band?.label).toBe('A steadier week');
    expect(one).not.toHaveProperty('answers');
    const direct = await b.get(`/api/measures/responses/${second.response.id}`);
    expectStatus(direct, 200);
    expect(direct.json()).not.toHaveProperty('answers');
    expect((await b.get(`/api/measures/responses/${first.response.id}`)).statusCode).toBe(404);

    // Only the author changes it; making it private again takes effect at once.
    expect((await share(b, second.response.id, 'private')).statusCode).toBe(404);
    expectStatus(await share(a, second.response.id, 'private'), 200);
    expect((await b.get(`/api/measures/responses/${second.response.id}`)).statusCode).toBe(404);
    expect(await historyIds(b, 'partner')).toEqual([]);
    expect(await historyIds(a, 'mine')).toEqual([second.response.id, first.response.id]);
  });

  it('waits while joint work is paused to share, but never to make private again', async () => {
    const { a, b } = await createCouple(t);
    const one = await submitted(a);
    const two = await submitted(a);
    expectStatus(await share(a, one.response.id), 200);

    const lift = await holdJointWork(t, b);
    const paused = await share(a, two.response.id);
    expect(paused.statusCode).toBe(409);
    expect(paused.json()).toMatchObject({ error: { code: 'joint_work_paused' } });
    for (const person of [a, b]) {
      const list = (await person.get('/api/measures')).json<TMeasureList>();
      expect(list.sharing.paused).toBe(true);
    }
    expectStatus(await share(a, one.response.id, 'private'), 200);
    expect(await historyIds(b, 'partner')).toEqual([]);

    await lift();
    expectStatus(await share(a, two.response.id), 200);
    expect(await historyIds(b, 'partner')).toEqual([two.response.id]);
  });

  it('ends every share when a partner leaves, and a share never comes back on its own', async () => {
    const { a, b } = await createCouple(t);
    const one = await submitted(a);
    expectStatus(await share(a, one.response.id), 200);
    expect(await historyIds(b, 'partner')).toEqual([one.response.id]);

    expectStatus(await b.post('/api/space/leave'), 200);
    expect(await historyIds(b, 'partner')).toEqual([]);
    expect((await b.get(`/api/measures/responses/${one.response.id}`)).statusCode).toBe(404);
    // A still has it, whole.
    expect(await historyIds(a, 'mine')).toEqual([one.response.id]);
    // With nobody to share with, sharing is refused plainly.
    const alone = await share(a, one.response.id);
    expect(alone.statusCode).toBe(409);
    expect(alone.json()).toMatchObject({ error: { code: 'conflict' } });

    // B comes back through a new link: the old share does not revive.
    const { token } = (await a.post('/api/invites')).json<{ token: string }>();
    expectStatus(await b.post('/api/invites/accept', { token }), 200);
    expect(await historyIds(b, 'partner')).toEqual([]);
  });

  it('works alone, before any space, and a response written alone can be shared later', async () => {
    const solo = await t.signUp('Robin');
    const list = (await solo.get('/api/measures')).json<TMeasureList>();
    expect(list.sharing).toEqual({ partnerName: null, paused: false });
    const written = await submitted(solo);
    expect(await historyIds(solo, 'mine')).toEqual([written.response.id]);
    expect((await share(solo, written.response.id)).statusCode).toBe(409);

    const partner = await t.signUp('Kit');
    expectStatus(await solo.post('/api/space'), 201);
    const { token } = (await solo.post('/api/invites')).json<{ token: string }>();
    expectStatus(await partner.post('/api/invites/accept', { token }), 200);
    expectStatus(await share(solo, written.response.id), 200);
    expect(await historyIds(partner, 'partner')).toEqual([written.response.id]);

    // A stranger with a space of their own sees nothing of it.
    const stranger = await t.signUp('Lee');
    expectStatus(await stranger.post('/api/space'), 201);
    expect((await stranger.get(`/api/measures/responses/${written.response.id}`)).statusCode).toBe(
      404,
    );
    expect(await historyIds(stranger, 'partner')).toEqual([]);
  });

  it('pages through the history newest first, with a cursor, never repeating a row', async () => {
    const a = await t.signUp('Alex');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await submitted(a)).response.id);
    // Put two of them in earlier weeks.
    await t.database.db
      .update(measureResponses)
      .set({ week: '2026-01-05' })
      .where(eq(measureResponses.id, ids[3]!));
    await t.database.db
      .update(measureResponses)
      .set({ week: '2025-12-29' })
      .where(eq(measureResponses.id, ids[1]!));

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await history(
        a,
        'mine',
        TRUST,
        `&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expectStatus(response, 200);
      const page: THistory = response.json<THistory>();
      expect(page.responses.length).toBeLessThanOrEqual(2);
      seen.push(...page.responses.map((r) => r.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    // This week's three (newest first), then the week of 5 January, then 29 December.
    expect(seen).toEqual([ids[4], ids[2], ids[0], ids[3], ids[1]]);

    for (const bad of [
      '&cursor=not*valid',
      '&cursor=bm9wZQ',
      '&limit=0',
      '&limit=51',
      '&limit=two',
    ]) {
      const response = await history(a, 'mine', TRUST, bad);
      expect(response.statusCode, bad).toBe(400);
    }
    expect((await history(a, 'mine', 'unknown-one')).statusCode).toBe(400);
    expect((await a.get('/api/measures/responses?measure=wellbeing&whose=theirs')).statusCode).toBe(
      400,
    );
    expect((await a.get('/api/measures/responses/not-an-id')).statusCode).toBe(400);
    expect((await a.get('/api/measures?timeZone=Nowhere/Else')).statusCode).toBe(400);
  });

  it('costs one query after the session for a submit, a history page and the list', async () => {
    const a = await t.signUp('Alex');
    await submitted(a);
    await a.get('/api/measures');

    t.queries.length = 0;
    await submitted(a);
    expect(t.queries).toHaveLength(2);
    expect(t.queries[1]).toMatch(/insert into "measure_responses"/);

    t.queries.length = 0;
    expectStatus(await history(a, 'mine'), 200);
    expect(t.queries).toHaveLength(2);

    t.queries.length = 0;
    expectStatus(await a.get('/api/measures'), 200);
    expect(t.queries).toHaveLength(2);
  });

  it('a broken definition stops the start, naming the file and the problem', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hh-measures-int-'));
    writeFileSync(
      path.join(dir, 'broken.yaml'),
      'id: broken\nversion: 1\ntitle: Broken\nintro: x\ncadence: weekly\nitems: []\ntotal: {}\n',
    );
    const config = loadConfig({ NODE_ENV: 'test', BACKUPS: 'false', LOG_LEVEL: 'silent' });
    try {
      const attempt = buildApp({
        config,
        database: t.database,
        logger: createLogger(config),
        serveWeb: false,
        measuresDir: dir,
      });
      await expect(attempt).rejects.toBeInstanceOf(ConfigError);
      const problems = await attempt.catch((error: ConfigError) => error.problems);
      expect(problems).toContainEqual(
        expect.stringMatching(/broken\.yaml: items: needs at least one item/),
      );
      expect(problems).toContainEqual(expect.stringMatching(/broken\.yaml: total\.scoring: /));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a partner never learns that a private response exists', () => {
  type Step =
    | { kind: 'write'; measure: string; alert: boolean }
    | { kind: 'share'; pick: number }
    | { kind: 'unshare'; pick: number }
    | { kind: 'hold' }
    | { kind: 'lift' };

  const stepArb: fc.Arbitrary<Step> = fc.oneof(
    fc.record({
      kind: fc.constant('write' as const),
      measure: fc.constantFrom(TRUST, 'wellbeing'),
      alert: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('share' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('unshare' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('hold' as const) }),
    fc.record({ kind: fc.constant('lift' as const) }),
  );

  /** Everything B can read about measures, as raw bodies. */
  async function viewOf(b: TestClient, ids: string[]) {
    const parts = [
      (await b.get('/api/measures')).body,
      (await history(b, 'partner', TRUST)).body,
      (await history(b, 'partner', 'wellbeing')).body,
    ];
    for (const id of ids) {
      const response = await b.get(`/api/measures/responses/${id}`);
      parts.push(`${response.statusCode} ${response.body}`);
    }
    return parts;
  }

  it('B sees exactly what A shares, whatever A writes privately in between', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 8 }), async (steps) => {
        const { a, b } = await createCouple(t);
        const written: { id: string; measure: string }[] = [];
        const shared = new Set<string>();
        let lift: (() => Promise<void>) | null = null;

        for (const step of steps) {
          if (step.kind === 'write') {
            const answers =
              step.measure === TRUST
                ? { ...CALM, afraid: step.alert ? 2 : 0 }
                : { harm: step.alert ? 1 : 0, rest: 2 };
            const response = await a.post('/api/measures/responses', {
              measureId: step.measure,
              measureVersion: 1,
              answers,
            });
            expectStatus(response, 201);
            written.push({
              id: response.json<TSubmittedResponse>().response.id,
              measure: step.measure,
            });
          } else if ((step.kind === 'share' || step.kind === 'unshare') && written.length > 0) {
            const target = written[step.pick % written.length]!;
            const response = await share(
              a,
              target.id,
              step.kind === 'share' ? 'partner' : 'private',
            );
            if (step.kind === 'unshare') {
              expectStatus(response, 200);
              shared.delete(target.id);
            } else if (lift) {
              expect(response.statusCode).toBe(409);
            } else {
              expectStatus(response, 200);
              shared.add(target.id);
            }
          } else if (step.kind === 'hold' && !lift) {
            lift = await holdJointWork(t, a);
          } else if (step.kind === 'lift' && lift) {
            await lift();
            lift = null;
          }

          // B's view equals the view of a world where A wrote only what A has shared now.
          const partnerIds = async (measure: string) =>
            (await history(b, 'partner', measure)).json<THistory>().responses.map((r) => r.id);
          const expectedFor = (measure: string) =>
            written
              .filter((w) => w.measure === measure && shared.has(w.id))
              .map((w) => w.id)
              .reverse();
          expect(await partnerIds(TRUST)).toEqual(expectedFor(TRUST));
          expect(await partnerIds('wellbeing')).toEqual(expectedFor('wellbeing'));
          const view = await viewOf(
            b,
            written.map((w) => w.id),
          );
          const hiddenCount = written.filter((w) => !shared.has(w.id)).length;
          const notFoundBodies = view.filter((part) => part.startsWith('404 '));
          expect(notFoundBodies).toHaveLength(hiddenCount);
          expect(new Set(notFoundBodies).size).toBeLessThanOrEqual(1);
          // Nothing private leaks into any body B can read: no ids, no answers.
          for (const w of written) {
            if (shared.has(w.id)) continue;
            for (const part of view) {
              if (!part.startsWith('404 ')) expect(part).not.toContain(w.id);
            }
          }
        }
        if (lift) await lift();
      }),
      { numRuns: 12 },
    );
  });
});
