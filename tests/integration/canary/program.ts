import type { CanaryStep } from './steps';

/** The canary through every program route: in exercise keys, marks, phases and query strings. */
export const programCanary: CanaryStep = async ({ a, b }, canary) => {
  await a.get(`/api/program?q=${canary}`);
  await a.put(`/api/program/marks/daily-check-in?q=${canary}`, { mark: 'spent_time' });
  await a.put(`/api/program/marks/${canary.toLowerCase()}`, { mark: 'come_back' });
  await a.put(`/api/program/marks/${canary}`, { mark: canary });
  await a.post('/api/program/pace/ready', { phase: canary });
  await a.post('/api/program/pace/ready', { phase: 2, note: canary });
  await b.post(`/api/program/pace/ready?q=${canary}`, { phase: 2 });
  await a.delete(`/api/program/pace/ready?q=${canary}`);
  await b.post('/api/program/pace/step-back', { phase: canary });
  await b.post('/api/program/pace/step-back', { phase: 1, reason: canary });
};
