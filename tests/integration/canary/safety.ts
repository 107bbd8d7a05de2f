import type { CanaryStep } from './steps';

export const safetyCanary: CanaryStep = async ({ a, b }, canary) => {
  await a.get(`/api/safety/resources?region=${canary}`);
  await a.get(`/api/safety?note=${canary}`);
  await a.post('/api/safety/pause', { why: canary });
  await b.get('/api/safety');
  await a.post('/api/safety/resume', { why: canary });
  await a.put('/api/safety/region', { region: canary });
  await b.put('/api/safety/region', { region: 'GB', note: canary });
  await a.put('/api/safety/tab', { neutral: canary });
  await b.put('/api/safety/tab', { neutral: true, note: canary });
};
