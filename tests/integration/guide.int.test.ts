import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_WORDS } from '#server/features/guide/pages.ts';
import {
  REFLECTION_MAX,
  type TMyReflection,
  type TReflectionsResponse,
} from '#shared/schemas/guide.ts';
import { en, type MessageKey } from '#web/i18n/en.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  holdJointWork,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';

/**
 * The guide: lessons for anyone, and a private reflection per person per lesson that its author
 * may share with their partner, make private again, and edit.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const SLUG = 'transparency';
const mineUrl = (slug = SLUG) => `/api/guide/${slug}/reflections/mine`;
const listUrl = (slug = SLUG) => `/api/guide/${slug}/reflections`;
const FIRST = { 'if-none-match': '*' };
const at = (version: number) => ({ 'if-match': `"${version}"` });

async function write(client: TestClient, body: string, slug = SLUG) {
  const response = await client.put(mineUrl(slug), { body }, FIRST);
  expectStatus(response, 200);
  return response.json<{ reflection: { version: number } }>().reflection;
}

describe('lessons', () => {
  it('lists every lesson in reading order to anyone, the FAQ first and without a phase', async () => {
    const response = await t.client('visitor').get('/api/guide');
    expectStatus(response, 200);
    const { lessons } = response.json<{
      lessons: { slug: string; phase: number | null; order: number }[];
    }>();
    expect(lessons.map((l) => l.slug)).toEqual([
      'faq',
      'understanding-the-impact',
      'acknowledging-feelings',
      'taking-responsibility',
      'transparency',
      'boundaries-and-expectations',
      'professional-help',
      'learning-from-it',
      'patience-and-forgiveness',
      'rebuilding-intimacy',
      'moving-forward',
    ]);
    expect(lessons[0]!.phase).toBeNull();
    expect(lessons.slice(1).every((l) => l.phase !== null)).toBe(true);
  });

  it('serves one lesson, rendered, with its sources, its question and its neighbours', async () => {
    const response = await t.client('visitor').get(`/api/guide/${SLUG}`);
    expectStatus(response, 200);
    const { lesson } = response.json<{
      lesson: {
        title: string;
        html: string;
        drawsOn: string[];
        reflection: string;
        previous: { slug: string } | null;
        next: { slug: string } | null;
      };
    }>();
    expect(lesson.title).toBe('Transparency');
    expect(lesson.html).toContain('<h2>Offered, not taken</h2>');
    expect(lesson.html).not.toMatch(/<h1|<script|<img|style=/);
    expect(lesson.drawsOn.join(' ')).toContain('Spring');
    expect(lesson.reflection.length).toBeGreaterThan(10);
    expect(lesson.previous?.slug).toBe('taking-responsibility');
    expect(lesson.next?.slug).toBe('boundaries-and-expectations');
  });

  it('answers 404 for a lesson that does not exist, whatever its shape', async () => {
    const visitor = t.client('visitor');
    for (const slug of ['no-such-lesson', 'Transparency', '..%2F..%2Fetc', 'x'.repeat(90)]) {
      const response = await visitor.get(`/api/guide/${slug}`);
      expectStatus(response, 404);
      expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });
});

describe('the page the server fills in before the app starts', () => {
  it('uses the same words as the app, so the page does not change its mind when the app loads', () => {
    const same: Record<keyof typeof PAGE_WORDS, MessageKey | null> = {
      appName: 'app.name',
      quickExit: 'quickExit.button',
      guideNav: 'guide.lesson.backToGuide',
      indexTitle: 'guide.title',
      indexLead: 'guide.lead',
      indexDescription: null,
      startHere: 'guide.startHere',
      minutes: 'guide.minutes',
      phase1: 'guide.phase.1',
      phase2: 'guide.phase.2',
      phase3: 'guide.phase.3',
      phase1About: 'guide.phase.1.about',
      phase2About: 'guide.phase.2.about',
      phase3About: 'guide.phase.3.about',
      faq: 'guide.faq',
      drawsOn: 'guide.lesson.drawsOn',
      reflectHeading: 'guide.reflect.heading',
      signInToReflect: 'guide.reflect.signIn',
      signInToReflectAfter: 'guide.reflect.signInAfter',
      lessonsNav: 'guide.lesson.nav',
      previous: 'guide.lesson.previous',
      next: 'guide.lesson.next',
      notFoundTitle: null,
      notFoundBody: null,
      backToGuide: 'guide.lesson.notFound.link',
      noscript: null,
    };
    for (const [word, key] of Object.entries(same)) {
      if (key) expect(PAGE_WORDS[word as keyof typeof PAGE_WORDS], word).toBe(en[key]);
    }
  });
});

describe('reflections', () => {
  it('saves a first reflection as private, and changes it only from the version read', async () => {
    const { a } = await createCouple(t);
    const first = await a.put(mineUrl(), { body: '  I want to stop checking.  ' }, FIRST);
    expectStatus(first, 200);
    expect(first.headers.etag).toBe('"1"');
    expect(first.json()).toMatchObject({
      reflection: { body: 'I want to stop checking.', visibility: 'private', sharedAt: null },
    });

    // No precondition at all: refused, never a blind overwrite.
    expectStatus(await a.put(mineUrl(), { body: 'blind' }), 428);
    // "Nothing yet" when there is one already: the current one comes back.
    const again = await a.put(mineUrl(), { body: 'second tab' }, FIRST);
    expectStatus(again, 412);
    expect(again.json()).toMatchObject({
      error: { code: 'precondition_failed', current: { body: 'I want to stop checking.' } },
    });

    const second = await a.put(mineUrl(), { body: 'Version two.' }, at(1));
    expectStatus(second, 200);
    expect(second.headers.etag).toBe('"2"');
    const stale = await a.put(mineUrl(), { body: 'from an old tab' }, at(1));
    expectStatus(stale, 412);
    expect(stale.json()).toMatchObject({
      error: { current: { body: 'Version two.', version: 2 } },
    });

    const read = await a.get(listUrl());
    expectStatus(read, 200);
    expect(read.headers.etag).toBe('"2"');
    expect(read.json()).toMatchObject({
      mine: { body: 'Version two.', version: 2, visibility: 'private' },
      partnerName: 'Sam',
      partnerReflection: null,
      sharingPaused: false,
    });
  });

  it('never lets the partner learn that a private reflection exists', async () => {
    const { a, b } = await createCouple(t);
    const before = await b.get(listUrl());

    await write(a, 'Something I am not ready to say.');

    const after = await b.get(listUrl());
    expect(after.statusCode).toBe(before.statusCode);
    expect(after.body).toBe(before.body);
    expect(after.headers.etag).toBeUndefined();
    expect(JSON.parse(after.body)).toMatchObject({ partnerReflection: null });
    expect(after.body).not.toContain('not ready');
    // The partner's own actions answer as if nothing of a's were there.
    expectStatus(await b.post(`${mineUrl()}/unshare`), 404);
    expectStatus(await b.post(`${mineUrl()}/share`), 404);
    expectStatus(await b.put(mineUrl(), { body: 'x' }, at(1)), 412);
    const bFresh = await b.put(mineUrl(), { body: 'Mine, not theirs.' }, FIRST);
    expectStatus(bFresh, 200);
    expect(bFresh.json()).toMatchObject({ reflection: { version: 1 } });
    expect((await a.get(listUrl())).json()).toMatchObject({
      mine: { body: 'Something I am not ready to say.' },
      partnerReflection: null,
    });
  });

  it('shares with the partner in a separate step, keeps it shared through edits, and makes it private again', async () => {
    const { a, b } = await createCouple(t);
    const empty = (await b.get(listUrl())).body;
    await write(a, 'What helps me is knowing where you are.');

    const shared = await a.post(`${mineUrl()}/share`);
    expectStatus(shared, 200);
    expect(shared.json()).toMatchObject({ reflection: { visibility: 'partner' } });
    expect(shared.json<{ reflection: { sharedAt: string } }>().reflection.sharedAt).toMatch(
      /^\d{4}-/,
    );
    expect((await b.get(listUrl())).json()).toMatchObject({
      mine: null,
      partnerName: 'Alex',
      partnerReflection: { body: 'What helps me is knowing where you are.' },
    });
    // Only on this lesson.
    expect((await b.get(listUrl('faq'))).json()).toMatchObject({ partnerReflection: null });

    expectStatus(await a.put(mineUrl(), { body: 'Edited, still shared.' }, at(1)), 200);
    expect((await a.get(listUrl())).json()).toMatchObject({ mine: { visibility: 'partner' } });
    expect((await b.get(listUrl())).json()).toMatchObject({
      partnerReflection: { body: 'Edited, still shared.' },
    });

    const unshared = await a.post(`${mineUrl()}/unshare`);
    expectStatus(unshared, 200);
    expect(unshared.json()).toMatchObject({
      reflection: { visibility: 'private', sharedAt: null },
    });
    expect((await b.get(listUrl())).body).toBe(empty);
  });

  it('refuses bad input with a 400 that names the field, and unknown lessons with a 404', async () => {
    const { a } = await createCouple(t);
    const tooLong = await a.put(mineUrl(), { body: 'x'.repeat(REFLECTION_MAX + 1) }, FIRST);
    expectStatus(tooLong, 400);
    const problem = tooLong.json<{ error: { code: string; fields: { body: string } } }>().error;
    expect(problem.code).toBe('validation_failed');
    expect(problem.fields.body).toContain('4,000');
    expectStatus(await a.put(mineUrl(), { body: 'x'.repeat(REFLECTION_MAX) }, FIRST), 200);

    for (const body of [{ body: '   ' }, { body: 42 }, {}, { body: null }]) {
      const response = await a.put(mineUrl('faq'), body, FIRST);
      expectStatus(response, 400);
      const { error } = response.json<{ error: { fields?: { body?: string } } }>();
      expect(error.fields?.body, JSON.stringify(body)).toMatch(/\w/);
    }
    const junk = await a.request('PUT', mineUrl('faq'), undefined, {
      ...FIRST,
      'content-type': 'application/json',
    });
    expect(junk.statusCode).toBe(400);
    expectStatus(await a.put(mineUrl('faq'), { body: 'ok' }, { 'if-match': 'soon' }), 428);

    for (const slug of ['no-such-lesson', 'TRANSPARENCY']) {
      expectStatus(await a.get(listUrl(slug)), 404);
      expectStatus(await a.put(mineUrl(slug), { body: 'hello' }, FIRST), 404);
      expectStatus(await a.post(`${mineUrl(slug)}/share`), 404);
      expectStatus(await a.post(`${mineUrl(slug)}/unshare`), 404);
    }
    // Sharing or unsharing what I never wrote.
    expectStatus(await a.post(`${mineUrl('moving-forward')}/share`), 404);
    expectStatus(await a.post(`${mineUrl('moving-forward')}/unshare`), 404);
  });

  it('asks for an account, and works alone: private writing without a space or a partner', async () => {
    const visitor = t.client('visitor');
    expectStatus(await visitor.get(listUrl()), 401);
    expectStatus(await visitor.put(mineUrl(), { body: 'hi' }, FIRST), 401);

    const solo = await t.signUp('Robin');
    await write(solo, 'Just for me.');
    expect((await solo.get(listUrl())).json()).toMatchObject({
      mine: { body: 'Just for me.' },
      partnerName: null,
      sharingPaused: false,
    });
    expectStatus(await solo.post(`${mineUrl()}/share`), 404);
    expectStatus(await solo.post(`${mineUrl()}/unshare`), 200);

    expectStatus(await solo.post('/api/space'), 201);
    const alone = await solo.post(`${mineUrl()}/share`);
    expectStatus(alone, 409);
    expect(alone.json<{ error: { message: string } }>().error.message).toContain('no partner');
  });

  it('waits while joint work is paused: no sharing and no edits to a shared reflection; private work and making private go on', async () => {
    const { a, b } = await createCouple(t);
    await write(a, 'A first thought.');
    const lift = await holdJointWork(t, b);

    const paused = await a.post(`${mineUrl()}/share`);
    expectStatus(paused, 409);
    expect(paused.json()).toMatchObject({ error: { code: 'joint_work_paused' } });
    expect((await b.get(listUrl())).json()).toMatchObject({
      partnerReflection: null,
      sharingPaused: true,
    });
    expect((await a.get(listUrl())).json()).toMatchObject({ sharingPaused: true });
    expectStatus(await a.put(mineUrl(), { body: 'Still mine to change.' }, at(1)), 200);

    await lift();
    expectStatus(await a.post(`${mineUrl()}/share`), 200);
    const liftAgain = await holdJointWork(t, a);
    const edit = await a.put(mineUrl(), { body: 'Changed while paused.' }, at(2));
    expectStatus(edit, 409);
    expect((await b.get(listUrl())).json()).toMatchObject({
      partnerReflection: { body: 'Still mine to change.' },
    });
    expectStatus(await a.post(`${mineUrl()}/unshare`), 200);
    expectStatus(await a.put(mineUrl(), { body: 'Changed while paused.' }, at(2)), 200);
    await liftAgain();
  });

  it('ends a share when either partner leaves, and never shows it to a later partner', async () => {
    const { a, b } = await createCouple(t);
    await write(a, 'Shared before you left.');
    expectStatus(await a.post(`${mineUrl()}/share`), 200);
    await write(b, 'Mine, shared too.');
    expectStatus(await b.post(`${mineUrl()}/share`), 200);

    expectStatus(await b.post('/api/space/leave'), 200);
    expect((await b.get(listUrl())).json()).toMatchObject({
      mine: { body: 'Mine, shared too.' },
      partnerName: null,
      partnerReflection: null,
    });
    expect((await a.get(listUrl())).json()).toMatchObject({
      mine: { body: 'Shared before you left.' },
      partnerReflection: null,
    });
    // The one who left can still make their own private again.
    expectStatus(await b.post(`${mineUrl()}/unshare`), 200);

    const c = await t.signUp('Casey');
    const { token } = (await a.post('/api/invites')).json<{ token: string }>();
    expectStatus(await c.post('/api/invites/accept', { token }), 200);
    expect((await c.get(listUrl())).json()).toMatchObject({
      partnerName: 'Alex',
      partnerReflection: null,
    });
    expectStatus(await a.post(`${mineUrl()}/share`), 200);
    expect((await c.get(listUrl())).json()).toMatchObject({
      partnerReflection: { body: 'Shared before you left.' },
    });
  });

  it('reads a lesson page’s reflections in at most three queries', async () => {
    const { a } = await createCouple(t);
    await write(a, 'Counting.');
    t.queries.length = 0;
    expectStatus(await a.get(listUrl()), 200);
    // The session (with space and partner), the reflections, and the joint-work hold.
    expect(t.queries.length).toBeLessThanOrEqual(3);
    t.queries.length = 0;
    expectStatus(await t.client('visitor').get(`/api/guide/${SLUG}`), 200);
    expect(t.queries.length).toBe(0);
  });
});

describe('what a partner can read, over random sequences of writing, sharing and unsharing', () => {
  type Who = 'a' | 'b';
  type Step = { who: Who; slug: string; kind: 'write' | 'share' | 'unshare' };
  const SLUGS = ['faq', 'transparency'];
  const step: fc.Arbitrary<Step> = fc.record({
    who: fc.constantFrom<Who>('a', 'b'),
    slug: fc.constantFrom(...SLUGS),
    kind: fc.constantFrom<Step['kind']>('write', 'write', 'share', 'unshare'),
  });

  it('is always exactly what the model says: mine, and theirs only while shared', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        run += 1;
        const { a, b } = await createCouple(t, [`Ana${run}`, `Ben${run}`]);
        const people = { a, b };
        const names = { a: `Ana${run}`, b: `Ben${run}` };
        // The model: each person's own reflection per lesson, as its author last saw it.
        const mine: Record<Who, Record<string, TMyReflection | undefined>> = { a: {}, b: {} };
        let counter = 0;

        for (const s of steps) {
          const client = people[s.who];
          const current = mine[s.who][s.slug];
          let response;
          if (s.kind === 'write') {
            counter += 1;
            const body = `words ${s.who} ${run} ${counter}`;
            response = await client.put(
              mineUrl(s.slug),
              { body },
              current ? at(current.version) : FIRST,
            );
          } else {
            response = await client.post(`${mineUrl(s.slug)}/${s.kind}`);
          }
          if (s.kind !== 'write' && !current) {
            expectStatus(response, 404);
          } else {
            expectStatus(response, 200);
            mine[s.who][s.slug] = response.json<{ reflection: TMyReflection }>().reflection;
          }

          for (const viewer of ['a', 'b'] as const) {
            const other = viewer === 'a' ? 'b' : 'a';
            for (const slug of SLUGS) {
              const theirs = mine[other][slug];
              const expected: TReflectionsResponse = {
                mine: mine[viewer][slug] ?? null,
                partnerName: names[other],
                partnerReflection:
                  theirs?.visibility === 'partner'
                    ? { body: theirs.body, sharedAt: theirs.sharedAt!, updatedAt: theirs.updatedAt }
                    : null,
                sharingPaused: false,
              };
              const read = await people[viewer].get(listUrl(slug));
              expectStatus(read, 200);
              // The whole answer is fixed by the model: nothing else can leak through it.
              expect(read.json()).toEqual(expected);
            }
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});
