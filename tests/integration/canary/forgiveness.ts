import { expectStatus } from '../../helpers/test-app';
import { nameRoles, tag, toPhase } from '../reflections-setup';
import type { CanaryStep } from './steps';

/** The canary goes through every forgiveness route: each prompt, a shared piece, ids. */
const BASE = '/api/forgiveness';

export const forgivenessCanary: CanaryStep = async ({ a, b }, canary) => {
  await nameRoles(a, b);
  await toPhase(a, b, 3);
  const words = {
    whereIAm: `Where ${canary}`,
    wouldMean: `Would ${canary}`,
    wouldNotMean: `Would not ${canary}`,
    whatINeed: `Need ${canary}`,
    toShare: `To share ${canary}`,
  };
  expectStatus(await a.put(`${BASE}/reflection`, words, tag(0)), 200);
  // A stale save answers with the reflection in the body (412).
  await a.put(`${BASE}/reflection`, words, tag(0));
  await a.put(`${BASE}/reflection`, { ...words, why: canary }, tag(1));
  await a.get(`${BASE}?q=${canary}`);
  const shared = await a.post(`${BASE}/shares`, { body: `Shared ${canary}` });
  expectStatus(shared, 201);
  expectStatus(await b.get(BASE), 200);
  await a.post(`${BASE}/shares/${canary}/unshare`);
  expectStatus(await a.post(`${BASE}/shares/${shared.json<{ id: string }>().id}/unshare`), 200);
};
