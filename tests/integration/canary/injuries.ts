import type { CanaryStep } from './steps';

/** The canary through every injuries route: in notes, in bad values, in ids and query strings. */
export const injuriesCanary: CanaryStep = async ({ a, b }, canary) => {
  const named = await a.post(`/api/injuries?note=${canary}`, {
    kind: 'affair',
    cameToLight: '2026-01',
    myRole: 'hurt',
    note: `private ${canary}`,
  });
  const { id } = named.json<{ injury: { id: string } }>().injury;
  await a.post('/api/injuries', {
    kind: canary,
    cameToLight: canary,
    myRole: canary,
    note: canary,
  });
  await a.get(`/api/injuries?q=${canary}`);
  await b.get(`/api/injuries/${id}?q=${canary}`);
  await b.get(`/api/injuries/${canary}`);
  await a.patch(`/api/injuries/${id}`, { kind: canary }, { 'if-match': '"1"' });
  await a.patch(`/api/injuries/${id}`, { kind: 'lies' }, { 'if-match': `"${canary}"` });
  await a.patch(`/api/injuries/${id}`, { kind: 'lies' }, { 'if-match': '"9"' });
  await b.post(`/api/injuries/${id}/roles`, { myRole: canary }, { 'if-match': '"1"' });
  await b.post(`/api/injuries/${id}/confirm`, { why: canary }, { 'if-match': '"1"' });
  await b.post(`/api/injuries/${canary}/confirm`, {}, { 'if-match': '"1"' });
  await b.put(`/api/injuries/${id}/note`, { note: `${canary} from b` });
  await b.put(`/api/injuries/${id}/note`, { note: canary.repeat(400) });
  await a.post(`/api/injuries/${id}/archive`, { why: canary }, { 'if-match': '"2"' });
  await a.post(`/api/injuries/${id}/restore`, { why: canary }, { 'if-match': '"3"' });
};
