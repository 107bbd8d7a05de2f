import type { CanaryStep } from './steps';

/**
 * The canary through every measures route: as answers, item ids, a time zone, a cursor, ids and
 * query strings. None of it may reach the log, and neither may an alert answer.
 */
export const measuresCanary: CanaryStep = async ({ a, b }, canary) => {
  await a.get(`/api/measures?timeZone=${canary}`);
  await a.get('/api/measures?timeZone=Europe/Lisbon');
  const saved = await a.post('/api/measures/responses', {
    measureId: 'trust-and-safety',
    measureVersion: 1,
    answers: { honest: 2, afraid: 4 },
    timeZone: 'Europe/Lisbon',
  });
  const { response } = saved.json<{ response: { id: string } }>();
  await a.post('/api/measures/responses', {
    measureId: 'trust-and-safety',
    measureVersion: 1,
    answers: { [canary.toLowerCase()]: 1, honest: 9 },
    note: canary,
  });
  await a.post('/api/measures/responses', { measureId: canary, measureVersion: 1, answers: {} });
  await a.post('/api/measures/responses', {
    measureId: 'wellbeing',
    measureVersion: 1,
    answers: { harm: 2 },
    timeZone: canary,
  });
  await a.get(`/api/measures/responses?measure=trust-and-safety&cursor=${canary}`);
  await a.get(`/api/measures/responses?measure=${canary}&whose=${canary}`);
  await a.get(`/api/measures/responses/${response.id}?q=${canary}`);
  await a.get(`/api/measures/responses/${canary}`);
  await a.post(`/api/measures/responses/${response.id}/visibility`, { visibility: canary });
  await a.post(`/api/measures/responses/${response.id}/visibility`, { visibility: 'partner' });
  await b.get('/api/measures/responses?measure=trust-and-safety&whose=partner');
  await b.get(`/api/measures/responses/${response.id}`);
  await b.post(`/api/measures/responses/${response.id}/visibility`, { visibility: 'private' });
  await a.post(`/api/measures/responses/${canary}/visibility`, { visibility: 'private' });
  await a.post(`/api/measures/responses/${response.id}/visibility`, { visibility: 'private' });
};
