import type { CanaryStep } from './steps';

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Sends the canary through every transparency route: in offers, ids, dates and answers. */
export const transparencyCanary: CanaryStep = async ({ a, b }, canary) => {
  const body = { text: `offer ${canary}`, reviewOn: day(7), endsOn: day(30) };
  // Refused (nobody has named an injury here, or the input is wrong), each carrying the canary.
  await a.post('/api/transparency', body);
  await a.post('/api/transparency', { text: canary.repeat(100), reviewOn: canary, endsOn: canary });
  await a.get('/api/transparency');
  await b.put(`/api/transparency/${canary}/answer`, { accept: canary }, { 'if-match': '"1"' });
  await b.put(`/api/transparency/${canary}/pause`, { paused: true }, { 'if-match': canary });
  await a.put(
    `/api/transparency/${canary}/dates`,
    { reviewOn: canary, endsOn: day(3) },
    { 'if-match': '"1"' },
  );
};
