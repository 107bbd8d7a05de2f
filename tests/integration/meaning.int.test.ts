import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TFactorMap,
  TFactorResponse,
  TMyStoryResponse,
  TSharedCompare,
  TSharedResponse,
  TSharedSaveResponse,
  TSharedVersions,
  TStoryResponse,
} from '#shared/schemas/meaning.ts';
import type { TNotificationList } from '#shared/schemas/notifications.ts';
import { diffSide } from '#shared/word-diff.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  holdJointWork,
  type TestApp,
  TEST_PASSWORD,
  type TestClient,
} from '../helpers/test-app';
import { readZip } from '../helpers/zip';

/**
 * Meaning (issue 15, item 4): the contributing-factors map, the meaning story and the shared
 * story. Runs on PGlite and on PostgreSQL.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const B = '/api/meaning';
const tag = (v: number | string) => ({ 'if-match': typeof v === 'number' ? `"${v}"` : v });

async function phaseTwo(...people: TestClient[]) {
  for (const c of people) expectStatus(await c.post('/api/program/pace/ready', { phase: 2 }), 200);
}

async function coupleAtPhaseTwo() {
  const couple = await createCouple(t);
  await phaseTwo(couple.a, couple.b);
  return couple;
}

const map = async (c: TestClient) => {
  const r = await c.get(`${B}/factors`);
  expectStatus(r, 200);
  return r.json<TFactorMap>();
};
const stories = async (c: TestClient) => {
  const r = await c.get(`${B}/story`);
  expectStatus(r, 200);
  return r.json<TStoryResponse>();
};
const notifications = async (c: TestClient) => {
  const r = await c.get('/api/notifications');
  expectStatus(r, 200);
  return r.json<TNotificationList>();
};
async function addFactor(c: TestClient, text: string, area = 'relationship') {
  const r = await c.post(`${B}/factors`, { area, text });
  expectStatus(r, 201);
  return r.json<TFactorResponse>().factor;
}

describe('the contributing-factors map', () => {
  it('keeps entries private until shared, then shows them to the partner and tells them without words', async () => {
    const { a, b } = await createCouple(t);
    const first = await addFactor(a, 'We stopped talking about anything but the children');
    await addFactor(a, 'I avoided hard conversations', 'me');
    expect((await map(a)).mine.map((f) => [f.area, f.shared])).toEqual([
      ['relationship', false],
      ['me', false],
    ]);
    expect((await map(b)).partner).toEqual([]);

    // Phase 1: sharing waits for the couple's pace, and says so kindly.
    const early = await a.post(`${B}/factors/${first.id}/share`);
    expectStatus(early, 409);
    expect(early.json<{ error: { message: string } }>().error.message).toMatch(/phase 2/);
    expect((await map(a)).sharingOpen).toBe(false);

    await phaseTwo(a, b);
    expect((await map(a)).sharingOpen).toBe(true);
    const shared = await a.post(`${B}/factors/${first.id}/share`);
    expectStatus(shared, 200);
    const seen = await map(b);
    expect(seen.partner.map((f) => [f.text, f.mine, f.shared])).toEqual([
      ['We stopped talking about anything but the children', false, true],
    ]);
    const told = await notifications(b);
    expect(told.notifications).toHaveLength(1);
    expect(JSON.stringify(told)).not.toMatch(/children/);
    expect(told.notifications[0]).toMatchObject({ kind: 'shared', link: '/meaning#factors' });
    // Today counts it, never quotes it.
    const today = await b.get('/api/today?day=2026-06-01');
    expect(today.json<{ news: { kind: string; count: number }[] }>().news).toContainEqual(
      expect.objectContaining({ kind: 'meaning_factor', count: 1 }),
    );
    expect(today.body).not.toMatch(/children/);

    // A change to a shared entry reaches the partner; making it private again takes it away.
    expectStatus(
      await a.put(`${B}/factors/${first.id}`, { area: 'outside', text: 'Money worries' }),
      200,
    );
    expect((await map(b)).partner.map((f) => [f.area, f.text])).toEqual([
      ['outside', 'Money worries'],
    ]);
    expectStatus(await a.post(`${B}/factors/${first.id}/unshare`), 200);
    expect((await map(b)).partner).toEqual([]);

    // Nobody else may touch it; not permitted looks like not there.
    expect((await b.put(`${B}/factors/${first.id}`, { area: 'me', text: 'x' })).statusCode).toBe(
      404,
    );
    expect((await b.delete(`${B}/factors/${first.id}`)).statusCode).toBe(404);
    expectStatus(await a.delete(`${B}/factors/${first.id}`), 200);
    expect((await map(a)).mine).toHaveLength(1);
  });

  it('refuses bad input with messages that name the field', async () => {
    const { a } = await createCouple(t);
    const blank = await a.post(`${B}/factors`, { area: 'me', text: '   ' });
    expectStatus(blank, 400);
    expect(blank.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty(
      'text',
    );
    const area = await a.post(`${B}/factors`, { area: 'blame', text: 'Something' });
    expectStatus(area, 400);
    expect(area.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty(
      'area',
    );
    expectStatus(await a.post(`${B}/factors`, { area: 'me', text: 'x'.repeat(1001) }), 400);
    expectStatus(await a.post(`${B}/factors/not-an-id/share`), 400);
  });

  it('holds sharing while joint work rests, but never holds making private again', async () => {
    const { a, b } = await coupleAtPhaseTwo();
    const f = await addFactor(a, 'Both of us worked nights');
    expectStatus(await a.post(`${B}/factors/${f.id}/share`), 200);
    const lift = await holdJointWork(t, b);
    const other = await addFactor(a, 'My father left when I was young', 'me');
    const held = await a.post(`${B}/factors/${other.id}/share`);
    expectStatus(held, 409);
    expect(held.json<{ error: { code: string } }>().error.code).toBe('joint_work_paused');
    expect((await a.put(`${B}/factors/${f.id}`, { area: 'me', text: 'Changed' })).statusCode).toBe(
      409,
    );
    expect((await map(a)).sharingOpen).toBe(false);
    expectStatus(await a.post(`${B}/factors/${f.id}/unshare`), 200);
    await lift();
  });
});

describe('the meaning story', () => {
  it('is private while written, shared as kept versions, and open to the partner’s comments', async () => {
    const { a, b } = await coupleAtPhaseTwo();
    expectStatus(await a.put(`${B}/story`, { text: 'No version' }), 428);
    const draft = await a.put(
      `${B}/story`,
      { text: 'I was running from feeling useless.' },
      tag(0),
    );
    expectStatus(draft, 200);
    expect((await stories(b)).partner).toBeNull();
    // A second window that started from nothing gets the newest draft back.
    const stale = await a.put(`${B}/story`, { text: 'Other window' }, tag(0));
    expectStatus(stale, 412);
    expect(JSON.stringify(stale.json())).toMatch(/running from feeling useless/);

    const shared = await a.post(`${B}/story/share`, {}, tag(draft.headers.etag as string));
    expectStatus(shared, 200);
    const mine = shared.json<TMyStoryResponse>().mine;
    expect(mine.versions.map((v) => v.number)).toEqual([1]);
    const partner = (await stories(b)).partner!;
    expect(partner.versions.map((v) => v.text)).toEqual(['I was running from feeling useless.']);
    expect((await notifications(b)).notifications[0]).toMatchObject({
      kind: 'shared',
      link: '/meaning#story',
    });

    // A new draft stays private until shared again; then both versions are kept.
    const edited = await a.put(
      `${B}/story`,
      { text: 'I was running from feeling useless, and I chose to lie.' },
      tag(mine.version),
    );
    expectStatus(edited, 200);
    expect((await stories(b)).partner!.versions).toHaveLength(1);
    expect((await stories(a)).mine.hasUnsharedChanges).toBe(true);
    expectStatus(await a.post(`${B}/story/share`, {}, tag(edited.headers.etag as string)), 200);
    expect((await stories(b)).partner!.versions.map((v) => v.number)).toEqual([2, 1]);

    // The hurt partner comments on it; the comment is read by both.
    const comment = await b.post('/api/comments', {
      kind: 'meaning-story',
      itemId: partner.id,
      body: 'Thank you for saying the last part plainly.',
    });
    expectStatus(comment, 201);
    const read = await a.get(`/api/comments?kind=meaning-story&itemId=${partner.id}`);
    expectStatus(read, 200);
    expect(read.body).toMatch(/saying the last part plainly/);

    // Private again: gone for the partner, comments too.
    expectStatus(await a.post(`${B}/story/unshare`), 200);
    expect((await stories(b)).partner).toBeNull();
    expect((await b.get(`/api/comments?kind=meaning-story&itemId=${partner.id}`)).statusCode).toBe(
      404,
    );
  });

  it('waits for the pace, a partner and some words before it can be shared', async () => {
    const { a, b } = await createCouple(t);
    const empty = await a.put(`${B}/story`, { text: '' }, tag(0));
    expectStatus(empty, 200);
    expectStatus(await a.post(`${B}/story/share`, {}, tag(empty.headers.etag as string)), 409);
    await phaseTwo(a, b);
    expectStatus(await a.post(`${B}/story/share`, {}, tag(empty.headers.etag as string)), 400);
    expectStatus(await a.put(`${B}/story`, { text: 'x'.repeat(12_001) }, tag(1)), 400);
    const lone = await t.signUp('Robin');
    expectStatus(await lone.post('/api/space'), 201);
    const draft = await lone.put(`${B}/story`, { text: 'Alone for now' }, tag(0));
    expectStatus(await lone.post(`${B}/story/share`, {}, tag(draft.headers.etag as string)), 409);
  });
});

describe('the shared story', () => {
  const sections = (story: string, differently = '') => ({ sections: { story, differently } });

  it('is written by both, every save a version; a stale save gets 412 with both texts kept', async () => {
    const { a, b } = await coupleAtPhaseTwo();
    const start = await b.get(`${B}/shared`);
    expect(start.json<TSharedResponse>()).toMatchObject({
      story: { version: 0, id: null },
      paceOpen: true,
      jointWorkOpen: true,
    });
    const one = await a.put(`${B}/shared`, sections('We drifted apart for two years.'), tag(0));
    expectStatus(one, 200);
    const id = one.json<TSharedSaveResponse>().story.id!;

    // Both read version 1; Sam saves first, then Alex's save from version 1 is refused.
    const two = await b.put(
      `${B}/shared`,
      sections('We drifted apart for two years, and the affair was a choice.', 'When it began.'),
      tag(1),
    );
    expectStatus(two, 200);
    const conflict = await a.put(`${B}/shared`, sections('We drifted apart slowly.'), tag(1));
    expectStatus(conflict, 412);
    const current = conflict.json<{ error: { current: { version: number } } }>().error.current;
    expect(current.version).toBe(2);
    expect(JSON.stringify(current)).toMatch(/the affair was a choice/);
    // Nothing was overwritten.
    expect((await a.get(`${B}/shared`)).json<TSharedResponse>().story.sections).toEqual({
      story: 'We drifted apart for two years, and the affair was a choice.',
      differently: 'When it began.',
    });

    const history = (await a.get(`${B}/shared/${id}/versions`)).json<TSharedVersions>();
    expect(history.versions.map((v) => [v.version, v.author.name])).toEqual([
      [2, 'Sam'],
      [1, 'Alex'],
    ]);
    const compared = (await a.get(`${B}/shared/${id}/compare?from=1&to=2`)).json<TSharedCompare>();
    expect(diffSide(compared.diff.story, 'added')).toContain('the affair was a choice');
    expect(compared.diff.differently.map((p) => p.op)).toContain('added');

    // Sam was told of Alex's first save, Alex of Sam's, without any words.
    const told = await notifications(a);
    expect(told.notifications.map((n) => n.link)).toEqual(['/meaning#together']);
    expect(JSON.stringify(told)).not.toMatch(/drifted/);
    const news = (await a.get('/api/today?day=2026-06-01')).json<{
      news: { kind: string }[];
    }>().news;
    expect(news.map((n) => n.kind)).toContain('meaning_shared_story');

    // Comments on the co-authored story.
    expectStatus(
      await b.post('/api/comments', {
        kind: 'meaning-shared-story',
        itemId: id,
        body: 'Can we say more about the second year?',
      }),
      201,
    );

    // Others get 404.
    const stranger = await t.signUp('Kim');
    expectStatus(await stranger.post('/api/space'), 201);
    expect((await stranger.get(`${B}/shared/${id}/versions`)).statusCode).toBe(404);
    expect((await stranger.get(`${B}/shared/${id}/compare?from=1&to=2`)).statusCode).toBe(404);
  });

  it('of two saves from the same version at once, exactly one wins', async () => {
    const { a, b } = await coupleAtPhaseTwo();
    const [x, y] = await Promise.all([
      a.put(`${B}/shared`, sections('Alex first'), tag(0)),
      b.put(`${B}/shared`, sections('Sam first'), tag(0)),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 412]);
    expect((await a.get(`${B}/shared`)).json<TSharedResponse>().story.version).toBe(1);
  });

  it('opens with the pace and rests while joint work rests', async () => {
    const { a, b } = await createCouple(t);
    const early = await a.put(`${B}/shared`, sections('Too soon'), tag(0));
    expectStatus(early, 409);
    expect((await a.get(`${B}/shared`)).json<TSharedResponse>().paceOpen).toBe(false);
    await phaseTwo(a, b);
    const lift = await holdJointWork(t, a);
    const held = await b.put(`${B}/shared`, sections('While resting'), tag(0));
    expectStatus(held, 409);
    expect(held.json<{ error: { code: string } }>().error.code).toBe('joint_work_paused');
    expect((await b.get(`${B}/shared`)).json<TSharedResponse>().jointWorkOpen).toBe(false);
    await lift();
    expectStatus(await b.put(`${B}/shared`, sections('Now'), tag(0)), 200);
  });
});

describe('download my data', () => {
  it('holds my own entries and story, and our shared story, but nothing my partner kept private', async () => {
    const { a, b } = await coupleAtPhaseTwo();
    await addFactor(a, 'ADA-FACTOR-PRIVATE-1a1');
    const hers = await addFactor(b, 'BEN-FACTOR-PRIVATE-2b2');
    expect(hers.shared).toBe(false);
    const draft = await a.put(`${B}/story`, { text: 'ADA-STORY-3c3' }, tag(0));
    expectStatus(await a.post(`${B}/story/share`, {}, tag(draft.headers.etag as string)), 200);
    expectStatus(await b.put(`${B}/story`, { text: 'BEN-STORY-DRAFT-4d4' }, tag(0)), 200);
    expectStatus(
      await b.put(`${B}/shared`, { sections: { story: 'OUR-STORY-5e5', differently: '' } }, tag(0)),
      200,
    );
    expectStatus(
      await a.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD }),
      200,
    );
    const response = await a.get('/api/my-data/export');
    expectStatus(response, 200);
    const json = readZip(response.rawPayload).get('my-data.json')!.toString('utf8');
    for (const text of ['ADA-FACTOR-PRIVATE-1a1', 'ADA-STORY-3c3', 'OUR-STORY-5e5']) {
      expect(json).toContain(text);
    }
    for (const text of ['BEN-FACTOR-PRIVATE-2b2', 'BEN-STORY-DRAFT-4d4']) {
      expect(json).not.toContain(text);
    }
  });
});

/* ---------- Private drafts leave no trace the partner can see ---------- */

