import type { CanaryStep } from './steps';

export const todayCanary: CanaryStep = async ({ a, b }, canary) => {
  await a.get(`/api/today?day=${canary}`);
  await a.post('/api/today/seen', { at: canary });
  await b.post('/api/today/seen', { at: new Date().toISOString(), note: canary });
  await a.get(`/api/progress?q=${canary}`);
};
