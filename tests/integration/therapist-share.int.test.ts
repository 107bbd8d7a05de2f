import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkins,
  guideReflections,
  measureResponses,
  triggerEntries,
} from '#server/db/schema/index.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  holdJointWork,
  linkTherapist,
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

type Person = TestClient & { userId: string };
const DAY = '2026-03-03';
const SLUG = 'transparency';

/**
 * One item of each of the four kinds a therapist can be shown: how to write it, where its
 * therapist share lives, how its author shares it with the partner and back, and how the partner
 * reads it (the response the partner sees must not change with the therapist share).
 */
interface Kind {
  name: string;
  create(author: Person): Promise<string>;
  therapistUrl(id: string): string;
  partnerShare(author: Person, id: string): Promise<void>;
  partnerUnshare(author: Person, id: string): Promise<void>;
  partnerRead(partner: Person, id: string): Promise<string>;
  /** The item as its author's own answer gives it. */
  own(body: unknown): { sharedWithTherapist: boolean; visibility?: string; sharing?: string };
  stored(
    id: string,
  ): Promise<{ visibility: string; sharedAt: Date | null; therapistSharedAt: Date | null }>;
}

const ok = async (response: Promise<{ statusCode: number; body: string }>) => {
  const r = await response;
  if (r.statusCode !== 200 && r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
};

const KINDS: Kind[] = [
  {
    name: 'check-in',
    async create(author) {
      const r = await author.put(`/api/checkins/mine/${DAY}`, { intensity: 3, pain: 2, note: 'n' });
      return r.json<{ checkin: { id: string } }>().checkin.id;
    },
    therapistUrl: (id) => `/api/checkins/${id}/therapist`,
    partnerShare: (author, id) => ok(author.post(`/api/checkins/${id}/share`)),
    partnerUnshare: (author, id) => ok(author.post(`/api/checkins/${id}/private`)),
    async partnerRead(partner, id) {
      const one = await partner.get(`/api/checkins/${id}`);
      const list = await partner.get('/api/checkins?who=partner');
      return `${one.statusCode} ${one.body} ${list.body}`;
    },
    own: (body) => (body as { checkin: { sharedWithTherapist: boolean; sharing: string } }).checkin,
    async stored(id) {
      const [row] = await t.database.db.select().from(checkins).where(eq(checkins.id, id));
      return row!;
    },
  },
  {
    name: 'trigger entry',
    async create(author) {
      const r = await author.post('/api/triggers', { cue: 'A song', intensity: 5 });
      return r.json<{ entry: { id: string } }>().entry.id;
    },
    therapistUrl: (id) => `/api/triggers/${id}/therapist`,
    partnerShare: (author, id) => ok(author.post(`/api/triggers/${id}/share`)),
    partnerUnshare: (author, id) => ok(author.post(`/api/triggers/${id}/unshare`)),
    async partnerRead(partner, id) {
      const one = await partner.get(`/api/triggers/${id}`);
      const list = await partner.get('/api/triggers?view=partner');
      return `${one.statusCode} ${one.body} ${list.body}`;
    },
    own: (body) => (body as { entry: { sharedWithTherapist: boolean; visibility: string } }).entry,
    async stored(id) {
      const [row] = await t.database.db
        .select()
        .from(triggerEntries)
        .where(eq(triggerEntries.id, id));
      return row!;
    },
  },
  {
    name: 'measure response',
    async create(author) {
      const r = await author.post('/api/measures/responses', {
        measureId: 'trust-and-safety',
        measureVersion: 1,
        answers: { honest: 3, 'follow-through': 3, hope: 3 },
      });
      return r.json<{ response: { id: string } }>().response.id;
    },
    therapistUrl: (id) => `/api/measures/responses/${id}/therapist`,
    partnerShare: (author, id) =>
      ok(author.post(`/api/measures/responses/${id}/visibility`, { visibility: 'partner' })),
    partnerUnshare: (author, id) =>
      ok(author.post(`/api/measures/responses/${id}/visibility`, { visibility: 'private' })),
    async partnerRead(partner, id) {
      const one = await partner.get(`/api/measures/responses/${id}`);
      const list = await partner.get(
        '/api/measures/responses?measure=trust-and-safety&whose=partner',
      );
      expectStatus(list, 200);
      return `${one.statusCode} ${one.body} ${list.body}`;
    },
    own: (body) => body as { sharedWithTherapist: boolean; visibility: string },
    async stored(id) {
      const [row] = await t.database.db
        .select()
        .from(measureResponses)
        .where(eq(measureResponses.id, id));
      return row!;
    },
  },
  {
    name: 'lesson reflection',
    async create(author) {
      const r = await author.put(
        `/api/guide/${SLUG}/reflections/mine`,
        { body: 'What I took from it' },
        { 'if-none-match': '*' },
      );
      expectStatus(r, 200);
      const [row] = await t.database.db
        .select({ id: guideReflections.id })
        .from(guideReflections)
        .where(eq(guideReflections.authorId, author.userId));
      return row!.id;
    },
    therapistUrl: () => `/api/guide/${SLUG}/reflections/mine/therapist`,
    partnerShare: (author) => ok(author.post(`/api/guide/${SLUG}/reflections/mine/share`)),
    partnerUnshare: (author) => ok(author.post(`/api/guide/${SLUG}/reflections/mine/unshare`)),
    async partnerRead(partner) {
      const r = await partner.get(`/api/guide/${SLUG}/reflections`);
      const body = r.json<{ partnerReflection: unknown }>();
      return `${r.statusCode} ${JSON.stringify(body.partnerReflection)}`;
    },
    own: (body) =>
      (body as { reflection: { sharedWithTherapist: boolean; visibility: string } }).reflection,
    async stored(id) {
      const [row] = await t.database.db
        .select()
        .from(guideReflections)
        .where(eq(guideReflections.id, id));
      return row!;
    },
  },
];

async function coupleWithTherapist(state: 'active' | 'pending' | 'revoked' | 'none' = 'active') {
  const couple = await createCouple(t, ['Ada', 'Ben']);
  const therapist = state === 'none' ? null : await linkTherapist(t, couple, state);
  return { ...couple, therapist };
}

describe.each(KINDS)('sharing a $name with the therapist', (kind) => {
  it('is its own choice: it sets therapist and keeps the partner share as it was, both ways', async () => {
    const { a } = await coupleWithTherapist();
    const id = await kind.create(a);

    const shared = await a.put(kind.therapistUrl(id), { shared: true });
    expectStatus(shared, 200);
    expect(kind.own(shared.json()).sharedWithTherapist).toBe(true);
    let row = await kind.stored(id);
    expect(row.visibility).toBe('therapist');
    expect(row.sharedAt).toBeNull();
    expect(row.therapistSharedAt).toBeInstanceOf(Date);

    // The partner share on top keeps the therapist, and taking it back leaves the therapist.
    await kind.partnerShare(a, id);
    expect((await kind.stored(id)).visibility).toBe('partner+therapist');
    await kind.partnerUnshare(a, id);
    row = await kind.stored(id);
    expect(row.visibility).toBe('therapist');
    expect(row.sharedAt).toBeNull();

    // And the other way round: stopping the therapist share keeps the partner share.
    await kind.partnerShare(a, id);
    const partnerSharedAt = (await kind.stored(id)).sharedAt;
    const stopped = await a.put(kind.therapistUrl(id), { shared: false });
    expectStatus(stopped, 200);
    expect(kind.own(stopped.json()).sharedWithTherapist).toBe(false);
    row = await kind.stored(id);
    expect(row.visibility).toBe('partner');
    expect(row.sharedAt).toEqual(partnerSharedAt);
    expect(row.therapistSharedAt).toBeNull();
  });

  it('needs an active therapist to share, never to stop sharing', async () => {
    for (const state of ['none', 'pending', 'revoked'] as const) {
      const { a } = await coupleWithTherapist(state);
      const id = await kind.create(a);
      const refused = await a.put(kind.therapistUrl(id), { shared: true });
      expect(refused.statusCode).toBe(409);
      expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/no therapist/);
      expect((await kind.stored(id)).visibility).toBe('private');
      expectStatus(await a.put(kind.therapistUrl(id), { shared: false }), 200);
    }
    // Someone on their own can always stop, and cannot share.
    const solo = (await t.signUp('Solo')) as Person;
    const id = await kind.create(solo);
    expect((await solo.put(kind.therapistUrl(id), { shared: true })).statusCode).toBe(409);
    expectStatus(await solo.put(kind.therapistUrl(id), { shared: false }), 200);
  });

  it('works while joint work is paused: a therapist is a helper, not a joint exercise', async () => {
    const { a } = await coupleWithTherapist();
    const id = await kind.create(a);
    const lift = await holdJointWork(t, a);
    expectStatus(await a.put(kind.therapistUrl(id), { shared: true }), 200);
    expectStatus(await a.put(kind.therapistUrl(id), { shared: false }), 200);
    await lift();
  });

  it('is the author’s alone: the partner, the therapist and a stranger get 404', async () => {
    const { a, b, therapist } = await coupleWithTherapist();
    const id = await kind.create(a);
    const stranger = await t.signUp('Stranger');
    for (const caller of [b, therapist!, stranger]) {
      for (const shared of [true, false]) {
        const response = await caller.put(kind.therapistUrl(id), { shared });
        // A reflection's URL names the lesson, so it is the caller's own (absent) reflection.
        expect(response.statusCode).toBe(404);
      }
    }
    expect((await kind.stored(id)).visibility).toBe('private');
    expect(
      (await t.client('anonymous').put(kind.therapistUrl(id), { shared: true })).statusCode,
    ).toBe(401);
    for (const body of [{}, { shared: 'yes' }, { shared: null }]) {
      const response = await a.put(kind.therapistUrl(id), body);
      expect(response.statusCode).toBe(400);
    }
  });

  it('changes nothing the partner can read, and never counts as new for them', async () => {
    const { a, b } = await coupleWithTherapist();
    const privateId = await kind.create(a);
    const seen = async () => {
      const today = await b.get(`/api/today?day=${DAY}`);
      return `${await kind.partnerRead(b, privateId)} | ${today.body}`;
    };
    const before = await seen();
    expectStatus(await a.put(kind.therapistUrl(privateId), { shared: true }), 200);
    expect(await seen()).toBe(before);
    // Shared with the partner too: their view is the same with or without the therapist.
    await kind.partnerShare(a, privateId);
    const shared = await seen();
    expectStatus(await a.put(kind.therapistUrl(privateId), { shared: false }), 200);
    expect(await seen()).toBe(shared);
    expectStatus(await a.put(kind.therapistUrl(privateId), { shared: true }), 200);
    expect(await seen()).toBe(shared);
    expect(shared).not.toContain('"sharedWithTherapist":true');
  });
});

