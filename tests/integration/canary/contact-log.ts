import { expectStatus } from '../../helpers/test-app';
import { nameRoles, tag } from '../reflections-setup';
import type { CanaryStep } from './steps';

/** The canary goes through every contact-log route: in each field, in ids and query strings. */
const BASE = '/api/contact-log';

export const contactLogCanary: CanaryStep = async ({ a, b }, canary) => {
  await nameRoles(b, a);
  await a.get(`${BASE}?q=${canary}`);
  const made = await a.post(BASE, {
    kind: 'contact',
    occurredOn: '2026-03-01',
    how: `A message ${canary}`,
    whatWasSaid: `Words ${canary}`,
    note: `Note ${canary}`,
  });
  expectStatus(made, 201);
  const { id, version } = made.json<{ id: string; version: number }>();
  await a.post(BASE, { kind: canary, occurredOn: canary, how: canary });
  const wording = {
    occurredOn: '2026-03-02',
    how: `A call ${canary}`,
    whatWasSaid: `Other words ${canary}`,
    note: `Corrected ${canary}`,
  };
  expectStatus(await a.put(`${BASE}/${id}`, wording, tag(version)), 200);
  // A stale correction answers with the entry in the body (412); that must not be logged either.
  await a.put(`${BASE}/${id}`, wording, tag(version));
  await a.put(`${BASE}/${canary}`, wording, tag(1));
  expectStatus(await b.get(BASE), 200);
};
