import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TPlanResponse,
  TPlanSections,
  TPlanVersions,
  TTriggerEntry,
  TTriggerList,
} from '#shared/schemas/triggers.ts';
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

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

async function logTrigger(
  who: TestClient,
  body: Record<string, unknown> = {},
): Promise<TTriggerEntry> {
  const response = await who.post('/api/triggers', {
    cue: 'A song from that summer came on the radio',
    intensity: 6,
    ...body,
  });
  expectStatus(response, 201);
  return response.json<{ entry: TTriggerEntry }>().entry;
}

async function list(who: TestClient, query = ''): Promise<TTriggerList> {
  const response = await who.get(`/api/triggers${query}`);
  expectStatus(response, 200);
  return response.json<TTriggerList>();
}

function expectFieldError(response: LightMyRequestResponse, field: string): void {
  expect(response.statusCode, response.body).toBe(400);
  const body = response.json<{ error: { code: string; fields?: Record<string, string> } }>();
  expect(body.error.code).toBe('validation_failed');
  expect(Object.keys(body.error.fields ?? {})).toContain(field);
}

const SECTIONS: TPlanSections = {
  signs: 'I go quiet and my hands get cold.',
  signal: 'I say "red hat" and you know what it means.',
  response: 'You stop, you stay with me, and you say you understand why it hurts.',
  timeOut: 'Twenty minutes apart, then we sit on the sofa again.',
  afterwards: 'A short walk, and we say one kind thing each.',
};

async function readPlan(who: TestClient): Promise<TPlanResponse & { etag: string | undefined }> {
  const response = await who.get('/api/triggers/plan');
  expectStatus(response, 200);
  return { ...response.json<TPlanResponse>(), etag: response.headers.etag };
}

async function savePlan(who: TestClient, version: number | string, sections = SECTIONS) {
  return who.put('/api/triggers/plan', { sections }, { 'if-match': `"${version}"` });
}

async function joinByLink(owner: TestClient, joiner: TestClient): Promise<void> {
  const { token } = (await owner.post('/api/invites')).json<{ token: string }>();
  expectStatus(await joiner.post('/api/invites/accept', { token }), 200);
}

