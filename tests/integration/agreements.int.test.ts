import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TAgreement,
  TAgreementCompare,
  TAgreementList,
  TAgreementSections,
  TAgreementVersions,
} from '#shared/schemas/agreements.ts';
import { diffSide } from '#shared/word-diff.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  holdJointWork,
  TEST_PASSWORD,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';
import { readZip } from '../helpers/zip';

/**
 * The couple's agreements on both engines: many co-authored items per couple, each active only
 * while both accept its newest version; every version kept and comparable; stale saves and
 * stale acceptances refused with the agreement as it is now; withdrawals seen by both; review
 * days that come back to both; kinds that open with the couple's pace; and a property test of
 * random interleavings by both partners.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const TIME_OUTS: TAgreementSections = {
  title: 'Time-outs',
  body: 'Either of us may call a time-out. We come back within an hour and say when.',
};

async function draft(
  who: TestClient,
  sections: TAgreementSections = TIME_OUTS,
  kind = 'ground-rules',
): Promise<TAgreement> {
  const response = await who.post('/api/agreements', { kind, sections });
  expectStatus(response, 201);
  return response.json<{ agreement: TAgreement }>().agreement;
}

const save = (who: TestClient, id: string, version: number, sections: TAgreementSections) =>
  who.put(`/api/agreements/${id}`, { sections }, { 'if-match': `"${version}"` });
const accept = (who: TestClient, id: string, version: number) =>
  who.put(`/api/agreements/${id}/acceptance`, {}, { 'if-match': `"${version}"` });
const withdraw = (who: TestClient, id: string) => who.delete(`/api/agreements/${id}/acceptance`);

async function read(who: TestClient, id: string): Promise<TAgreement> {
  const response = await who.get(`/api/agreements/${id}`);
  expectStatus(response, 200);
  expect(response.headers.etag).toBe(
    `"${response.json<{ agreement: TAgreement }>().agreement.version}"`,
  );
  return response.json<{ agreement: TAgreement }>().agreement;
}

describe('one agreement, from draft to both accepting', () => {
  it('is active only while both accept its newest version, and a change ends that', async () => {
    const { a, b } = await createCouple(t);
    const first = await draft(a);
    expect(first).toMatchObject({
      kind: 'ground-rules',
      version: 1,
      active: false,
      current: true,
      together: true,
      acceptance: { version: 1, mine: false, partner: false, both: false },
      updatedBy: { name: 'Alex', mine: true },
    });
    // Sam sees it, authored by Alex.
    expect((await read(b, first.id)).updatedBy).toEqual({ name: 'Alex', mine: false });

    expectStatus(await accept(a, first.id, 1), 200);
    expect((await read(b, first.id)).acceptance).toMatchObject({ mine: false, partner: true });
    const both = await accept(b, first.id, 1);
    expectStatus(both, 200);
    expect(both.json<{ agreement: TAgreement }>().agreement).toMatchObject({
      active: true,
      acceptance: { both: true },
    });

    // Sam proposes a change: a new version that nobody has accepted yet.
    const changed = await save(b, first.id, 1, {
      ...TIME_OUTS,
      body: 'Either of us may call a time-out. We come back within thirty minutes and say when.',
    });
    expectStatus(changed, 200);
    const v2 = changed.json<{ agreement: TAgreement }>().agreement;
    expect(v2).toMatchObject({ version: 2, active: false, acceptance: { both: false } });

    // Accepting the version Alex read before is refused, with a clear message and the newest.
    const stale = await accept(a, first.id, 1);
    expect(stale.statusCode).toBe(412);
    const body = stale.json<{ error: { message: string; current: TAgreement } }>().error;
    expect(body.message).toMatch(/changed just now/);
    expect(body.current.version).toBe(2);
    expect(body.current.sections.body).toContain('thirty minutes');

    expectStatus(await accept(a, first.id, 2), 200);
    expectStatus(await accept(b, first.id, 2), 200);
    expect((await read(a, first.id)).active).toBe(true);

    // Withdrawing is always possible, and both see who did it.
    expectStatus(await withdraw(a, first.id), 200);
    const seen = await read(b, first.id);
    expect(seen.active).toBe(false);
    expect(seen.acceptance).toMatchObject({ mine: true, partner: false });
    expect(seen.events[0]).toMatchObject({
      what: 'withdrew',
      version: 2,
      by: { name: 'Alex', mine: false },
    });
  });

  it('keeps every version with author and time, and compares any two word by word', async () => {
    const { a, b } = await createCouple(t);
    const first = await draft(a);
    expectStatus(
      await save(b, first.id, 1, { ...TIME_OUTS, body: `${TIME_OUTS.body} Gently.` }),
      200,
    );
    expectStatus(await save(a, first.id, 2, { title: 'Our time-outs', body: 'We pause.' }), 200);

    const versions = (
      await b.get(`/api/agreements/${first.id}/versions`)
    ).json<TAgreementVersions>();
    expect(versions.versions.map((v) => [v.version, v.author.name, v.author.mine])).toEqual([
      [3, 'Alex', false],
      [2, 'Sam', true],
      [1, 'Alex', false],
    ]);
    for (const v of versions.versions) expect(Date.parse(v.createdAt)).not.toBeNaN();
    const page = (
      await a.get(`/api/agreements/${first.id}/versions?limit=2`)
    ).json<TAgreementVersions>();
    expect(page.versions).toHaveLength(2);
    const rest = (
      await a.get(`/api/agreements/${first.id}/versions?limit=2&cursor=${page.nextCursor}`)
    ).json<TAgreementVersions>();
    expect(rest.versions.map((v) => v.version)).toEqual([1]);

    const compared = await a.get(`/api/agreements/${first.id}/compare?from=1&to=3`);
    expectStatus(compared, 200);
    const diff = compared.json<TAgreementCompare>();
    expect(diffSide(diff.diff.body, 'removed')).toBe(TIME_OUTS.body);
    expect(diffSide(diff.diff.body, 'added')).toBe('We pause.');
    expect(diffSide(diff.diff.title, 'added')).toBe('Our time-outs');
    expect(diff.diff.title.some((part) => part.op !== 'same')).toBe(true);
    expect((await a.get(`/api/agreements/${first.id}/compare?from=1&to=9`)).statusCode).toBe(404);
  });

  it('refuses the second of two saves from the same version with 412 and the winner', async () => {
    const { a, b } = await createCouple(t);
    const first = await draft(a);
    expectStatus(await save(a, first.id, 1, { ...TIME_OUTS, body: 'Alex wrote this.' }), 200);
    const second = await save(b, first.id, 1, { ...TIME_OUTS, body: 'Sam wrote this.' });
    expect(second.statusCode).toBe(412);
    const current = second.json<{ error: { current: TAgreement } }>().error.current;
    expect(current).toMatchObject({ version: 2, sections: { body: 'Alex wrote this.' } });
    expect((await save(b, first.id, 2, TIME_OUTS)).statusCode).toBe(200);
    expect((await b.put(`/api/agreements/${first.id}`, { sections: TIME_OUTS })).statusCode).toBe(
      428,
    );
  });

  it('holds many agreements per couple, each on its own, and none for anyone else', async () => {
    const { a, b } = await createCouple(t);
    const one = await draft(a);
    const two = await draft(
      b,
      { title: 'Who we tell', body: 'Only my sister, for now.' },
      'boundaries',
    );
    expectStatus(await accept(a, one.id, 1), 200);
    expectStatus(await accept(b, one.id, 1), 200);
    const list = (await a.get('/api/agreements')).json<TAgreementList>();
    expect(list.agreements.map((x) => [x.id, x.active])).toEqual(
      expect.arrayContaining([
        [one.id, true],
        [two.id, false],
      ]),
    );
    expect(list).toMatchObject({ jointWorkOpen: true, phase: 1 });
    const other = await createCouple(t, ['Robin', 'Kim']);
    expect((await other.a.get(`/api/agreements/${one.id}`)).statusCode).toBe(404);
    expect((await save(other.a, one.id, 1, TIME_OUTS)).statusCode).toBe(404);
    expect((await accept(other.b, one.id, 1)).statusCode).toBe(404);
    expect((await other.a.get('/api/agreements')).json<TAgreementList>().agreements).toEqual([]);
  });
});

describe('pace and rest', () => {
  it('opens walls and windows with Meaning, and a relapse covenant with Moving on', async () => {
    const { a } = await createCouple(t);
    const early = await a.post('/api/agreements', {
      kind: 'walls-and-windows',
      sections: { title: 'Windows', body: 'We tell each other first.' },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { message: string } }>().error.message).toMatch(
      /opens with Meaning/,
    );
    expect(
      (
        await a.post('/api/agreements', {
          kind: 'relapse-prevention',
          sections: { title: 'Covenant', body: 'x' },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await a.post('/api/agreements', { kind: 'nonsense', sections: TIME_OUTS })).statusCode,
    ).toBe(400);
  });

  it('rests while joint work rests; withdrawing never rests', async () => {
    const { a, b } = await createCouple(t);
    const first = await draft(a);
    expectStatus(await accept(a, first.id, 1), 200);
    const lift = await holdJointWork(t, b);
    for (const response of [
      await a.post('/api/agreements', { kind: 'boundaries', sections: TIME_OUTS }),
      await save(a, first.id, 1, TIME_OUTS),
      await accept(b, first.id, 1),
      await a.put(`/api/agreements/${first.id}/review`, { reviewOn: null }),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('joint_work_paused');
    }
    expectStatus(await withdraw(a, first.id), 200);
    const list = (await b.get('/api/agreements')).json<TAgreementList>();
    expect(list.jointWorkOpen).toBe(false);
    await lift();
  });
});

describe('review', () => {
  it('comes back to both on its day; both confirm by accepting again', async () => {
    const { a, b } = await createCouple(t);
    const first = await draft(a);
    expectStatus(await accept(a, first.id, 1), 200);
    expectStatus(await accept(b, first.id, 1), 200);
    // Both accepted some days ago.
    await t.database.db.execute(
      sql`update agreement_acceptances set accepted_at = now() - interval '3 days' where agreement_id = ${first.id}`,
    );
    const today = new Date().toISOString().slice(0, 10);
    const set = await b.put(`/api/agreements/${first.id}/review`, { reviewOn: today });
    expectStatus(set, 200);
    const due = set.json<{ agreement: TAgreement }>().agreement;
    expect(due.review).toEqual({
      reviewOn: today,
      due: true,
      mineConfirmed: false,
      partnerConfirmed: false,
    });
    // It still holds while it waits for the review.
    expect(due.active).toBe(true);
    expect(due.events[0]).toMatchObject({
      what: 'review-date',
      reviewOn: today,
      by: { mine: true },
    });

    // The morning job tells both, naming the other partner and nothing of the text.
    await t.database.db.execute(
      sql`update outbox set run_at = now() where kind = 'agreements.review-due'`,
    );
    await t.jobs.drain();
    for (const [who, other] of [
      [a, 'Sam'],
      [b, 'Alex'],
    ] as const) {
      const list = (await who.get('/api/notifications')).json<{
        notifications: { kind: string; actorName: string; link: string }[];
      }>();
      expect(list.notifications).toContainEqual(
        expect.objectContaining({
          kind: 'review',
          actorName: other,
          link: `/agreements?agreement=${first.id}`,
        }),
      );
    }

    // Accepting again (on the day, after it was set) is confirming.
    expectStatus(await accept(a, first.id, 1), 200);
    expect((await read(b, first.id)).review).toMatchObject({ due: true, partnerConfirmed: true });
    expectStatus(await accept(b, first.id, 1), 200);
    expect((await read(a, first.id)).review).toMatchObject({
      due: false,
      mineConfirmed: true,
      partnerConfirmed: true,
    });

    const past = await a.put(`/api/agreements/${first.id}/review`, { reviewOn: '2020-01-01' });
    expect(past.statusCode).toBe(400);

    // Setting the day again asks again: acceptances from before it was set do not answer it.
    const again = await a.put(`/api/agreements/${first.id}/review`, { reviewOn: today });
    expect(again.json<{ agreement: TAgreement }>().agreement.review).toMatchObject({
      due: true,
      mineConfirmed: false,
      partnerConfirmed: false,
    });
    expect((await read(b, first.id)).active).toBe(true);
  });
});

describe('comments', () => {
  it('both partners comment on an agreement; nobody else can', async () => {
    const { a, b } = await createCouple(t);
    const first = await draft(a);
    const posted = await b.post('/api/comments', {
      kind: 'agreement',
      itemId: first.id,
      body: 'Could we say what counts as coming back?',
    });
    expectStatus(posted, 201);
    const threads = await a.get(`/api/comments?kind=agreement&itemId=${first.id}`);
    expectStatus(threads, 200);
    const other = await createCouple(t, ['Robin', 'Kim']);
    expect((await other.a.get(`/api/comments?kind=agreement&itemId=${first.id}`)).statusCode).toBe(
      404,
    );
  });
});

describe('download my data', () => {
  it('carries the agreements both of us wrote, with where each stands', async () => {
    const { a, b } = await createCouple(t);
    const first = await draft(a, { title: 'Who we tell', body: 'AGREEMENT-WORDS-4f1' });
    expectStatus(await accept(b, first.id, 1), 200);
    expectStatus(
      await b.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD }),
      200,
    );
    const response = await b.get('/api/my-data/export');
    expectStatus(response, 200);
    const json = JSON.parse(readZip(response.rawPayload).get('my-data.json')!.toString('utf8')) as {
      agreements: { title: string; fields: { label: string; text: string }[] }[];
    };
    expect(json.agreements).toHaveLength(1);
    expect(json.agreements[0]!.title).toBe('Ground rules: Who we tell');
    expect(json.agreements[0]!.fields).toEqual([
      { label: 'The agreement', text: 'AGREEMENT-WORDS-4f1' },
      { label: 'Where it stands', text: 'You accept this version; your partner has not.' },
    ]);
  });
});

type Who = 'a' | 'b';
type Step =
  | { who: Who; op: 'edit'; stale: boolean; word: string }
  | { who: Who; op: 'accept'; stale: boolean }
  | { who: Who; op: 'withdraw' };

const who = fc.constantFrom<Who>('a', 'b');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    who,
    op: fc.constant('edit' as const),
    stale: fc.boolean(),
    word: fc.constantFrom('calm', 'kind', 'slow', 'honest', 'clear'),
  }),
  fc.record({ who, op: fc.constant('accept' as const), stale: fc.boolean() }),
  fc.record({ who, op: fc.constant('withdraw' as const) }),
);

describe('random interleavings by both partners (property)', () => {
  it('keeps every accepted version recoverable, and is active exactly when both accept the newest', async () => {
    const { a, b } = await createCouple(t, ['Ari', 'Bo']);
    const clients = { a, b };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const first = await draft(a, { title: 'Rule', body: 'start' });
        const texts = new Map<number, string>([[1, 'start']]);
        let latest = 1;
        const accepted: Record<Who, number | null> = { a: null, b: null };
        const everAccepted = new Set<number>();
        for (const s of steps) {
          const c = clients[s.who];
          if (s.op === 'edit') {
            const from = s.stale && latest > 1 ? latest - 1 : latest;
            const body = `${texts.get(latest)} ${s.word}`;
            const response = await save(c, first.id, from, { title: 'Rule', body });
            if (from === latest) {
              expect(response.statusCode).toBe(200);
              latest += 1;
              texts.set(latest, body);
            } else {
              expect(response.statusCode).toBe(412);
              expect(
                response.json<{ error: { current: TAgreement } }>().error.current.version,
              ).toBe(latest);
            }
          } else if (s.op === 'accept') {
            const version = s.stale && latest > 1 ? latest - 1 : latest;
            const response = await accept(c, first.id, version);
            if (version === latest) {
              expect(response.statusCode).toBe(200);
              accepted[s.who] = latest;
              everAccepted.add(latest);
            } else {
              expect(response.statusCode).toBe(412);
            }
          } else {
            expectStatus(await withdraw(c, first.id), 200);
            accepted[s.who] = null;
          }
          const now = await read(a, first.id);
          expect(now.version).toBe(latest);
          expect(now.active).toBe(accepted.a === latest && accepted.b === latest);
          expect(now.acceptance).toMatchObject({
            mine: accepted.a === latest,
            partner: accepted.b === latest,
          });
        }
        // Every version anyone accepted is still there, word for word.
        for (const version of everAccepted) {
          const compared = (
            await b.get(`/api/agreements/${first.id}/compare?from=${version}&to=${version}`)
          ).json<TAgreementCompare>();
          expect(compared.from.sections.body).toBe(texts.get(version));
        }
      }),
      { numRuns: 12 },
    );
  });
});
