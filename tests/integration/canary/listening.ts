import { expectStatus } from '../../helpers/test-app';
import type { CanaryStep } from './steps';

/**
 * The canary through every listening route: in each part of a turn, a reflection, an answer's
 * clarification, a stale step (whose 412 carries the conversation), bad bodies, ids and queries.
 */
const BASE = '/api/listening';
const tag = (version: number) => ({ 'if-match': `"${version}"` });

export const listeningCanary: CanaryStep = async ({ a, b }, canary) => {
  for (const c of [a, b]) expectStatus(await c.post('/api/program/pace/ready', { phase: 2 }), 200);
  await a.get(`${BASE}?q=${canary}`);
  const started = await a.post(`${BASE}/conversations`, {
    feeling: `Feel ${canary}`,
    need: `Need ${canary}`,
  });
  expectStatus(started, 201);
  const { id, version } = started.json<{ id: string; version: number }>();
  await a.post(`${BASE}/conversations`, { feeling: canary, need: canary, extra: canary });
  await b.get(`${BASE}/conversations/${id}?q=${canary}`);
  await b.get(`${BASE}/conversations/${canary}`);
  const reflect = { heard: `Heard ${canary}`, validation: `Makes sense ${canary}` };
  expectStatus(await b.post(`${BASE}/conversations/${id}/reflections`, reflect, tag(version)), 200);
  await b.post(`${BASE}/conversations/${id}/reflections`, reflect, tag(version));
  await a.post(
    `${BASE}/conversations/${id}/answers`,
    { understood: canary, clarification: canary },
    tag(version + 1),
  );
  expectStatus(
    await a.post(
      `${BASE}/conversations/${id}/answers`,
      { understood: 'yes', clarification: `Also ${canary}` },
      tag(version + 1),
    ),
    200,
  );
  expectStatus(
    await b.post(
      `${BASE}/conversations/${id}/turns`,
      { feeling: `Mine ${canary}`, need: `Ask ${canary}` },
      tag(version + 2),
    ),
    200,
  );
  await a.post(`${BASE}/conversations/${canary}/turns`, reflect, tag(1));
};
