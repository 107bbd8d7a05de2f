import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TInjury, TInjuryList } from '#shared/schemas/injuries.ts';
import { latestMonth } from '#shared/schemas/injuries.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  holdJointWork,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';

/** Any message at all: the tests care that a field is named, not its words. */
const SOME_TEXT: unknown = expect.any(String);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type Person = TestClient & { userId: string; email: string };

const NAMED = { kind: 'affair', cameToLight: '2026-01', myRole: 'hurt' } as const;

async function name(person: TestClient, body: object = NAMED): Promise<TInjury> {
  const response = await person.post('/api/injuries', body);
  expectStatus(response, 201);
  expect(response.headers.etag).toBe('"1"');
  return response.json<{ injury: TInjury }>().injury;
}

async function list(person: TestClient): Promise<TInjuryList> {
  const response = await person.get('/api/injuries');
  expectStatus(response, 200);
  return response.json<TInjuryList>();
}

async function one(person: TestClient, id: string): Promise<TInjury> {
  const response = await person.get(`/api/injuries/${id}`);
  expectStatus(response, 200);
  return response.json<{ injury: TInjury }>().injury;
}

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

async function confirm(person: TestClient, injury: { id: string; version: number }) {
  const response = await person.post(
    `/api/injuries/${injury.id}/confirm`,
    {},
    ifMatch(injury.version),
  );
  expectStatus(response, 200);
  return response.json<{ injury: TInjury }>().injury;
}

async function invite(owner: TestClient, joiner: TestClient): Promise<void> {
  const { token } = (await owner.post('/api/invites')).json<{ token: string }>();
  expectStatus(await joiner.post('/api/invites/accept', { token }), 200);
}

describe('naming an injury and confirming the roles', () => {
  it('the namer proposes the roles; the partner sees kind, month and roles, and confirms', async () => {
    const { a, b } = await createCouple(t);
    const named = await name(a, { ...NAMED, note: 'The note only Alex may read' });
    expect(named).toMatchObject({
      kind: 'affair',
      cameToLight: '2026-01',
      myRole: 'hurt',
      confirmation: 'waiting_for_partner',
      canChange: true,
      archivedAt: null,
      version: 1,
      note: 'The note only Alex may read',
    });

    const seen = await list(b);
    expect(seen.injuries).toHaveLength(1);
    expect(seen.injuries[0]).toMatchObject({
      id: named.id,
      kind: 'affair',
      cameToLight: '2026-01',
      myRole: 'involved',
      confirmation: 'waiting_for_you',
      note: null,
    });
    expect(JSON.stringify(seen)).not.toContain('only Alex');

    const confirmed = await confirm(b, seen.injuries[0]!);
    expect(confirmed).toMatchObject({ confirmation: 'both', version: 2, myRole: 'involved' });
    expect(await one(a, named.id)).toMatchObject({ confirmation: 'both', myRole: 'hurt' });

    // Once both have confirmed, confirming again (from either side) changes nothing.
    expect((await confirm(a, confirmed)).version).toBe(2);
    expect((await confirm(b, confirmed)).version).toBe(2);
  });

  it('the partner may suggest the roles the other way round; then the namer confirms', async () => {
    const { a, b } = await createCouple(t);
    const named = await name(a);
    const proposerConfirms = await a.post(`/api/injuries/${named.id}/confirm`, {}, ifMatch(1));
    expect(proposerConfirms.statusCode).toBe(409);
    expect(proposerConfirms.json()).toMatchObject({ error: { code: 'conflict' } });

    const swapped = await b.post(`/api/injuries/${named.id}/roles`, { myRole: 'hurt' }, ifMatch(1));
    expectStatus(swapped, 200);
    expect(swapped.headers.etag).toBe('"2"');
    expect(swapped.json<{ injury: TInjury }>().injury).toMatchObject({
      myRole: 'hurt',
      confirmation: 'waiting_for_partner',
    });
    const forA = await one(a, named.id);
    expect(forA).toMatchObject({ myRole: 'involved', confirmation: 'waiting_for_you' });

    // Suggesting the roles as they already stand is not a confirmation in disguise.
    const same = await a.post(
      `/api/injuries/${named.id}/roles`,
      { myRole: 'involved' },
      ifMatch(2),
    );
    expect(same.statusCode).toBe(409);
    expect(await confirm(a, forA)).toMatchObject({ confirmation: 'both', myRole: 'involved' });
  });

  it('when both broke trust, two injuries hold the roles the other way round', async () => {
    const { a, b } = await createCouple(t);
    const first = await name(a, { kind: 'affair', cameToLight: '2025-11', myRole: 'hurt' });
    const second = await name(b, { kind: 'hidden_money', cameToLight: '2026-02', myRole: 'hurt' });
    await confirm(b, first);
    await confirm(a, second);
    const forA = (await list(a)).injuries;
    expect(forA.map((i) => [i.kind, i.myRole, i.confirmation])).toEqual([
      ['affair', 'hurt', 'both'],
      ['hidden_money', 'involved', 'both'],
    ]);
    const forB = (await list(b)).injuries;
    expect(forB.map((i) => i.myRole)).toEqual(['involved', 'hurt']);
  });

  it('works solo: named before the partner joins, confirmed once they do', async () => {
    const a = await t.signUp('Alex');
    expectStatus(await a.post('/api/space'), 201);
    const named = await name(a, { kind: 'lies', cameToLight: '2026-03', myRole: 'involved' });
    expect(named.confirmation).toBe('waiting_for_partner_to_join');
    expect((await a.post(`/api/injuries/${named.id}/confirm`, {}, ifMatch(1))).statusCode).toBe(
      409,
    );

    const b = await t.signUp('Sam');
    await invite(a, b);
    const waiting = (await list(b)).injuries;
    expect(waiting).toEqual([
      expect.objectContaining({ id: named.id, myRole: 'hurt', confirmation: 'waiting_for_you' }),
    ]);
    await confirm(b, waiting[0]!);
    expect(await one(a, named.id)).toMatchObject({ confirmation: 'both', myRole: 'involved' });
  });
});

