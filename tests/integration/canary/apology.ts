import { expectStatus } from '../../helpers/test-app';
import type { CanaryStep } from './steps';

/**
 * The canary through every apology route: in each part, in commitments, follow-through notes and
 * acknowledgements, in refused input, in ids and query strings, and back in a 412's `current`.
 */
const BASE = '/api/apology';
const tag = (version: number | string) => ({ 'if-match': `"${version}"` });

export const apologyCanary: CanaryStep = async ({ a, b }, canary) => {
  const named = await a.post('/api/injuries', {
    kind: 'lies',
    cameToLight: '2025-11',
    myRole: 'involved',
  });
  expectStatus(named, 201);
  const injuryId = named.json<{ injury: { id: string } }>().injury.id;
  await a.get(`${BASE}?q=${canary}`);
  await a.post(BASE, { injuryId: canary });
  const started = await a.post(BASE, { injuryId });
  expectStatus(started, 201);
  const { id, version } = started.json<{ id: string; version: number }>();
  const parts = {
    whatIDid: `did ${canary}`,
    harm: `harm ${canary}`,
    responsibility: `mine ${canary}`,
    regret: `I'm sorry you feel ${canary}`,
    change: `change ${canary}`,
    repair: `repair ${canary}`,
    forgiveness: `forgive ${canary}`,
    askForgiveness: true,
  };
  const saved = await a.put(`${BASE}/${id}`, parts, tag(version));
  expectStatus(saved, 200);
  await a.put(`${BASE}/${id}`, parts, tag(version)); // stale: the 412 carries the draft back
  await a.put(`${BASE}/${id}`, { ...parts, why: canary }, tag(version + 1));
  await a.put(`${BASE}/${canary}`, parts, tag(1));
  const commitment = await a.post(`${BASE}/${id}/commitments`, {
    text: `promise ${canary}`,
    checkInOn: new Date().toISOString().slice(0, 10),
  });
  expectStatus(commitment, 201);
  const c = commitment.json<{ id: string; version: number }>();
  await a.post(`${BASE}/${id}/commitments`, { text: canary, checkInOn: canary });
  await a.put(
    `${BASE}/commitments/${c.id}`,
    { text: `again ${canary}`, checkInOn: canary },
    tag(c.version),
  );
  const current = await a.get(`${BASE}/${id}`);
  const v = Number(JSON.parse(current.headers.etag as string));
  expectStatus(await a.post(`${BASE}/${id}/send`, {}, tag(v)), 200);
  await b.get(BASE);
  await b.get(`${BASE}/${id}`);
  await b.get(`${BASE}/${id}/versions/1`);
  await b.get(`${BASE}/${id}/versions/${canary}`);
  await b.get(`${BASE}/${canary}`);
  await b.post('/api/comments', {
    kind: 'apology',
    itemId: id,
    body: `comment ${canary}`,
    quote: { text: `harm ${canary}`, part: 'harm' },
  });
  const noted = await a.post(`${BASE}/commitments/${c.id}/follow-through`, {
    note: `kept ${canary}`,
    on: new Date().toISOString().slice(0, 10),
  });
  expectStatus(noted, 201);
  const noteId = noted.json<{ followThroughs: { id: string }[] }>().followThroughs[0]!.id;
  await a.post(`${BASE}/commitments/${c.id}/follow-through`, { note: canary, on: canary });
  expectStatus(
    await b.put(
      `${BASE}/commitments/follow-through/${noteId}/acknowledgement`,
      { answer: 'not_yet', note: `not yet ${canary}` },
      tag(0),
    ),
    200,
  );
  await b.put(
    `${BASE}/commitments/follow-through/${noteId}/acknowledgement`,
    { answer: canary, note: canary },
    tag(0),
  );
  await a.delete(`${BASE}/commitments/${canary}`);
  await a.delete(`${BASE}/commitments/${c.id}`);
};