type Who = 'a' | 'b';
type Step =
  | { kind: 'addFactor'; who: Who }
  | { kind: 'editFactor'; who: Who }
  | { kind: 'removeFactor'; who: Who }
  | { kind: 'storyDraft'; who: Who }
  | { kind: 'shareFactor'; who: Who }
  | { kind: 'shareStory'; who: Who };

const who = fc.constantFrom<Who>('a', 'b');
const PRIVATE_KINDS = ['addFactor', 'editFactor', 'removeFactor', 'storyDraft'] as const;
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constantFrom(...PRIVATE_KINDS), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('shareFactor' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('shareStory' as const), who }) },
);

/** Everything the partner of `of` can see that could carry a trace of `of`'s private writing. */
async function partnerView(viewer: TestClient): Promise<string> {
  const [factors, story, today, told] = await Promise.all([
    viewer.get(`${B}/factors`),
    viewer.get(`${B}/story`),
    viewer.get('/api/today?day=2026-06-01'),
    viewer.get('/api/notifications'),
  ]);
  const s = story.json<TStoryResponse>();
  return JSON.stringify({
    factors: factors.json<TFactorMap>().partner,
    story: s.partner,
    news: today.json<{ news: unknown }>().news,
    told: told.json<unknown>(),
  });
}

describe('private drafts leave no trace the partner can see', () => {
  it('holds for random interleavings of private writing and sharing by both', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const { a, b } = await coupleAtPhaseTwo();
        const clients = { a, b };
        const other: Record<Who, Who> = { a: 'b', b: 'a' };
        const privateIds: Record<Who, string[]> = { a: [], b: [] };
        const storyVersion: Record<Who, string> = { a: '"0"', b: '"0"' };
        const secrets: Record<Who, Set<string>> = { a: new Set(), b: new Set() };
        let n = 0;
        const secret = (w: Who) => {
          const value = `secret${(n += 1)}z${Math.random().toString(36).slice(2, 8)}`;
          secrets[w].add(value);
          return value;
        };
        for (const s of steps) {
          const c = clients[s.who];
          const viewer = clients[other[s.who]];
          const before = await partnerView(viewer);
          switch (s.kind) {
            case 'addFactor':
              privateIds[s.who].push((await addFactor(c, secret(s.who), 'me')).id);
              break;
            case 'editFactor': {
              const id = privateIds[s.who].at(-1);
              if (id)
                expectStatus(
                  await c.put(`${B}/factors/${id}`, { area: 'outside', text: secret(s.who) }),
                  200,
                );
              break;
            }
            case 'removeFactor': {
              const id = privateIds[s.who].pop();
              if (id) expectStatus(await c.delete(`${B}/factors/${id}`), 200);
              break;
            }
            case 'storyDraft': {
              const r = await c.put(
                `${B}/story`,
                { text: secret(s.who) },
                tag(storyVersion[s.who]),
              );
              expectStatus(r, 200);
              storyVersion[s.who] = r.headers.etag as string;
              break;
            }
            case 'shareFactor': {
              // Shares a new entry with known words; private ones stay private.
              const f = await addFactor(c, `open words ${n}`, 'outside');
              expectStatus(await c.post(`${B}/factors/${f.id}/share`), 200);
              break;
            }
            case 'shareStory': {
              const r = await c.put(
                `${B}/story`,
                { text: `shared story ${n}` },
                tag(storyVersion[s.who]),
              );
              expectStatus(r, 200);
              const shared = await c.post(`${B}/story/share`, {}, tag(r.headers.etag as string));
              expectStatus(shared, 200);
              storyVersion[s.who] = shared.headers.etag as string;
              break;
            }
          }
          const after = await partnerView(viewer);
          // A private step changes nothing the partner sees: no text, count, notification or time.
          if ((PRIVATE_KINDS as readonly string[]).includes(s.kind)) expect(after).toBe(before);
          for (const word of secrets[s.who]) expect(after).not.toContain(word);
        }
      }),
      { numRuns: 8 },
    );
  });
});