describe('private descriptions', () => {
  it('each partner’s note is theirs alone, on the list and on the injury', async () => {
    const { a, b } = await createCouple(t);
    const named = await name(a, { ...NAMED, note: 'Alex private words' });
    const written = await b.put(`/api/injuries/${named.id}/note`, { note: 'Sam private words' });
    expectStatus(written, 200);
    expect(written.json<{ injury: TInjury }>().injury.note).toBe('Sam private words');

    for (const [person, mine, theirs] of [
      [a, 'Alex private words', 'Sam private words'],
      [b, 'Sam private words', 'Alex private words'],
    ] as const) {
      const listed = await person.get('/api/injuries');
      const single = await person.get(`/api/injuries/${named.id}`);
      expect(listed.json<TInjuryList>().injuries[0]!.note).toBe(mine);
      expect(single.json<{ injury: TInjury }>().injury.note).toBe(mine);
      expect(listed.body + single.body).not.toContain(theirs);
    }

    // Clearing a note keeps nothing to show; a second write replaces the first.
    expectStatus(await b.put(`/api/injuries/${named.id}/note`, { note: '' }), 200);
    expect((await one(b, named.id)).note).toBeNull();
  });

  it('notes are never paused, while naming, confirming and changing are', async () => {
    const { a, b } = await createCouple(t);
    const named = await name(a);
    const lift = await holdJointWork(t, b);
    const paused = await a.post('/api/injuries', NAMED);
    expect(paused.statusCode).toBe(409);
    expect(paused.json()).toMatchObject({ error: { code: 'joint_work_paused' } });
    for (const call of [
      () => b.post(`/api/injuries/${named.id}/confirm`, {}, ifMatch(1)),
      () => b.post(`/api/injuries/${named.id}/roles`, { myRole: 'hurt' }, ifMatch(1)),
      () => a.patch(`/api/injuries/${named.id}`, { kind: 'lies' }, ifMatch(1)),
      () => a.post(`/api/injuries/${named.id}/archive`, {}, ifMatch(1)),
    ]) {
      const response = await call();
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ error: { code: 'joint_work_paused' } });
    }
    expect((await list(a)).jointWorkOpen).toBe(false);
    expect((await list(b)).jointWorkOpen).toBe(false);
    expectStatus(await a.put(`/api/injuries/${named.id}/note`, { note: 'still mine' }), 200);
    // Reading what is already shared is never paused either.
    expect((await list(b)).injuries).toHaveLength(1);
    await lift();
    await confirm(b, named);
  });
});

