import type { CanaryStep } from './steps';

const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

/** The canary in every text field, in query strings, in a bad feeling, a bad day and a bad id. */
export const checkinsCanary: CanaryStep = async ({ a, b }, canary) => {
  const body = {
    feelings: ['hurt', 'hopeful'],
    intensity: 3,
    pain: 5,
    triggers: `triggers ${canary}`,
    needs: `needs ${canary}`,
    note: `note ${canary}`,
  };
  const mine = await a.put(`/api/checkins/mine/${day(0)}?q=${canary}`, body);
  const { checkin } = mine.json<{ checkin: { id: string } }>();
  await a.put(`/api/checkins/mine/${day(0)}`, { ...body, note: `edited ${canary}` });
  await a.put(`/api/checkins/mine/${day(-1)}`, { ...body, feelings: [canary] });
  await a.put(`/api/checkins/mine/${day(-1)}`, { ...body, pain: canary });
  await a.put(`/api/checkins/mine/${canary}`, body);
  await a.put(`/api/checkins/mine/${day(0)}`, body, { 'if-match': `"${canary}"` });
  await a.get(`/api/checkins/mine/${day(0)}`);
  await a.get(`/api/checkins/mine/${canary}`);
  await a.post(`/api/checkins/${checkin.id}/share`, { note: canary });
  await a.put(`/api/checkins/mine/${day(0)}`, { ...body, note: `after sharing ${canary}` });
  await a.put(
    `/api/checkins/mine/${day(0)}`,
    { ...body, note: `after sharing ${canary}` },
    {
      'if-match': '"1"',
    },
  );
  await a.put(
    `/api/checkins/mine/${day(0)}`,
    { ...body, note: `after sharing ${canary}` },
    {
      'if-match': '"2"',
    },
  );
  await b.get(`/api/checkins/${checkin.id}`);
  await b.get(`/api/checkins?who=${canary}`);
  await b.get(`/api/checkins?cursor=${canary}`);
  await b.get(`/api/checkins?limit=${canary}`);
  await b.get(`/api/checkins/${canary}`);
  const theirs = await b.put(`/api/checkins/mine/${day(0)}`, body);
  const theirId = theirs.json<{ checkin: { id: string } }>().checkin.id;
  await b.post(`/api/checkins/${theirId}/share-when-both`, { why: canary });
  await b.post(`/api/checkins/${canary}/share-when-both`);
  await b.post(`/api/checkins/${theirId}/private`, { why: canary });
  await b.post(`/api/checkins/${canary}/private`);
  await a.post(`/api/checkins/${checkin.id}/private`);
  await a.get('/api/checkins');
};