describe('a check-in shared with the therapist and revealed to the partner', () => {
  it('keeps the therapist through "share when we both have"', async () => {
    const { a, b } = await coupleWithTherapist();
    const mine = await KINDS[0]!.create(a);
    expectStatus(await a.put(`/api/checkins/${mine}/therapist`, { shared: true }), 200);
    expectStatus(await a.post(`/api/checkins/${mine}/share-when-both`), 200);
    const theirs = await KINDS[0]!.create(b);
    expectStatus(await b.post(`/api/checkins/${theirs}/share-when-both`), 200);
    expect((await KINDS[0]!.stored(mine)).visibility).toBe('partner+therapist');
    expect((await KINDS[0]!.stored(theirs)).visibility).toBe('partner');
    const read = (await b.get(`/api/checkins/${mine}`)).json<{ checkin: object }>();
    expect(read.checkin).toMatchObject({ sharing: 'shared', sharedWithTherapist: false });
    // Making it private for the partner leaves the therapist share.
    expectStatus(await a.post(`/api/checkins/${mine}/private`), 200);
    expect((await KINDS[0]!.stored(mine)).visibility).toBe('therapist');
    expect((await b.get(`/api/checkins/${mine}`)).statusCode).toBe(404);
  });

  it('editing an entry shared only with the therapist is not held while joint work is paused', async () => {
    const { a } = await coupleWithTherapist();
    const id = await KINDS[0]!.create(a);
    expectStatus(await a.put(`/api/checkins/${id}/therapist`, { shared: true }), 200);
    const lift = await holdJointWork(t, a);
    const entry = await KINDS[1]!.create(a);
    expectStatus(await a.put(`/api/triggers/${entry}/therapist`, { shared: true }), 200);
    expectStatus(await a.put(`/api/triggers/${entry}`, { cue: 'Another song', intensity: 4 }), 200);
    await lift();
  });

  it('putting a trigger entry away ends its therapist share too', async () => {
    const { a } = await coupleWithTherapist();
    const id = await KINDS[1]!.create(a);
    expectStatus(await a.put(`/api/triggers/${id}/therapist`, { shared: true }), 200);
    expectStatus(await a.post(`/api/triggers/${id}/archive`), 200);
    const row = await KINDS[1]!.stored(id);
    expect(row.visibility).toBe('private');
    expect(row.therapistSharedAt).toBeNull();
    expect((await a.put(`/api/triggers/${id}/therapist`, { shared: true })).statusCode).toBe(404);
  });
});

