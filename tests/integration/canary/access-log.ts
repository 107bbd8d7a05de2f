import type { CanaryStep } from './steps';

/** The access log: the canary in its page position and size, and in a query it does not know. */
export const accessLogCanary: CanaryStep = async ({ a, b }, canary) => {
  await a.get('/api/access-log');
  await a.get(`/api/access-log?before=${canary}`);
  await a.get(`/api/access-log?limit=${canary}`);
  await b.get(`/api/access-log?note=${canary}`);
};
