import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDecisionView } from '#shared/schemas/decision.ts';
import { createCouple, createTestApp, expectStatus, type TestApp } from '../helpers/test-app';
import { nameRoles, tag, toPhase } from './reflections-setup';

/**
 * Private reflections leave no trace the partner can see. Random sequences of what the hurt
 * partner writes privately (forgiveness prompts, a decision reflection, stale saves that get a
 * 412) and of sharing and taking back a decision reflection: after every step, everything the
 * involved partner can read — the two pages, Today, notifications, progress, session prep's
 * candidates — is byte for byte what it was when the writer's shared copy was last the same.
 * So no count, time, status or notification moves with private writing.
 */
const LEANINGS = ['recommit', 'separate', 'not_sure', null] as const;

type Step =
  | { kind: 'forgive'; words: string; stale: boolean }
  | { kind: 'decide'; words: string; leaning: (typeof LEANINGS)[number]; stale: boolean }
  | { kind: 'share' }
  | { kind: 'unshare' };

const words = fc
  .string({ minLength: 0, maxLength: 40 })
  .map((s) => s.split(String.fromCharCode(0)).join(''));
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('forgive' as const), words, stale: fc.boolean() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      words,
      leaning: fc.constantFrom(...LEANINGS),
      stale: fc.boolean(),
    }),
  },
  fc.record({ kind: fc.constant('share' as const) }),
  fc.record({ kind: fc.constant('unshare' as const) }),
);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const PARTNER_VIEWS = [
  '/api/forgiveness',
  '/api/decision',
  '/api/today?day=2026-12-07',
  '/api/notifications',
  '/api/progress',
  '/api/session-prep/candidates',
];

describe('forgiveness and decision reflections: private writing leaves no trace', () => {
  it('the partner reads exactly the same before and after any private writing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const { a: hp, b: ip } = await createCouple(t);
        await nameRoles(hp, ip);
        await toPhase(hp, ip, 3);
        const snapshot = async () =>
          Promise.all(PARTNER_VIEWS.map(async (path) => (await ip.get(path)).body));
        // What the partner read when the writer's shared copy was last what it is now.
        const seenWhen = new Map<string, string[]>();
        let forgivenessVersion = 0;
        let decisionVersion = 0;
        let sharedCopy = 'none';
        seenWhen.set(sharedCopy, await snapshot());

        for (const s of steps) {
          if (s.kind === 'forgive') {
            const body = {
              whereIAm: s.words,
              wouldMean: '',
              wouldNotMean: s.words,
              whatINeed: '',
              toShare: s.words,
            };
            const version = s.stale ? forgivenessVersion + 5 : forgivenessVersion;
            const saved = await hp.put('/api/forgiveness/reflection', body, tag(version));
            expect(saved.statusCode).toBe(s.stale ? 412 : 200);
            if (!s.stale) forgivenessVersion = saved.json<{ version: number }>().version;
          } else if (s.kind === 'decide') {
            const body = { leaning: s.leaning, needs: s.words, limits: '', ownWords: s.words };
            const version = s.stale ? decisionVersion + 5 : decisionVersion;
            const saved = await hp.put('/api/decision/reflection', body, tag(version));
            expect(saved.statusCode).toBe(s.stale ? 412 : 200);
            if (!s.stale) decisionVersion = saved.json<{ version: number }>().version;
          } else if (s.kind === 'share') {
            const shared = await hp.post(
              '/api/decision/reflection/share',
              {},
              tag(decisionVersion),
            );
            if (shared.statusCode !== 200) continue; // nothing written yet, or nothing in it
            decisionVersion = shared.json<{ version: number }>().version;
            // A new shared copy: the partner's view may change, once, and is the new baseline.
            const theirs = (await ip.get('/api/decision')).json<TDecisionView>().partner;
            sharedCopy = `shared:${decisionVersion}`;
            expect(theirs).not.toBeNull();
            seenWhen.set(sharedCopy, await snapshot());
            continue;
          } else {
            const taken = await hp.post('/api/decision/reflection/unshare');
            if (taken.statusCode !== 200) continue;
            decisionVersion = taken.json<{ version: number }>().version;
            sharedCopy = `unshared:${decisionVersion}`;
            expect((await ip.get('/api/decision')).json<TDecisionView>().partner).toBeNull();
            seenWhen.set(sharedCopy, await snapshot());
            continue;
          }
          // A private step: everything the partner reads is as it was.
          expect(await snapshot()).toEqual(seenWhen.get(sharedCopy));
        }
        expectStatus(await ip.get('/api/forgiveness'), 200);
      }),
      { numRuns: 8 },
    );
  });
});
