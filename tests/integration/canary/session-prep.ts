import type { CanaryStep } from './steps';

export const sessionPrepCanary: CanaryStep = async ({ a, b }, canary) => {
  const entry = await b.post('/api/triggers', { cue: 'A shared moment', intensity: 3 });
  const id = entry.json<{ entry: { id: string } }>().entry.id;
  await b.post(`/api/triggers/${id}/share`);
  await a.get(`/api/session-prep/candidates?kind=trigger&cursor=${canary}`);
  await a.put(
    '/api/session-prep',
    { topics: canary, questions: canary, picks: [{ kind: 'trigger', id }] },
    { 'if-match': '"0"' },
  );
  await a.put(
    '/api/session-prep',
    { topics: canary, questions: '', picks: [] },
    { 'if-match': '"0"' },
  );
  await a.put('/api/session-prep', { topics: canary, questions: '', picks: [] });
  await a.get(`/api/session-prep?q=${canary}`);
  await a.delete('/api/session-prep');
};
