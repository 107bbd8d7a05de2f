import { expectStatus } from '../../helpers/test-app';
import type { CanaryStep } from './steps';

/**
 * The canary through every disclosures route: in a draft, a saved draft, a stale save (whose 412
 * carries the draft), a sealed and opened disclosure, bad bodies, ids and query strings.
 */
const BASE = '/api/disclosures';
const tag = (version: number) => ({ 'if-match': `"${version}"` });

export const disclosuresCanary: CanaryStep = async ({ a, b }, canary) => {
  expectStatus(
    await a.post('/api/injuries', { kind: 'affair', cameToLight: '2026-01', myRole: 'involved' }),
    201,
  );
  await a.get(`${BASE}?q=${canary}`);
  const started = await a.post(BASE, { body: `Draft ${canary}` });
  expectStatus(started, 201);
  const { id, version } = started.json<{ id: string; version: number }>();
  await a.post(BASE, { body: canary, extra: canary });
  await a.post(BASE, { body: canary.repeat(3000) });
  expectStatus(await a.put(`${BASE}/${id}`, { body: `Saved ${canary}` }, tag(version)), 200);
  await a.put(`${BASE}/${id}`, { body: `Stale ${canary}` }, tag(version));
  await a.put(`${BASE}/${canary}`, { body: canary }, tag(1));
  await a.post(`${BASE}/${id}/seal`, { why: canary }, tag(version));
  expectStatus(await a.post(`${BASE}/${id}/seal`, {}, tag(version + 1)), 200);
  await a.put(`${BASE}/${id}`, { body: `After ${canary}` }, tag(version + 2));
  await b.get(`${BASE}/${id}?q=${canary}`);
  expectStatus(await b.post(`${BASE}/${id}/open`, { why: canary }), 200);
  await b.post(`${BASE}/${canary}/open`);
  const other = (await a.post(BASE, { body: `Thrown away ${canary}` })).json<{ id: string }>();
  expectStatus(await a.delete(`${BASE}/${other.id}`), 200);
  await a.delete(`${BASE}/${canary}`);
  await a.get(`${BASE}/${id}`);
};
