import type { CanaryStep } from './steps';

/** Sends the canary through every agreement route: in names, texts, ids, cursors and versions. */
export const agreementsCanary: CanaryStep = async ({ a, b }, canary) => {
  const sections = { title: `title ${canary}`.slice(0, 120), body: `body ${canary}` };
  const created = await a.post('/api/agreements', { kind: 'ground-rules', sections });
  const { id } = created.json<{ agreement: { id: string } }>().agreement;
  await a.post('/api/agreements', { kind: canary, sections });
  await a.post('/api/agreements', { kind: 'boundaries', sections: { title: canary.repeat(40) } });
  await a.get('/api/agreements');
  await b.get(`/api/agreements/${id}`);
  await b.get(`/api/agreements/${canary}`);
  await b.put(`/api/agreements/${id}`, { sections }, { 'if-match': canary });
  await b.put(
    `/api/agreements/${id}`,
    { sections: { ...sections, body: `b ${canary}` } },
    { 'if-match': '"1"' },
  );
  await a.put(`/api/agreements/${id}`, { sections }, { 'if-match': '"1"' }); // stale: 412 carries the text back
  await a.get(`/api/agreements/${id}/versions?cursor=${canary}&limit=${canary}`);
  await a.get(`/api/agreements/${id}/versions`);
  await a.get(`/api/agreements/${id}/compare?from=1&to=2`);
  await a.get(`/api/agreements/${id}/compare?from=${canary}&to=2`);
  await a.put(`/api/agreements/${id}/acceptance`, {}, { 'if-match': '"1"' }); // stale
  await a.put(`/api/agreements/${id}/acceptance`, {}, { 'if-match': '"2"' });
  await b.put(`/api/agreements/${id}/acceptance`, {}, { 'if-match': canary });
  await b.delete(`/api/agreements/${id}/acceptance`);
  await a.delete(`/api/agreements/${canary}/acceptance`);
  await a.put(`/api/agreements/${id}/review`, { reviewOn: canary });
  await a.put(`/api/agreements/${id}/review`, { reviewOn: null });
};