describe('GET /api/space/therapist', () => {
  it('says whether the two of us have an active therapist', async () => {
    for (const [state, expected] of [
      ['none', false],
      ['pending', false],
      ['revoked', false],
      ['active', true],
    ] as const) {
      const { a, b } = await coupleWithTherapist(state);
      for (const partner of [a, b]) {
        expect(
          (await partner.get('/api/space/therapist')).json<{ therapist: boolean }>().therapist,
        ).toBe(expected);
      }
    }
    const solo = await t.signUp('Alone');
    expect((await solo.get('/api/space/therapist')).json()).toEqual({ therapist: false });
  });
});

describe('session prep', () => {
  it('offers an item shared only with the therapist to its author, never to the partner', async () => {
    const { a, b } = await coupleWithTherapist();
    const id = await KINDS[1]!.create(a);
    const candidates = async (who: Person) =>
      (await who.get('/api/session-prep/candidates')).json<{ items: { id: string }[] }>().items;
    expect((await candidates(a)).map((i) => i.id)).not.toContain(id);
    expectStatus(await a.put(`/api/triggers/${id}/therapist`, { shared: true }), 200);
    expect((await candidates(a)).map((i) => i.id)).toContain(id);
    expect((await candidates(b)).map((i) => i.id)).not.toContain(id);
  });
});