describe('after someone leaves', () => {
  it('the former partner sees nothing of the space; the one who stays keeps it as it was', async () => {
    const { a, b } = await createCouple(t);
    const named = await name(a, { ...NAMED, note: 'Alex keeps this' });
    expectStatus(await b.put(`/api/injuries/${named.id}/note`, { note: 'Sam keeps this' }), 200);
    const confirmed = await confirm(b, named);
    expectStatus(await b.post('/api/space/leave'), 200);

    // Sam: no injuries, only their own earlier note; every injury route is a 404.
    const samList = await list(b);
    expect(samList.injuries).toEqual([]);
    expect(samList.earlierNotes.map((n) => n.note)).toEqual(['Sam keeps this']);
    expect(JSON.stringify(samList)).not.toContain('Alex keeps');
    for (const response of [
      await b.get(`/api/injuries/${named.id}`),
      await b.post(`/api/injuries/${named.id}/confirm`, {}, ifMatch(2)),
      await b.put(`/api/injuries/${named.id}/note`, { note: 'x' }),
    ]) {
      expect(response.statusCode).toBe(404);
    }
    // In a new space of their own, still nothing.
    expectStatus(await b.post('/api/space'), 201);
    expect((await list(b)).injuries).toEqual([]);
    expect((await b.get(`/api/injuries/${named.id}`)).statusCode).toBe(404);

    // Alex still reads it, read-only; their own note stays on it.
    const kept = await one(a, named.id);
    expect(kept).toMatchObject({ canChange: false, confirmation: 'both', note: 'Alex keeps this' });
    const change = await a.patch(
      `/api/injuries/${named.id}`,
      { kind: 'lies' },
      ifMatch(confirmed.version),
    );
    expect(change.statusCode).toBe(409);
    expect(change.json()).toMatchObject({ error: { code: 'conflict' } });

    // Someone who joins later never sees what the earlier couple wrote.
    const c = await t.signUp('Casey');
    await invite(a, c);
    expect((await list(c)).injuries).toEqual([]);
    expect((await c.get(`/api/injuries/${named.id}`)).statusCode).toBe(404);
    // ...but does see, and may confirm, what is named from now on.
    const fresh = await name(a, { kind: 'other', cameToLight: '2026-04', myRole: 'hurt' });
    expect((await list(c)).injuries.map((i) => i.id)).toEqual([fresh.id]);
  });

  it('a stranger never reaches an injury', async () => {
    const { a } = await createCouple(t);
    const named = await name(a);
    const stranger = await t.signUp('Stranger');
    expectStatus(await stranger.post('/api/space'), 201);
    expect((await stranger.get(`/api/injuries/${named.id}`)).statusCode).toBe(404);
    expect(
      (await stranger.post(`/api/injuries/${named.id}/confirm`, {}, ifMatch(1))).statusCode,
    ).toBe(404);
    expect((await list(stranger)).injuries).toEqual([]);
  });
});