describe('the trigger log', () => {
  it('logs a trigger quickly, lists it, edits it, archives and restores it', async () => {
    const a = await t.signUp('Alex');
    const before = Date.now();
    const entry = await logTrigger(a);
    expect(entry).toMatchObject({
      cue: 'A song from that summer came on the radio',
      intensity: 6,
      felt: null,
      helped: null,
      nextTime: null,
      mine: true,
      visibility: 'private',
      archived: false,
    });
    // The time defaults to now.
    expect(Date.parse(entry.occurredAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(entry.occurredAt)).toBeLessThanOrEqual(Date.now() + 1000);

    const detailed = await logTrigger(a, {
      occurredAt: minutesAgo(90),
      cue: '  Driving past the hotel  ',
      intensity: 0,
      felt: 'Sick, then angry',
      helped: 'Breathing slowly and texting my sister',
      nextTime: 'I would like you to ask how I am when I get home',
    });
    expect(detailed.cue).toBe('Driving past the hotel');
    expect(detailed.intensity).toBe(0);

    // Newest first, by when it happened.
    const mine = await list(a);
    expect(mine.entries.map((e) => e.id)).toEqual([entry.id, detailed.id]);
    expect(mine.nextCursor).toBeNull();

    const edited = await a.put(`/api/triggers/${detailed.id}`, {
      cue: 'Driving past the hotel on the ring road',
      intensity: 10,
      felt: '',
      helped: 'Breathing slowly',
    });
    expectStatus(edited, 200);
    expect(edited.json<{ entry: TTriggerEntry }>().entry).toMatchObject({
      cue: 'Driving past the hotel on the ring road',
      intensity: 10,
      felt: null,
      nextTime: null,
      occurredAt: detailed.occurredAt, // unchanged when not sent
    });

    expectStatus(await a.post(`/api/triggers/${detailed.id}/archive`), 200);
    expect((await list(a)).entries.map((e) => e.id)).toEqual([entry.id]);
    const archived = await list(a, '?view=archived');
    expect(archived.entries.map((e) => e.id)).toEqual([detailed.id]);
    expect(archived.entries[0]!.archived).toBe(true);
    // Still readable by its author.
    expectStatus(await a.get(`/api/triggers/${detailed.id}`), 200);

    expectStatus(await a.post(`/api/triggers/${detailed.id}/restore`), 200);
    expect((await list(a)).entries.map((e) => e.id)).toEqual([entry.id, detailed.id]);
    expect((await list(a, '?view=archived')).entries).toEqual([]);
  });

  it('works for someone with no space, and shows them no partner list', async () => {
    const solo = await t.signUp('Robin');
    await logTrigger(solo);
    expect((await list(solo)).entries).toHaveLength(1);
    expect(await list(solo, '?view=partner')).toEqual({ entries: [], nextCursor: null });
    // Sharing needs a space.
    const [entry] = (await list(solo)).entries;
    const share = await solo.post(`/api/triggers/${entry!.id}/share`);
    expect(share.statusCode).toBe(404);
  });

  it('pages through the log newest first with a cursor, with no gaps or repeats', async () => {
    const a = await t.signUp('Alex');
    const sameMoment = minutesAgo(30);
    const made: TTriggerEntry[] = [];
    for (const minutes of [50, 40, 10, 20]) {
      made.push(await logTrigger(a, { occurredAt: minutesAgo(minutes), cue: `${minutes}` }));
    }
    // Two at the very same moment: the id breaks the tie.
    made.push(await logTrigger(a, { occurredAt: sameMoment, cue: 'tie 1' }));
    made.push(await logTrigger(a, { occurredAt: sameMoment, cue: 'tie 2' }));

    const expected = [...made]
      .sort((x, y) =>
        x.occurredAt === y.occurredAt
          ? y.id.localeCompare(x.id)
          : Date.parse(y.occurredAt) - Date.parse(x.occurredAt),
      )
      .map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: TTriggerList = await list(
        a,
        `?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(2);
    expect(seen).toEqual(expected);
  });

  it('refuses every kind of bad input with a 400 that names the field', async () => {
    const a = await t.signUp('Alex');
    const ok = { cue: 'A message notification sound', intensity: 4 };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ok, intensity: 11 }, 'intensity'],
      [{ ...ok, intensity: -1 }, 'intensity'],
      [{ ...ok, intensity: 5.5 }, 'intensity'],
      [{ ...ok, intensity: '5' }, 'intensity'],
      [{ cue: ok.cue }, 'intensity'],
      [{ intensity: 3 }, 'cue'],
      [{ ...ok, cue: '   ' }, 'cue'],
      [{ ...ok, cue: 'x'.repeat(501) }, 'cue'],
      [{ ...ok, cue: 42 }, 'cue'],
      [{ ...ok, felt: 'x'.repeat(201) }, 'felt'],
      [{ ...ok, helped: 'x'.repeat(1001) }, 'helped'],
      [{ ...ok, nextTime: 'x'.repeat(1001) }, 'nextTime'],
      [{ ...ok, nextTime: ['a list'] }, 'nextTime'],
      [{ ...ok, occurredAt: new Date(Date.now() + 3_600_000).toISOString() }, 'occurredAt'],
      [{ ...ok, occurredAt: '2026-13-45T99:00:00Z' }, 'occurredAt'],
      [{ ...ok, occurredAt: 'yesterday' }, 'occurredAt'],
      [{ ...ok, occurredAt: new Date(Date.now() - 400 * 86_400_000).toISOString() }, 'occurredAt'],
    ];
    for (const [body, field] of cases) {
      expectFieldError(await a.post('/api/triggers', body), field);
    }
    // The longest allowed values are taken whole.
    const longest = await a.post('/api/triggers', {
      cue: 'x'.repeat(500),
      intensity: 10,
      felt: 'y'.repeat(200),
      helped: 'z'.repeat(1000),
      nextTime: 'w'.repeat(1000),
    });
    expectStatus(longest, 201);
    const { entry } = longest.json<{ entry: TTriggerEntry }>();
    expect(entry.cue).toHaveLength(500);

    // Edits follow the same rules.
    expectFieldError(
      await a.put(`/api/triggers/${entry.id}`, { ...ok, intensity: 11 }),
      'intensity',
    );
    expect(
      (await a.get(`/api/triggers/${entry.id}`)).json<{ entry: TTriggerEntry }>().entry.intensity,
    ).toBe(10);

    // Lists, ids and bodies.
    expectFieldError(await a.get('/api/triggers?limit=0'), 'querystring.limit');
    expectFieldError(await a.get('/api/triggers?limit=51'), 'querystring.limit');
    expectFieldError(await a.get('/api/triggers?limit=many'), 'querystring.limit');
    expectFieldError(await a.get('/api/triggers?view=everyone'), 'querystring.view');
    expectFieldError(await a.get('/api/triggers?cursor=not-a-cursor'), 'querystring.cursor');
    expectFieldError(
      await a.get(
        `/api/triggers?cursor=${Buffer.from('["2026-01-01T00:00:00Z","nope"]').toString('base64url')}`,
      ),
      'querystring.cursor',
    );
    expectFieldError(await a.get('/api/triggers/not-an-id'), 'params.id');
    expectFieldError(await a.post('/api/triggers/not-an-id/archive'), 'params.id');
    const badJson = await a.request('POST', '/api/triggers', undefined, {
      'content-type': 'application/json',
    });
    expect(badJson.statusCode).toBe(400);
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/triggers',
      headers: {
        cookie: a.cookie!,
        origin: t.config.publicUrl.origin,
        'content-type': 'application/json',
      },
      payload: '{"cue": "unfinished',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ error: { code: 'invalid_json' } });
    // Nothing was saved by any refused request.
    expect((await list(a)).entries).toHaveLength(1);
  });
});

describe('privacy of the trigger log', () => {
  it('keeps private entries from the partner: 404s, and the same list whether or not they exist', async () => {
    const { a, b } = await createCouple(t);
    const partnerListBefore = (await b.get('/api/triggers?view=partner')).body;
    const privateEntry = await logTrigger(a, { cue: 'Private words about the hotel' });
    await logTrigger(a, { cue: 'More private words' });
    const partnerListAfter = (await b.get('/api/triggers?view=partner')).body;
    expect(partnerListAfter).toBe(partnerListBefore);
    expect(JSON.parse(partnerListAfter)).toEqual({ entries: [], nextCursor: null });
    // B's own log does not show A's either.
    expect((await list(b)).entries).toEqual([]);

    const notFoundBody = (await b.get(`/api/triggers/${crypto.randomUUID()}`)).body;
    for (const response of [
      await b.get(`/api/triggers/${privateEntry.id}`),
      await b.put(`/api/triggers/${privateEntry.id}`, { cue: 'changed', intensity: 1 }),
      await b.post(`/api/triggers/${privateEntry.id}/share`),
      await b.post(`/api/triggers/${privateEntry.id}/unshare`),
      await b.post(`/api/triggers/${privateEntry.id}/archive`),
      await b.post(`/api/triggers/${privateEntry.id}/restore`),
    ]) {
      expect(response.statusCode).toBe(404);
      // The same body as for an id that does not exist at all.
      expect(response.body).toBe(notFoundBody);
    }
    // And nothing B did changed it.
    const mine = (await a.get(`/api/triggers/${privateEntry.id}`)).json<{ entry: TTriggerEntry }>();
    expect(mine.entry).toMatchObject({
      cue: 'Private words about the hotel',
      visibility: 'private',
      archived: false,
    });
  });

  it('shares one entry at a time, and makes it private again at once', async () => {
    const { a, b } = await createCouple(t);
    const shared = await logTrigger(a, { cue: 'Seeing her name in my inbox', felt: 'Shaky' });
    const kept = await logTrigger(a, { cue: 'Kept to myself', occurredAt: minutesAgo(5) });

    const share = await a.post(`/api/triggers/${shared.id}/share`);
    expectStatus(share, 200);
    expect(share.json<{ entry: TTriggerEntry }>().entry.visibility).toBe('partner');

    const seen = await list(b, '?view=partner');
    expect(seen.entries).toHaveLength(1);
    expect(seen.entries[0]).toMatchObject({
      id: shared.id,
      cue: 'Seeing her name in my inbox',
      felt: 'Shaky',
      mine: false,
      visibility: 'partner',
    });
    expect(JSON.stringify(seen)).not.toContain(kept.id);
    expectStatus(await b.get(`/api/triggers/${shared.id}`), 200);
    expect((await b.get(`/api/triggers/${kept.id}`)).statusCode).toBe(404);
    // The partner reads; only the author changes it.
    expect((await b.put(`/api/triggers/${shared.id}`, { cue: 'x', intensity: 1 })).statusCode).toBe(
      404,
    );
    expect((await b.post(`/api/triggers/${shared.id}/unshare`)).statusCode).toBe(404);

    // An edit by the author shows on the partner's next read.
    expectStatus(
      await a.put(`/api/triggers/${shared.id}`, { cue: 'Seeing her name', intensity: 7 }),
      200,
    );
    expect((await list(b, '?view=partner')).entries[0]!.cue).toBe('Seeing her name');

    expectStatus(await a.post(`/api/triggers/${shared.id}/unshare`), 200);
    expect(await list(b, '?view=partner')).toEqual({ entries: [], nextCursor: null });
    expect((await b.get(`/api/triggers/${shared.id}`)).statusCode).toBe(404);

    // Archiving a shared entry puts it away from the partner too, and it comes back private.
    expectStatus(await a.post(`/api/triggers/${shared.id}/share`), 200);
    expectStatus(await a.post(`/api/triggers/${shared.id}/archive`), 200);
    expect((await list(b, '?view=partner')).entries).toEqual([]);
    expect((await b.get(`/api/triggers/${shared.id}`)).statusCode).toBe(404);
    const restored = await a.post(`/api/triggers/${shared.id}/restore`);
    expect(restored.json<{ entry: TTriggerEntry }>().entry.visibility).toBe('private');
    expect((await list(b, '?view=partner')).entries).toEqual([]);
    // An archived entry cannot be shared until it is brought back.
    expectStatus(await a.post(`/api/triggers/${kept.id}/archive`), 200);
    expect((await a.post(`/api/triggers/${kept.id}/share`)).statusCode).toBe(404);
  });

  it('pages the partner list by shared entries only, whatever private ones lie between', async () => {
    const { a, b } = await createCouple(t);
    const sharedIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      const entry = await logTrigger(a, { occurredAt: minutesAgo(60 - i * 5), cue: `moment ${i}` });
      if (i % 2 === 0) {
        expectStatus(await a.post(`/api/triggers/${entry.id}/share`), 200);
        sharedIds.unshift(entry.id);
      }
    }
    const first = await list(b, '?view=partner&limit=2');
    expect(first.entries.map((e) => e.id)).toEqual(sharedIds.slice(0, 2));
    const second = await list(b, `?view=partner&limit=2&cursor=${first.nextCursor}`);
    expect(second.entries.map((e) => e.id)).toEqual(sharedIds.slice(2));
    expect(second.nextCursor).toBeNull();
  });

  it('ends every share when a partner leaves, in both directions, and shows a stranger nothing', async () => {
    const { a, b } = await createCouple(t);
    const stranger = await t.signUp('Stranger');
    expectStatus(await stranger.post('/api/space'), 201);
    const fromA = await logTrigger(a, { cue: 'From A' });
    const fromB = await logTrigger(b, { cue: 'From B' });
    expectStatus(await a.post(`/api/triggers/${fromA.id}/share`), 200);
    expectStatus(await b.post(`/api/triggers/${fromB.id}/share`), 200);
    expect((await list(a, '?view=partner')).entries).toHaveLength(1);

    for (const id of [fromA.id, fromB.id]) {
      expect((await stranger.get(`/api/triggers/${id}`)).statusCode).toBe(404);
    }
    expect((await list(stranger, '?view=partner')).entries).toEqual([]);

    expectStatus(await b.post('/api/space/leave'), 200);
    // The former partner sees nothing of A's, and A nothing of theirs.
    expect((await b.get(`/api/triggers/${fromA.id}`)).statusCode).toBe(404);
    expect((await list(b, '?view=partner')).entries).toEqual([]);
    expect((await a.get(`/api/triggers/${fromB.id}`)).statusCode).toBe(404);
    expect((await list(a, '?view=partner')).entries).toEqual([]);
    // Each keeps their own, whole.
    expect((await list(b)).entries.map((e) => e.id)).toEqual([fromB.id]);
    expect((await list(a)).entries.map((e) => e.id)).toEqual([fromA.id]);
    // Making it private again works from outside the space.
    expectStatus(await b.post(`/api/triggers/${fromB.id}/unshare`), 200);

    // A later partner does not see what A shared with B.
    const c = await t.signUp('Casey');
    await joinByLink(a, c);
    expect((await list(c, '?view=partner')).entries).toEqual([]);
    expect((await c.get(`/api/triggers/${fromA.id}`)).statusCode).toBe(404);
    // Until A chooses to share it again.
    expectStatus(await a.post(`/api/triggers/${fromA.id}/share`), 200);
    expect((await list(c, '?view=partner')).entries.map((e) => e.id)).toEqual([fromA.id]);
  });

  it('refuses to share while A is alone in the space, without a 404', async () => {
    const a = await t.signUp('Alex');
    expectStatus(await a.post('/api/space'), 201);
    const entry = await logTrigger(a);
    const share = await a.post(`/api/triggers/${entry.id}/share`);
    expect(share.statusCode).toBe(409);
    expect(share.json()).toMatchObject({ error: { code: 'conflict' } });
  });
});

describe('while joint work is paused', () => {
  it('holds sharing, edits of shared entries and plan edits, never private logging', async () => {
    const { a, b } = await createCouple(t);
    const sharedBefore = await logTrigger(a, { cue: 'Shared before the pause' });
    expectStatus(await a.post(`/api/triggers/${sharedBefore.id}/share`), 200);
    const planned = await savePlan(a, 0);
    expectStatus(planned, 200);

    const lift = await holdJointWork(t, b);
    // Private logging carries on, for both.
    const privateEntry = await logTrigger(a, { cue: 'Logged during the pause' });
    await logTrigger(b);
    expectStatus(
      await a.put(`/api/triggers/${privateEntry.id}`, { cue: 'Still mine', intensity: 2 }),
      200,
    );
    expectStatus(await a.post(`/api/triggers/${privateEntry.id}/archive`), 200);
    expectStatus(await a.post(`/api/triggers/${privateEntry.id}/restore`), 200);

    const paused = [
      await a.post(`/api/triggers/${privateEntry.id}/share`),
      await a.put(`/api/triggers/${sharedBefore.id}`, {
        cue: 'An edit the partner would read',
        intensity: 2,
      }),
      await savePlan(a, 1),
      await savePlan(b, 1),
    ];
    for (const response of paused) {
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ error: { code: 'joint_work_paused' } });
    }
    // The same neutral words for both partners.
    expect(paused[2]!.body).toBe(paused[3]!.body);

    // Reading the plan is not blocked; it says joint work is paused.
    const plan = await readPlan(a);
    expect(plan.jointWorkOpen).toBe(false);
    expect(plan.plan.sections).toEqual(SECTIONS);
    expect((await readPlan(b)).jointWorkOpen).toBe(false);
    // Making something private again is never held.
    expectStatus(await a.post(`/api/triggers/${sharedBefore.id}/unshare`), 200);
    expect((await list(a, `?view=mine`)).entries).toHaveLength(2);

    await lift();
    expectStatus(await a.post(`/api/triggers/${privateEntry.id}/share`), 200);
    expectStatus(await savePlan(b, 1), 200);
    expect((await readPlan(a)).jointWorkOpen).toBe(true);
  });
});

describe('the couple’s trigger plan', () => {
  it('starts empty at version 0, and every save makes a new version with its author', async () => {
    const { a, b } = await createCouple(t);
    const empty = await readPlan(a);
    expect(empty.etag).toBe('"0"');
    expect(empty.plan).toMatchObject({ id: null, version: 0, updatedBy: null, together: true });
    expect(Object.values(empty.plan.sections).every((s) => s === '')).toBe(true);
    expect(empty.earlier).toEqual([]);
    expect(empty.jointWorkOpen).toBe(true);

    const first = await savePlan(a, 0);
    expectStatus(first, 200);
    expect(first.headers.etag).toBe('"1"');
    const firstPlan = first.json<{ plan: TPlanResponse['plan'] }>().plan;
    expect(firstPlan).toMatchObject({
      version: 1,
      sections: SECTIONS,
      updatedBy: { name: 'Alex', mine: true },
    });

    // B sees it, written by Alex, and builds on it.
    const seenByB = await readPlan(b);
    expect(seenByB.etag).toBe('"1"');
    expect(seenByB.plan).toMatchObject({
      id: firstPlan.id,
      sections: SECTIONS,
      updatedBy: { name: 'Alex', mine: false },
    });
    const second = await savePlan(b, 1, {
      ...SECTIONS,
      response: 'I stay, I listen, I do not defend myself.',
    });
    expectStatus(second, 200);
    expect(second.headers.etag).toBe('"2"');
    // W/ weak tags are read too.
    const third = await b.put(
      '/api/triggers/plan',
      { sections: { ...SECTIONS, afterwards: '' } },
      { 'if-match': 'W/"2"' },
    );
    expectStatus(third, 200);

    const history = await a.get(`/api/triggers/plans/${firstPlan.id}/versions`);
    expectStatus(history, 200);
    const { versions, nextCursor } = history.json<TPlanVersions>();
    expect(nextCursor).toBeNull();
    expect(versions.map((v) => [v.version, v.author.name, v.author.mine])).toEqual([
      [3, 'Sam', false],
      [2, 'Sam', false],
      [1, 'Alex', true],
    ]);
    expect(versions[1]!.sections.response).toBe('I stay, I listen, I do not defend myself.');
    expect(versions[2]!.sections).toEqual(SECTIONS);
    expect(versions[0]!.sections.afterwards).toBe('');

    // Paged, newest first.
    const page1 = (
      await b.get(`/api/triggers/plans/${firstPlan.id}/versions?limit=2`)
    ).json<TPlanVersions>();
    expect(page1.versions.map((v) => v.version)).toEqual([3, 2]);
    const page2 = (
      await b.get(`/api/triggers/plans/${firstPlan.id}/versions?limit=2&cursor=${page1.nextCursor}`)
    ).json<TPlanVersions>();
    expect(page2.versions.map((v) => v.version)).toEqual([1]);
    expect(page2.nextCursor).toBeNull();
  });

  it('asks for If-Match (428), and answers a stale save with 412 and the plan as it is now', async () => {
    const { a, b } = await createCouple(t);
    const missing = await a.put('/api/triggers/plan', { sections: SECTIONS });
    expect(missing.statusCode).toBe(428);
    expect(missing.json()).toMatchObject({ error: { code: 'precondition_required' } });
    const unreadable = await a.put(
      '/api/triggers/plan',
      { sections: SECTIONS },
      { 'if-match': '*' },
    );
    expect(unreadable.statusCode).toBe(428);
    expect((await readPlan(a)).plan.version).toBe(0);

    expectStatus(await savePlan(a, 0), 200);
    const bNewer = { ...SECTIONS, signal: 'I touch your arm twice.' };
    expectStatus(await savePlan(b, 1, bNewer), 200);

    // A started from version 1 and did not see B's save.
    const stale = await savePlan(a, 1, { ...SECTIONS, signs: 'My words, typed while Sam saved.' });
    expect(stale.statusCode).toBe(412);
    const body = stale.json<{ error: { code: string; current: TPlanResponse['plan'] } }>();
    expect(body.error.code).toBe('precondition_failed');
    expect(body.error.current).toMatchObject({
      version: 2,
      sections: bNewer,
      updatedBy: { name: 'Sam', mine: false },
    });
    // Nothing was overwritten.
    expect((await readPlan(b)).plan).toMatchObject({ version: 2, sections: bNewer });

    // A version from the future, and a first save when the plan already exists, are stale too.
    expect((await savePlan(a, 9)).statusCode).toBe(412);
    const firstAgain = await savePlan(a, 0);
    expect(firstAgain.statusCode).toBe(412);
    expect(
      firstAgain.json<{ error: { current: { version: number } } }>().error.current.version,
    ).toBe(2);

    // With the version they now have, A's save goes through.
    expectStatus(
      await savePlan(a, 2, { ...bNewer, signs: 'My words, typed while Sam saved.' }),
      200,
    );
  });

  it('lets exactly one of two saves from the same version through', async () => {
    const { a, b } = await createCouple(t);
    // From nothing: two first saves at once.
    const firsts = await Promise.all([
      savePlan(a, 0, { ...SECTIONS, signs: 'from A' }),
      savePlan(b, 0, { ...SECTIONS, signs: 'from B' }),
    ]);
    expect(firsts.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    // From an existing version: two saves at once.
    const races = await Promise.all([
      savePlan(a, 1, { ...SECTIONS, signs: 'again from A' }),
      savePlan(b, 1, { ...SECTIONS, signs: 'again from B' }),
    ]);
    expect(races.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    const winner = races
      .find((r) => r.statusCode === 200)!
      .json<{ plan: TPlanResponse['plan'] }>().plan;
    const loser = races
      .find((r) => r.statusCode === 412)!
      .json<{
        error: { current: TPlanResponse['plan'] };
      }>();
    // The loser is shown the winner's plan (only "mine" differs, as it is said to each reader).
    expect({ ...loser.error.current, updatedBy: null }).toEqual({ ...winner, updatedBy: null });
    expect(loser.error.current.updatedBy!.name).toBe(winner.updatedBy!.name);
    const plan = await readPlan(a);
    expect(plan.plan.version).toBe(2);
    const versions = (
      await a.get(`/api/triggers/plans/${plan.plan.id}/versions`)
    ).json<TPlanVersions>();
    expect(versions.versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('refuses bad sections with a 400 that names the field', async () => {
    const { a } = await createCouple(t);
    const cases: [unknown, string][] = [
      [{ sections: { ...SECTIONS, signs: 'x'.repeat(2001) } }, 'sections.signs'],
      [{ sections: { ...SECTIONS, timeOut: 20 } }, 'sections.timeOut'],
      [{ sections: { signs: 'only one part' } }, 'sections.signal'],
      [{ sections: 'all of it' }, 'sections'],
      [{}, 'sections'],
    ];
    for (const [body, field] of cases) {
      expectFieldError(await a.put('/api/triggers/plan', body, { 'if-match': '"0"' }), field);
    }
    expectStatus(
      await savePlan(a, 0, { ...SECTIONS, signs: 'x'.repeat(2000), afterwards: '' }),
      200,
    );
    expectFieldError(
      await a.get(`/api/triggers/plans/${crypto.randomUUID()}/versions?cursor=abc`),
      'querystring.cursor',
    );
    expectFieldError(await a.get('/api/triggers/plans/nope/versions'), 'params.id');
  });

  it('keeps a plan with its co-authors: read-only for the one who stays, gone for the one who left, never shown to a later partner', async () => {
    // A starts alone and drafts.
    const a = await t.signUp('Alex');
    expectStatus(await a.post('/api/space'), 201);
    const alone = await readPlan(a);
    expect(alone.plan).toMatchObject({ version: 0, together: false });
    const draft = { ...SECTIONS, signs: 'My own draft, written before anyone joined.' };
    expectStatus(await savePlan(a, 0, draft), 200);
    const draftId = (await readPlan(a)).plan.id!;

    // B joins: B never sees the draft; the couple's plan starts empty.
    const b = await t.signUp('Sam');
    await joinByLink(a, b);
    const bView = await readPlan(b);
    expect(bView.plan).toMatchObject({ id: null, version: 0, together: true });
    expect(bView.earlier).toEqual([]);
    expect(JSON.stringify(bView)).not.toContain('My own draft');
    expect((await b.get(`/api/triggers/plans/${draftId}/versions`)).statusCode).toBe(404);
    // A keeps the draft as an earlier plan of their own, read-only.
    const aView = await readPlan(a);
    expect(aView.plan.version).toBe(0);
    expect(aView.earlier).toEqual([
      expect.objectContaining({ id: draftId, solo: true, sections: draft }),
    ]);

    // Together they write the couple's plan.
    expectStatus(await savePlan(a, 0), 200);
    expectStatus(await savePlan(b, 1, { ...SECTIONS, response: 'Written by Sam' }), 200);
    const together = await readPlan(a);
    const coupleId = together.plan.id!;
    expect(coupleId).not.toBe(draftId);

    // B leaves. The plan is gone for B, and read-only history for A.
    expectStatus(await b.post('/api/space/leave'), 200);
    expect((await b.get('/api/triggers/plan')).statusCode).toBe(404);
    expect((await b.get(`/api/triggers/plans/${coupleId}/versions`)).statusCode).toBe(404);
    const afterLeaving = await readPlan(a);
    expect(afterLeaving.plan).toMatchObject({ id: draftId, together: false, sections: draft });
    const earlierCouple = afterLeaving.earlier.find((p) => p.id === coupleId);
    expect(earlierCouple).toMatchObject({
      solo: false,
      version: 2,
      sections: { response: 'Written by Sam' },
    });
    expectStatus(await a.get(`/api/triggers/plans/${coupleId}/versions`), 200);
    // A's saves now go to A's own draft; the couple's plan does not change.
    expectStatus(await savePlan(a, 1, { ...draft, afterwards: 'Alone again' }), 200);
    const coupleVersions = (
      await a.get(`/api/triggers/plans/${coupleId}/versions`)
    ).json<TPlanVersions>();
    expect(coupleVersions.versions.map((v) => v.version)).toEqual([2, 1]);

    // B, in a new space of their own, sees none of it.
    expectStatus(await b.post('/api/space'), 201);
    const bAlone = await readPlan(b);
    expect(bAlone.plan.version).toBe(0);
    expect(bAlone.earlier).toEqual([]);
    expect((await b.get(`/api/triggers/plans/${coupleId}/versions`)).statusCode).toBe(404);

    // C joins A later: nothing written before C joined.
    const c = await t.signUp('Casey');
    await joinByLink(a, c);
    const cView = await readPlan(c);
    expect(cView.plan).toMatchObject({ id: null, version: 0 });
    expect(cView.earlier).toEqual([]);
    for (const id of [draftId, coupleId]) {
      expect((await c.get(`/api/triggers/plans/${id}/versions`)).statusCode).toBe(404);
    }
    // A still reads both earlier plans.
    expect((await readPlan(a)).earlier.map((p) => p.id).sort()).toEqual([draftId, coupleId].sort());

    // If B came back to A's space, the old plan would not come back to them either.
    expectStatus(await c.post('/api/space/leave'), 200);
    expectStatus(await b.post('/api/space/leave'), 200);
    await joinByLink(a, b);
    expect((await readPlan(b)).earlier).toEqual([]);
    expect((await b.get(`/api/triggers/plans/${coupleId}/versions`)).statusCode).toBe(404);
  });

  it('shows a stranger none of it', async () => {
    const { a } = await createCouple(t);
    expectStatus(await savePlan(a, 0), 200);
    const planId = (await readPlan(a)).plan.id!;
    const stranger = await t.signUp('Stranger');
    expect((await stranger.get('/api/triggers/plan')).statusCode).toBe(404);
    expect((await stranger.get(`/api/triggers/plans/${planId}/versions`)).statusCode).toBe(404);
    expectStatus(await stranger.post('/api/space'), 201);
    const own = await readPlan(stranger);
    expect(own.plan.version).toBe(0);
    expect(JSON.stringify(own)).not.toContain(SECTIONS.signal.slice(0, 10));
    expect((await stranger.get(`/api/triggers/plans/${planId}/versions`)).statusCode).toBe(404);
    expect((await t.client('anonymous').get('/api/triggers/plan')).statusCode).toBe(401);
  });
});
