import type { CanaryStep } from './steps';

/**
 * The therapist share in all four features: real items with the canary in their words, the
 * canary in bodies, query strings and ids. (This couple has no therapist: sharing is refused
 * with 409, stopping is allowed; both must keep the canary out of the log.)
 */
export const therapistShareCanary: CanaryStep = async ({ a, b }, canary) => {
  const day = new Date().toISOString().slice(0, 10);
  const checkin = await a.put(`/api/checkins/mine/${day}`, {
    intensity: 2,
    pain: 2,
    note: `note ${canary}`,
  });
  const checkinId = checkin.json<{ checkin: { id: string } }>().checkin.id;
  const entry = await a.post('/api/triggers', { cue: `cue ${canary}`, intensity: 3 });
  const entryId = entry.json<{ entry: { id: string } }>().entry.id;
  const response = await a.post('/api/measures/responses', {
    measureId: 'trust-and-safety',
    measureVersion: 1,
    answers: { honest: 3 },
  });
  const responseId = response.json<{ response: { id: string } }>().response.id;
  await a.put(
    '/api/guide/transparency/reflections/mine',
    { body: `reflection ${canary}` },
    { 'if-none-match': '*' },
  );
  for (const url of [
    `/api/checkins/${checkinId}/therapist`,
    `/api/triggers/${entryId}/therapist`,
    `/api/measures/responses/${responseId}/therapist`,
    '/api/guide/transparency/reflections/mine/therapist',
  ]) {
    await a.put(`${url}?q=${canary}`, { shared: true, note: canary });
    await a.put(url, { shared: canary });
    await a.put(url, { shared: false });
    await b.put(url, { shared: true });
  }
  await a.put(`/api/checkins/${canary}/therapist`, { shared: true });
  await a.put(`/api/triggers/${canary}/therapist`, { shared: true });
  await a.put(`/api/measures/responses/${canary}/therapist`, { shared: true });
  await a.put(`/api/guide/${canary}/reflections/mine/therapist`, { shared: true });
};