describe('changing an injury', () => {
  it('asks for If-Match, refuses a stale version with the current one, and asks both to confirm again', async () => {
    const { a, b } = await createCouple(t);
    const named = await name(a);
    const confirmed = await confirm(b, named);

    const missing = await a.patch(`/api/injuries/${named.id}`, { kind: 'lies' });
    expect(missing.statusCode).toBe(428);
    expect(missing.json()).toMatchObject({ error: { code: 'precondition_required' } });

    // Both start from version 2; Alex saves first.
    const first = await a.patch(`/api/injuries/${named.id}`, { kind: 'lies' }, ifMatch(2));
    expectStatus(first, 200);
    expect(first.headers.etag).toBe('"3"');
    expect(first.json<{ injury: TInjury }>().injury).toMatchObject({
      kind: 'lies',
      confirmation: 'waiting_for_partner',
    });
    const second = await b.patch(
      `/api/injuries/${named.id}`,
      { cameToLight: '2025-12' },
      ifMatch(confirmed.version),
    );
    expect(second.statusCode).toBe(412);
    expect(second.json()).toMatchObject({
      error: {
        code: 'precondition_failed',
        current: {
          id: named.id,
          kind: 'lies',
          cameToLight: '2026-01',
          version: 3,
          myRole: 'involved',
        },
      },
    });
    // Sam's stale confirmation would confirm something they have not seen: refused too.
    expect((await b.post(`/api/injuries/${named.id}/confirm`, {}, ifMatch(2))).statusCode).toBe(
      412,
    );

    const forB = await one(b, named.id);
    expect(forB).toMatchObject({ confirmation: 'waiting_for_you', version: 3 });
    expect(await confirm(b, forB)).toMatchObject({ confirmation: 'both', version: 4 });

    // Saving the same values again changes nothing and keeps the confirmations.
    const unchanged = await a.patch(`/api/injuries/${named.id}`, { kind: 'lies' }, ifMatch(4));
    expect(unchanged.json<{ injury: TInjury }>().injury).toMatchObject({
      version: 4,
      confirmation: 'both',
    });
  });

  it('archives instead of deleting, and brings back', async () => {
    const { a, b } = await createCouple(t);
    const named = await name(a);
    expect((await a.delete(`/api/injuries/${named.id}`)).statusCode).toBe(404);
    const archived = await b.post(`/api/injuries/${named.id}/archive`, {}, ifMatch(1));
    expectStatus(archived, 200);
    expect(archived.json<{ injury: TInjury }>().injury.archivedAt).not.toBeNull();
    const forA = await list(a);
    expect(forA.injuries[0]).toMatchObject({ id: named.id, version: 2 });
    expect(forA.injuries[0]!.archivedAt).not.toBeNull();
    const restored = await a.post(`/api/injuries/${named.id}/restore`, {}, ifMatch(2));
    expect(restored.json<{ injury: TInjury }>().injury).toMatchObject({
      archivedAt: null,
      version: 3,
    });
  });
});

