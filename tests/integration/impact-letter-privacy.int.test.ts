import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TOverview,
  TReaderLetter,
  TReflection,
  TWriterLetter,
} from '#shared/schemas/impact-letter.ts';
import { createCouple, createTestApp, expectStatus, type TestApp } from '../helpers/test-app';

/**
 * Random sequences of what two partners do with letters and reflections (including one leaving
 * and coming back). Every text written carries a unique token; after each step, each person's
 * whole readable view must hold exactly the other's tokens a model says they may see, and their
 * list of the other's letters must be exactly the shared ones: never a trace of a private draft.
 */
const BASE = '/api/impact-letter';
const PEOPLE = ['a', 'b'] as const;
type Who = (typeof PEOPLE)[number];
const other = (who: Who): Who => (who === 'a' ? 'b' : 'a');

type Step =
  | { kind: 'write' | 'share' | 'unshare' | 'newLetter'; who: Who }
  | { kind: 'reflect' | 'send' | 'withdraw' | 'mark'; who: Who }
  | { kind: 'rejoin' };

const who = fc.constantFrom(...PEOPLE);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('write' as const), who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('share' as const), who }) },
  fc.record({ kind: fc.constant('unshare' as const), who }),
  fc.record({ kind: fc.constant('newLetter' as const), who }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reflect' as const), who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('send' as const), who }) },
  fc.record({ kind: fc.constant('withdraw' as const), who }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('mark' as const), who }) },
  fc.record({ kind: fc.constant('rejoin' as const) }),
);

interface LetterModel {
  id: string;
  author: Who;
  version: number;
  draftToken: string | null;
  published: Set<string>;
  shared: boolean;
  /** The couple's epoch when it was last shared; a share from an earlier epoch no longer counts. */
  epoch: number;
}

