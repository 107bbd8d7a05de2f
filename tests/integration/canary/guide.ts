import type { CanaryStep } from './steps';

/** Every guide route, with the canary in reflections, slugs, query strings and headers. */
export const guideCanary: CanaryStep = async ({ a, b }, canary) => {
  const mine = '/api/guide/transparency/reflections/mine';
  await a.get(`/api/guide?q=${canary}`);
  await a.get('/api/guide/transparency');
  await a.get(`/api/guide/${canary}`);
  await a.put(mine, { body: `My reflection ${canary}` }, { 'if-none-match': '*' });
  await a.put(mine, { body: `Changed ${canary}` }, { 'if-match': '"1"' });
  await a.put(mine, { body: `Stale ${canary}` }, { 'if-match': '"1"' });
  await a.put(mine, { body: `${canary}`.repeat(400) }, { 'if-match': '"2"' });
  await a.put(`/api/guide/${canary}/reflections/mine`, { body: canary }, { 'if-none-match': '*' });
  await a.post(`${mine}/share`, { note: canary });
  await b.get('/api/guide/transparency/reflections');
  await b.get(`/api/guide/${canary}/reflections`);
  await b.put(mine, { body: canary }, { 'if-match': `"${canary}"` });
  await a.post(`${mine}/unshare`, { note: canary });
  await a.post(`/api/guide/${canary}/reflections/mine/share`);
};
