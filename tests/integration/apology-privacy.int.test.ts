import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TApologyOverview, TCommitment, TWriterApology } from '#shared/schemas/apology.ts';
import { createCouple, createTestApp, expectStatus, type TestApp } from '../helpers/test-app';

/**
 * Random sequences of what the involved partner does with their apology: draft edits, new,
 * changed and removed commitments, sends. Every text carries a unique token. The hurt partner's
 * whole view (the page's list, the apology by id, every version, their notifications) must be
 * byte for byte what it was after the last send, whatever was drafted since: no words, no counts,
 * no times, no versions of anything unsent. After a send it holds every sent token.
 */
const BASE = '/api/apology';

type Step =
  | { kind: 'draft' }
  | { kind: 'commit' }
  | { kind: 'editCommitment'; pick: number }
  | { kind: 'removeCommitment'; pick: number }
  | { kind: 'send' };

const pick = fc.nat({ max: 5 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'draft' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'commit' as const }) },
  fc.record({ kind: fc.constant('editCommitment' as const), pick }),
  fc.record({ kind: fc.constant('removeCommitment' as const), pick }),
  { weight: 2, arbitrary: fc.constant({ kind: 'send' as const }) },
);

const tag = (version: number) => ({ 'if-match': `"${version}"` });
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe("apology: the involved partner's unsent drafts leave no trace for the hurt partner", () => {
  it('holds for random sequences of drafting, committing and sending', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const { a: ip, b: hp } = await createCouple(t, ['Ira', 'Hana']);
        const named = await ip.post('/api/injuries', {
          kind: 'lies',
          cameToLight: '2025-09',
          myRole: 'involved',
        });
        expectStatus(named, 201);
        const injuryId = named.json<{ injury: { id: string } }>().injury.id;
        const started = await ip.post(BASE, { injuryId });
        expectStatus(started, 201);
        let apology = started.json<TWriterApology>();
        let counter = 0;
        const token = () => `tok${(counter += 1)}x${Math.random().toString(36).slice(2, 8)}`;
        const sentTokens = new Set<string>();
        const unsentTokens = new Set<string>();
        let sends = 0;

        const hpView = async () => {
          const list = await hp.get(BASE);
          const one = await hp.get(`${BASE}/${apology.id}`);
          const versions = await Promise.all(
            Array.from({ length: sends + 1 }, (_, i) =>
              hp.get(`${BASE}/${apology.id}/versions/${i + 1}`),
            ),
          );
          const notes = await hp.get('/api/notifications');
          return JSON.stringify([
            list.json<TApologyOverview>(),
            one.statusCode,
            one.body,
            versions.map((v) => [v.statusCode, v.body]),
            notes.body,
          ]);
        };
        const refresh = async () => {
          const response = await ip.get(`${BASE}/${apology.id}`);
          expectStatus(response, 200);
          apology = response.json<TWriterApology>();
        };
        let snapshot = await hpView();

        for (const s of steps) {
          if (s.kind === 'draft') {
            const words = token();
            unsentTokens.add(words);
            const saved = await ip.put(
              `${BASE}/${apology.id}`,
              {
                whatIDid: `did ${words}`,
                harm: 'harm',
                responsibility: 'mine',
                regret: 'sorry',
                change: 'change',
                repair: 'repair',
                forgiveness: `forgive ${words}`,
                askForgiveness: counter % 2 === 0,
              },
              tag(apology.version),
            );
            expectStatus(saved, 200);
            apology = saved.json<TWriterApology>();
          } else if (s.kind === 'commit') {
            const words = token();
            unsentTokens.add(words);
            expectStatus(
              await ip.post(`${BASE}/${apology.id}/commitments`, {
                text: `promise ${words}`,
                checkInOn: day(10 + counter),
              }),
              201,
            );
            await refresh();
          } else if (s.kind === 'editCommitment' || s.kind === 'removeCommitment') {
            const unsent = apology.commitments.filter((c: TCommitment) => !c.shared);
            const target = unsent[s.pick % Math.max(unsent.length, 1)];
            if (!target) continue;
            if (s.kind === 'editCommitment') {
              const words = token();
              unsentTokens.add(words);
              expectStatus(
                await ip.put(
                  `${BASE}/commitments/${target.id}`,
                  { text: `changed ${words}`, checkInOn: day(20 + counter) },
                  tag(target.version),
                ),
                200,
              );
            } else {
              expectStatus(await ip.delete(`${BASE}/commitments/${target.id}`), 204);
            }
            await refresh();
          } else {
            const sent = await ip.post(`${BASE}/${apology.id}/send`, {}, tag(apology.version));
            if (sent.statusCode === 400) continue; // nothing drafted yet: still private
            expectStatus(sent, 200);
            apology = sent.json<TWriterApology>();
            sends = apology.versions.length;
            const view = JSON.stringify(apology.commitments) + JSON.stringify(apology.draft);
            for (const words of unsentTokens) {
              if (view.includes(words)) sentTokens.add(words);
            }
            unsentTokens.clear();
            snapshot = await hpView();
            const seen = snapshot;
            const latestDraft = apology.draft.whatIDid.replace('did ', '');
            expect(seen).toContain(latestDraft);
            for (const c of apology.commitments)
              expect(seen).toContain(JSON.stringify(c.text).slice(1, -1));
            continue;
          }
          // After anything but a send, the hurt partner's view is exactly as it was.
          const now = await hpView();
          expect(now).toBe(snapshot);
          for (const words of unsentTokens) expect(now).not.toContain(words);
        }
      }),
      { numRuns: 12 },
    );
  });
});