describe('bad input', () => {
  it('names the field for every kind of bad value, and never stores it', async () => {
    const { a } = await createCouple(t);
    const cases: [object, string][] = [
      [{ ...NAMED, kind: 'fling' }, 'kind'],
      [{ ...NAMED, kind: undefined }, 'kind'],
      [{ ...NAMED, cameToLight: '2026-13' }, 'cameToLight'],
      [{ ...NAMED, cameToLight: '2026-1' }, 'cameToLight'],
      [{ ...NAMED, cameToLight: '1900-05' }, 'cameToLight'],
      [{ ...NAMED, cameToLight: `${Number(latestMonth().slice(0, 4)) + 1}-01` }, 'cameToLight'],
      [{ ...NAMED, cameToLight: 202601 }, 'cameToLight'],
      [{ ...NAMED, myRole: 'victim' }, 'myRole'],
      [{ ...NAMED, note: 'x'.repeat(4001) }, 'note'],
      [{ ...NAMED, note: 42 }, 'note'],
    ];
    for (const [body, field] of cases) {
      const response = await a.post('/api/injuries', body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(Object.keys(response.json<{ error: { fields: object } }>().error.fields)).toContain(
        field,
      );
    }
    expect((await list(a)).injuries).toEqual([]);

    const named = await name(a);
    const patchEmpty = await a.patch(`/api/injuries/${named.id}`, {}, ifMatch(1));
    expect(patchEmpty.statusCode).toBe(400);
    expect(patchEmpty.json()).toMatchObject({ error: { fields: { kind: SOME_TEXT } } });
    const badRole = await a.post(`/api/injuries/${named.id}/roles`, { myRole: 'both' }, ifMatch(1));
    expect(badRole.json()).toMatchObject({ error: { fields: { myRole: SOME_TEXT } } });
    const badIfMatch = await a.post(
      `/api/injuries/${named.id}/archive`,
      {},
      { 'if-match': 'soon' },
    );
    expect(badIfMatch.statusCode).toBe(428);
    const badId = await a.get('/api/injuries/not-an-id');
    expect(badId.statusCode).toBe(400);
    const unknown = await a.get('/api/injuries/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    const noteTooLong = await a.put(`/api/injuries/${named.id}/note`, { note: 'y'.repeat(4001) });
    expect(noteTooLong.json()).toMatchObject({ error: { fields: { note: SOME_TEXT } } });
  });

  it('answers a signed-out caller with 401 and someone without a space with 404', async () => {
    expect((await t.client('nobody').get('/api/injuries')).statusCode).toBe(401);
    const alone: Person = await t.signUp('Alone');
    expect(await list(alone)).toEqual({ injuries: [], earlierNotes: [], jointWorkOpen: true });
    expect((await alone.post('/api/injuries', NAMED)).statusCode).toBe(404);
  });
});

describe('cost', () => {
  it('lists injuries in a fixed number of queries, however many there are', async () => {
    const { a } = await createCouple(t);
    await name(a);
    t.queries.length = 0;
    await list(a);
    const few = t.queries.length;
    for (let i = 0; i < 5; i++) await name(a);
    t.queries.length = 0;
    await list(a);
    expect(t.queries.length).toBe(few);
    // The session, the injuries with my notes, my earlier notes, and the joint-work hold.
    expect(few).toBe(4);
  });
});

describe('private notes and marks never cross between people (property)', () => {
  const PEOPLE = ['a', 'b', 's'] as const;
  type Who = (typeof PEOPLE)[number];
  type Step =
    | {
        kind: 'createSpace' | 'invite' | 'leave' | 'name' | 'note' | 'confirm' | 'mark' | 'ready';
        who: Who;
      }
    | { kind: 'accept'; who: Who; from: Who };
  const who = fc.constantFrom(...PEOPLE);
  const simple = fc.constantFrom<Exclude<Step['kind'], 'accept'>>(
    'createSpace',
    'invite',
    'leave',
    'name',
    'note',
    'confirm',
    'mark',
    'ready',
  );
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: simple, who }),
    fc.record({ kind: fc.constant('accept' as const), who, from: who }),
  );

  it('holds for random sequences of naming, noting, confirming, leaving and joining', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        run += 1;
        const people = {} as Record<Who, Person>;
        const secrets = {} as Record<Who, string[]>;
        for (const p of PEOPLE) {
          people[p] = await t.signUp(`P${p}`);
          secrets[p] = [];
        }
        // Start from a couple (a and b) and a stranger with a space of their own, then wander.
        expectStatus(await people.a.post('/api/space'), 201);
        await invite(people.a, people.b);
        expectStatus(await people.s.post('/api/space'), 201);
        const tokens: Partial<Record<Who, string>> = {};
        const ids = new Set<string>();
        let counter = 0;
        const secret = (p: Who) => {
          counter += 1;
          const text = `secret-${p}-${run}-${counter}-${Math.random().toString(36).slice(2)}`;
          secrets[p].push(text);
          return text;
        };

        for (const s of steps) {
          const c = people[s.who];
          const mine = (await list(c)).injuries;
          switch (s.kind) {
            case 'createSpace':
              await c.post('/api/space');
              break;
            case 'invite': {
              const response = await c.post('/api/invites');
              if (response.statusCode === 201)
                tokens[s.who] = response.json<{ token: string }>().token;
              break;
            }
            case 'accept':
              if (tokens[s.from]) await c.post('/api/invites/accept', { token: tokens[s.from] });
              break;
            case 'leave':
              await c.post('/api/space/leave');
              break;
            case 'name': {
              const response = await c.post('/api/injuries', { ...NAMED, note: secret(s.who) });
              if (response.statusCode === 201)
                ids.add(response.json<{ injury: TInjury }>().injury.id);
              break;
            }
            case 'note':
              if (mine[0]) await c.put(`/api/injuries/${mine[0].id}/note`, { note: secret(s.who) });
              break;
            case 'confirm':
              for (const injury of mine.filter((i) => i.confirmation === 'waiting_for_you')) {
                await c.post(`/api/injuries/${injury.id}/confirm`, {}, ifMatch(injury.version));
              }
              break;
            case 'mark':
              await c.put('/api/program/marks/read-transparency', { mark: 'come_back' });
              break;
            case 'ready':
              await c.post('/api/program/pace/ready', { phase: 2 });
              break;
          }

          for (const viewer of PEOPLE) {
            const c2 = people[viewer];
            const bodies = [
              (await c2.get('/api/injuries')).body,
              (await c2.get('/api/program')).body,
            ];
            for (const id of ids) bodies.push((await c2.get(`/api/injuries/${id}`)).body);
            const seen = bodies.join('\n');
            for (const other of PEOPLE) {
              if (other === viewer) continue;
              for (const text of secrets[other]) expect(seen).not.toContain(text);
            }
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});