interface ReflectionModel {
  id: string;
  author: Who;
  letterId: string;
  version: number;
  token: string;
  status: 'draft' | 'sent' | 'withdrawn';
  epoch: number;
  markToken: string | null;
  markEpoch: number;
  markVersion: number;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const tag = (version: number) => ({ 'if-match': `"${version}"` });

describe('impact letter: nothing private crosses between partners', () => {
  it('holds for random sequences of writing, sharing, reflecting, answering and leaving', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const { a, b } = await createCouple(t);
        const clients = { a, b };
        let counter = 0;
        const token = () => `tok${(counter += 1)}x${Math.random().toString(36).slice(2, 8)}`;
        const allTokens = new Map<string, Who>();
        const newToken = (author: Who) => {
          const value = token();
          allTokens.set(value, author);
          return value;
        };
        let epoch = 0;
        const letters: LetterModel[] = [];
        const reflections: ReflectionModel[] = [];
        const current = (p: Who) => letters.find((l) => l.author === p && l.id === currentId[p]);
        const currentId: Record<Who, string | null> = { a: null, b: null };
        const visibleTo = (l: LetterModel) => l.shared && l.epoch === epoch;

        for (const s of steps) {
          if (s.kind === 'rejoin') {
            expectStatus(await b.post('/api/space/leave'), 200);
            const { token: invite } = (await a.post('/api/invites')).json<{ token: string }>();
            expectStatus(await b.post('/api/invites/accept', { token: invite }), 200);
            // Back in the same space: b's current letter is still b's, but every share has ended.
            epoch += 1;
            continue;
          }
          const c = clients[s.who];
          const mine = current(s.who);
          switch (s.kind) {
            case 'write': {
              let letter = mine;
              if (!letter) {
                const started = await c.post(`${BASE}/letters`, { replacing: null });
                if (started.statusCode !== 201) break;
                const body = started.json<TWriterLetter>();
                letter = {
                  id: body.id,
                  author: s.who,
                  version: body.version,
                  draftToken: null,
                  published: new Set(),
                  shared: false,
                  epoch,
                };
                letters.push(letter);
                currentId[s.who] = letter.id;
              }
              const words = newToken(s.who);
              const saved = await c.put(
                `${BASE}/letters/${letter.id}`,
                { whatHappened: words, howItAffectedMe: '', whatINeedNow: '' },
                tag(letter.version),
              );
              expectStatus(saved, 200);
              letter.version = saved.json<TWriterLetter>().version;
              letter.draftToken = words;
              break;
            }
            case 'share': {
              if (!mine?.draftToken) break;
              const shared = await c.post(
                `${BASE}/letters/${mine.id}/share`,
                {},
                tag(mine.version),
              );
              expectStatus(shared, 200);
              mine.version = shared.json<TWriterLetter>().version;
              mine.published.add(mine.draftToken);
              mine.shared = true;
              mine.epoch = epoch;
              break;
            }
            case 'unshare': {
              if (!mine) break;
              const response = await c.post(`${BASE}/letters/${mine.id}/unshare`);
              expectStatus(response, 200);
              mine.version = response.json<TWriterLetter>().version;
              mine.shared = false;
              break;
            }
            case 'newLetter': {
              if (!mine) break;
              const started = await c.post(`${BASE}/letters`, { replacing: mine.id });
              expectStatus(started, 201);
              const body = started.json<TWriterLetter>();
              letters.push({
                id: body.id,
                author: s.who,
                version: body.version,
                draftToken: null,
                published: new Set(),
                shared: false,
                epoch,
              });
              currentId[s.who] = body.id;
              break;
            }
            case 'reflect': {
              const target = [...letters].reverse().find((l) => l.author !== s.who && visibleTo(l));
              if (!target) break;
              const words = newToken(s.who);
              const body = { paraphrase: words, acknowledgement: words };
              const draft = reflections.find(
                (r) => r.author === s.who && r.letterId === target.id && r.status === 'draft',
              );
              if (draft) {
                const saved = await c.put(
                  `${BASE}/reflections/${draft.id}`,
                  body,
                  tag(draft.version),
                );
                expectStatus(saved, 200);
                draft.version = saved.json<TReflection>().version!;
                draft.token = words;
              } else {
                const made = await c.post(`${BASE}/letters/${target.id}/reflections`, body);
                expectStatus(made, 201);
                const r = made.json<TReflection>();
                reflections.push({
                  id: r.id,
                  author: s.who,
                  letterId: target.id,
                  version: r.version!,
                  token: words,
                  status: 'draft',
                  epoch,
                  markToken: null,
                  markEpoch: epoch,
                  markVersion: 0,
                });
              }
              break;
            }
            case 'send': {
              const draft = reflections.find(
                (r) =>
                  r.author === s.who &&
                  r.status === 'draft' &&
                  visibleTo(letters.find((l) => l.id === r.letterId)!),
              );
              if (!draft) break;
              const sent = await c.post(
                `${BASE}/reflections/${draft.id}/send`,
                {},
                tag(draft.version),
              );
              expectStatus(sent, 200);
              draft.version = sent.json<TReflection>().version!;
              draft.status = 'sent';
              draft.epoch = epoch;
              break;
            }
            case 'withdraw': {
              const sent = [...reflections]
                .reverse()
                .find((r) => r.author === s.who && r.status === 'sent');
              if (!sent) break;
              expectStatus(await c.post(`${BASE}/reflections/${sent.id}/unshare`), 200);
              sent.status = 'withdrawn';
              break;
            }
            case 'mark': {
              // Answer the newest reflection I can see on any of my letters.
              for (const letter of [...letters].reverse().filter((l) => l.author === s.who)) {
                const view = (await c.get(`${BASE}/letters/${letter.id}`)).json<TWriterLetter>();
                const newest = view.reflections.at(-1);
                if (!newest) continue;
                const model = reflections.find((r) => r.id === newest.id)!;
                const note = newToken(s.who);
                const marked = await c.put(
                  `${BASE}/reflections/${newest.id}/marks/acknowledgement`,
                  { mark: 'not_yet', note },
                  tag(newest.marks.acknowledgement?.version ?? 0),
                );
                expectStatus(marked, 200);
                if (model.markToken === null) model.markEpoch = epoch;
                model.markToken = note;
                break;
              }
              break;
            }
          }

          // What each person may see of the other's words, by the model.
          for (const viewer of PEOPLE) {
            const author = other(viewer);
            const allowed = new Set<string>();
            for (const l of letters) {
              if (l.author === author && visibleTo(l)) for (const w of l.published) allowed.add(w);
            }
            for (const r of reflections) {
              if (r.author !== author) continue;
              if (r.status === 'sent' && r.epoch === epoch) allowed.add(r.token);
            }
            for (const r of reflections) {
              // My reflection, their note: shown with their letter, while it is shared with me.
              const letter = letters.find((l) => l.id === r.letterId)!;
              if (r.author === viewer && r.markToken && r.markEpoch === epoch && visibleTo(letter))
                allowed.add(r.markToken);
            }

            const client = clients[viewer];
            const overview = (await client.get(BASE)).json<TOverview>();
            const bodies = [JSON.stringify(overview)];
            const ids = new Set([
              ...overview.mine.map((l) => l.id),
              ...overview.fromPartner.map((l) => l.id),
              ...letters.map((l) => l.id),
            ]);
            for (const id of ids) {
              const response = await client.get(`${BASE}/letters/${id}`);
              if (response.statusCode === 404) continue;
              expectStatus(response, 200);
              bodies.push(response.body);
              const letter = response.json<TWriterLetter | TReaderLetter>();
              for (const v of letter.versions) {
                bodies.push((await client.get(`${BASE}/letters/${id}/versions/${v.number}`)).body);
              }
            }
            const seen = bodies.join('\n');
            for (const [word, by] of allTokens) {
              if (by !== author) continue;
              expect(seen.includes(word), `${viewer} seeing ${word}`).toBe(allowed.has(word));
            }
            const sharedWithMe = letters.filter((l) => l.author === author && visibleTo(l));
            expect(overview.fromPartner.map((l) => l.id).sort()).toEqual(
              sharedWithMe.map((l) => l.id).sort(),
            );
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
