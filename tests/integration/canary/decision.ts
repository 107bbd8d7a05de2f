import { expectStatus, type TestClient } from '../../helpers/test-app';
import { tag, toPhase } from '../reflections-setup';
import type { CanaryStep } from './steps';

/** The canary goes through every decision route: each part, the record's note, query strings. */
const BASE = '/api/decision';

async function reflect(person: TestClient, canary: string) {
  const words = {
    leaning: 'not_sure',
    needs: `Needs ${canary}`,
    limits: `Limits ${canary}`,
    ownWords: `Words ${canary}`,
  };
  const saved = await person.put(`${BASE}/reflection`, words, tag(0));
  expectStatus(saved, 200);
  await person.put(`${BASE}/reflection`, words, tag(0));
  const { version } = saved.json<{ version: number }>();
  expectStatus(await person.post(`${BASE}/reflection/share`, {}, tag(version)), 200);
}

export const decisionCanary: CanaryStep = async ({ a, b }, canary) => {
  await toPhase(a, b, 3);
  await a.get(`${BASE}?q=${canary}`);
  await a.put(`${BASE}/reflection`, { leaning: canary, needs: canary }, tag(0));
  await reflect(a, canary);
  await reflect(b, canary);
  const record = { outcome: 'recommit', note: `Note ${canary}`, reviewOn: '2027-01-01' };
  const made = await a.put(`${BASE}/record`, record, tag(0));
  expectStatus(made, 200);
  await a.put(`${BASE}/record`, record, tag(0));
  await a.put(`${BASE}/record`, { ...record, reviewOn: canary }, tag(1));
  expectStatus(await b.post(`${BASE}/record/agree`, {}, tag(1)), 200);
  expectStatus(await b.post(`${BASE}/reflection/unshare`), 200);
};
