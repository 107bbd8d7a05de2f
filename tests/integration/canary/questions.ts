import type { CanaryStep } from './steps';

/** The canary through every question-queue route: in questions, answers, ids, cursors, headers. */
export const questionsCanary: CanaryStep = async ({ a, b }, canary) => {
  const named = await a.post('/api/injuries', {
    kind: 'lies',
    cameToLight: '2026-02',
    myRole: 'hurt',
  });
  const injuryId = named.json<{ injury: { id: string } }>().injury.id;
  await b.post(`/api/injuries/${injuryId}/confirm`, {}, { 'if-match': '"1"' });

  await a.get(`/api/questions?q=${canary}`);
  const created = await a.post('/api/questions', { injuryId, body: `Where ${canary}?` });
  const { id } = created.json<{ question: { id: string } }>().question;
  await a.post('/api/questions', { injuryId: canary, body: canary });
  await a.post('/api/questions', { injuryId, body: canary.repeat(200) });
  await a.put(`/api/questions/${id}`, { body: `When ${canary}?` }, { 'if-match': '"1"' });
  await a.put(`/api/questions/${id}`, { body: canary }, { 'if-match': '"1"' }); // stale: 412
  await a.put(`/api/questions/${id}`, { body: canary }, { 'if-match': canary });
  await a.get(`/api/questions/list?injuryId=${injuryId}&state=draft&cursor=${canary}`);
  await a.get(`/api/questions/list?injuryId=${canary}&state=${canary}`);
  await b.get(`/api/questions/${id}`);
  await a.get(`/api/questions/pace/${canary}`);
  await a.put(`/api/questions/pace/${injuryId}`, { cap: canary, window: canary, selfCheck: 1 });
  await a.put(`/api/questions/pace/${injuryId}`, { cap: 1, window: 'day', selfCheck: false });
  await a.get(`/api/questions/pace/${injuryId}`);
  await a.post('/api/questions/release', { ids: [id] });
  const second = await a.post('/api/questions', { injuryId, body: `And ${canary}?` });
  const secondId = second.json<{ question: { id: string } }>().question.id;
  await a.post('/api/questions/release', { ids: [secondId] }); // past the pace: 409
  await a.post('/api/questions/release', { ids: [canary] });
  await a.delete(`/api/questions/${secondId}`);
  await a.delete(`/api/questions/${canary}`);

  await b.get(`/api/questions/list?injuryId=${injuryId}`);
  await b.get(`/api/questions/${id}`);
  await b.put(`/api/questions/${id}/answer`, { body: `Answer ${canary}` }, { 'if-match': '"0"' });
  await b.put(`/api/questions/${id}/answer`, { body: canary }, { 'if-match': '"0"' }); // stale: 412
  await b.put(`/api/questions/${id}/answer`, { body: canary.repeat(600) }, { 'if-match': '"1"' });
  await b.put(`/api/questions/${id}/answer`, { body: canary }, { 'if-match': canary });
  await b.put(`/api/questions/${id}/time`, { until: canary });
  await b.put(`/api/questions/${id}/time`, {
    until: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
  });
  await a.put(`/api/questions/${id}/mark`, { mark: canary });
  await a.put(`/api/questions/${id}/mark`, { mark: 'therapist' });
  await a.get(`/api/session-prep/candidates?kind=question`);
  await a.get(`/api/questions/${id}`);
};
