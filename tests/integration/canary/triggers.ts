import type { CanaryStep } from './steps';

/** Sends the canary through every trigger route: in entries, plan sections, ids and cursors. */
export const triggersCanary: CanaryStep = async ({ a, b }, canary) => {
  const created = await a.post('/api/triggers', {
    cue: `The ${canary} again`,
    intensity: 7,
    felt: `felt ${canary}`,
    helped: `helped ${canary}`,
    nextTime: `next ${canary}`,
  });
  const { id } = created.json<{ entry: { id: string } }>().entry;
  // Refused input carrying the canary.
  await a.post('/api/triggers', { cue: canary, intensity: `${canary}`, occurredAt: canary });
  await a.post('/api/triggers', { cue: canary.repeat(40), intensity: 3, felt: canary.repeat(20) });
  await a.get(`/api/triggers?view=${canary}&cursor=${canary}&limit=${canary}`);
  await a.get(`/api/triggers/${canary}`);
  await a.get(`/api/triggers/${id}`);
  await a.put(`/api/triggers/${id}`, { cue: `edited ${canary}`, intensity: 2, felt: canary });
  await a.put(`/api/triggers/${canary}`, { cue: canary, intensity: 2 });
  await a.post(`/api/triggers/${id}/share`, { note: canary });
  await b.get('/api/triggers?view=partner');
  await b.get(`/api/triggers/${id}`);
  await a.post(`/api/triggers/${id}/unshare`, { note: canary });
  await a.post(`/api/triggers/${id}/archive`, { note: canary });
  await a.get('/api/triggers?view=archived');
  await a.post(`/api/triggers/${id}/restore`, { note: canary });
  await a.post(`/api/triggers/${canary}/restore`);

  const sections = {
    signs: `signs ${canary}`,
    signal: `signal ${canary}`,
    response: `response ${canary}`,
    timeOut: `timeout ${canary}`,
    afterwards: `after ${canary}`,
  };
  await a.put('/api/triggers/plan', { sections });
  await a.put('/api/triggers/plan', { sections }, { 'if-match': canary });
  const saved = await a.put('/api/triggers/plan', { sections }, { 'if-match': '"0"' });
  await b.put('/api/triggers/plan', { sections }, { 'if-match': '"0"' }); // stale: 412 carries the canary back
  await b.put(
    '/api/triggers/plan',
    { sections: { ...sections, signs: canary.repeat(300) } },
    { 'if-match': '"1"' },
  );
  await b.get('/api/triggers/plan');
  const planId = saved.json<{ plan: { id: string } }>().plan.id;
  await b.get(`/api/triggers/plans/${planId}/versions?cursor=${canary}`);
  await b.get(`/api/triggers/plans/${planId}/versions`);
  await b.get(`/api/triggers/plans/${canary}/versions`);
  await b.put('/api/triggers/plan/acceptance', {}, { 'if-match': canary });
  await b.put('/api/triggers/plan/acceptance', {}, { 'if-match': '"1"' });
  await a.put('/api/triggers/plan/acceptance', {}, { 'if-match': '"9"' }); // stale: 412 carries the plan back
  await b.delete('/api/triggers/plan/acceptance');
  await b.get(`/api/triggers/plans/${planId}/compare?from=1&to=2`);
  await b.get(`/api/triggers/plans/${planId}/compare?from=${canary}&to=2`);
  await b.get(`/api/triggers/plans/${canary}/compare?from=1&to=2`);
};
