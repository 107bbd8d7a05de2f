import { expectStatus, type TestClient } from '../helpers/test-app';

/**
 * Setting a couple up for the contact log, the forgiveness reflection and the decision
 * reflection: `hurt` names an affair with themselves as the hurt partner and `involved`
 * confirms it; `toPhase(3)` walks the couple's pace on to the last phase together.
 */
export const tag = (version: number | string) => ({ 'if-match': `"${version}"` });

export async function nameRoles(hurt: TestClient, involved: TestClient): Promise<void> {
  const named = await hurt.post('/api/injuries', {
    kind: 'affair',
    cameToLight: '2026-01',
    myRole: 'hurt',
  });
  expectStatus(named, 201);
  const { injury } = named.json<{ injury: { id: string; version: number } }>();
  expectStatus(
    await involved.post(`/api/injuries/${injury.id}/confirm`, {}, tag(injury.version)),
    200,
  );
}

export async function toPhase(a: TestClient, b: TestClient, phase: 2 | 3): Promise<void> {
  for (let next = 2; next <= phase; next += 1) {
    expectStatus(await a.post('/api/program/pace/ready', { phase: next }), 200);
    expectStatus(await b.post('/api/program/pace/ready', { phase: next }), 200);
  }
}
