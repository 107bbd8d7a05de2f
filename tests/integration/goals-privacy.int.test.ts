import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TReviewView } from '#shared/schemas/goals.ts';
import { createCouple, createTestApp, expectStatus, type TestApp } from '../helpers/test-app';

/**
 * Random sequences of what two partners do privately in the progress review (drafts, finishing,
 * opening again), never both finishing the same round. Whatever one does, the other's view of
 * the review, the goals page, Today's news and their notifications stays exactly as it was, never
 * holds a word the first wrote, and is read with the same number of queries.
 */
const PEOPLE = ['a', 'b'] as const;
type Who = (typeof PEOPLE)[number];
const other = (who: Who): Who => (who === 'a' ? 'b' : 'a');
type Step = { kind: 'draft' | 'finish' | 'reopen'; who: Who };

const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom('draft' as const, 'draft' as const, 'finish' as const, 'reopen' as const),
  who: fc.constantFrom(...PEOPLE),
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('progress review: an unfinished round leaves no trace for the partner', () => {
  it('holds for random sequences of drafting, finishing and opening again', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const { a, b } = await createCouple(t);
        const clients = { a, b };
        for (const phase of [2, 3]) {
          for (const c of [a, b]) {
            expectStatus(await c.post('/api/program/pace/ready', { phase }), 200);
          }
        }
        const day = new Date().toISOString().slice(0, 10);
        /** Everything one person can see of the other, and how many queries the review read took. */
        const observe = async (who: Who) => {
          const c = clients[who];
          const goalsPage = (await c.get('/api/goals')).body;
          t.queries.length = 0;
          const review = (await c.get('/api/goals/review')).json<TReviewView>();
          const reviewQueries = t.queries.length;
          const news = (await c.get(`/api/today?day=${day}`)).json<{ news: unknown }>().news;
          const notes = (await c.get('/api/notifications')).body;
          return { goalsPage, review, reviewQueries, news, notes };
        };
        const baseline = { a: await observe('a'), b: await observe('b') };
        const model = {
          a: { text: '', finished: false },
          b: { text: '', finished: false },
        };
        let counter = 0;
        for (const s of steps) {
          const c = clients[s.who];
          const mine = model[s.who];
          if (s.kind === 'draft') {
            counter += 1;
            const token = `private-${s.who}-${counter}`;
            const response = await c.put('/api/goals/review/mine', { hurts: token });
            if (mine.finished) expect(response.statusCode).toBe(409);
            else {
              expectStatus(response, 200);
              mine.text = token;
            }
          } else if (s.kind === 'finish') {
            // Never let the round complete: that is the moment both may read.
            if (model[other(s.who)].finished) continue;
            const response = await c.post('/api/goals/review/mine/finish');
            if (mine.text === '' || mine.finished) expect(response.statusCode).toBe(409);
            else {
              expectStatus(response, 200);
              mine.finished = true;
            }
          } else {
            const response = await c.post('/api/goals/review/mine/reopen');
            expect(response.statusCode).toBe(mine.finished ? 200 : 409);
            mine.finished = false;
          }
          for (const who of PEOPLE) {
            const seen = await observe(who);
            const before = baseline[who];
            // My own answers are mine to see; nothing of my partner's, however far they got.
            expect(seen.review).toEqual({
              ...before.review,
              mine: {
                ...before.review.mine,
                ...reviewOf(model[who]),
                updatedAt: seen.review.mine.updatedAt,
              },
            });
            expect(seen.reviewQueries).toBe(before.reviewQueries);
            expect(seen.goalsPage).toBe(before.goalsPage);
            expect(seen.news).toEqual(before.news);
            expect(seen.notes).toBe(before.notes);
            const otherText = model[other(who)].text;
            if (otherText) expect(JSON.stringify(seen)).not.toContain(otherText);
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});

function reviewOf(m: { text: string; finished: boolean }) {
  return { hurts: m.text, finished: m.finished };
}
