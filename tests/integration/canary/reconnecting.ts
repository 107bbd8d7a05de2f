import { createCouple } from '../../helpers/test-app';
import type { CanaryStep } from './steps';

/**
 * Sends the canary through every reconnecting route: rituals, appreciations, dates and their
 * notes, and the pacing agreement, in bodies, ids and If-Match. A couple of its own, taken to
 * phase 3, so the other steps' couple keeps its pace.
 */
export const reconnectingCanary: CanaryStep = async (_couple, canary, t) => {
  const { a, b } = await createCouple(t);
  for (const phase of [2, 3]) {
    await a.post('/api/program/pace/ready', { phase });
    await b.post('/api/program/pace/ready', { phase });
  }
  const ritual = await a.post('/api/reconnecting/rituals', {
    title: `tea ${canary}`,
    detail: `detail ${canary}`,
    cadence: 'daily',
  });
  const ritualId = ritual.json<{ ritual: { id: string } }>().ritual.id;
  await a.post('/api/reconnecting/rituals', { title: canary.repeat(40), cadence: canary });
  await b.put(
    `/api/reconnecting/rituals/${ritualId}`,
    { title: `walk ${canary}`, cadence: 'weekly' },
    { 'if-match': '"1"' },
  );
  // Stale: the 412 carries the ritual (and the canary) back.
  await a.put(
    `/api/reconnecting/rituals/${ritualId}`,
    { title: canary, cadence: 'daily' },
    { 'if-match': '"1"' },
  );
  await a.put(
    `/api/reconnecting/rituals/${canary}`,
    { title: canary, cadence: 'daily' },
    { 'if-match': canary },
  );
  await a.post(
    `/api/reconnecting/rituals/${ritualId}/agree`,
    { note: canary },
    { 'if-match': '"2"' },
  );
  await a.post(`/api/reconnecting/rituals/${canary}/agree`, {}, { 'if-match': '"1"' });
  await b.post(`/api/reconnecting/rituals/${ritualId}/set-aside`, { note: canary });

  const sent = await a.post('/api/reconnecting/appreciations', { note: `thanks ${canary}` });
  const noteId = sent.json<{ appreciation: { id: string } }>().appreciation.id;
  await a.post('/api/reconnecting/appreciations', { note: canary.repeat(100) });
  await b.get('/api/reconnecting');
  await b.post('/api/reconnecting/appreciations/seen', { note: canary });
  await a.delete(`/api/reconnecting/appreciations/${noteId}`);
  await a.delete(`/api/reconnecting/appreciations/${canary}`);

  const date = await a.post('/api/reconnecting/dates', { idea: `picnic ${canary}` });
  const dateId = date.json<{ date: { id: string } }>().date.id;
  await b.put(
    `/api/reconnecting/dates/${dateId}`,
    { idea: `picnic ${canary}`, plannedOn: '2026-06-01', plan: `river ${canary}` },
    { 'if-match': '"1"' },
  );
  await a.put(
    `/api/reconnecting/dates/${dateId}`,
    { idea: canary, plannedOn: canary, plan: canary },
    { 'if-match': '"1"' },
  );
  await a.put(`/api/reconnecting/dates/${dateId}/note`, { note: `lovely ${canary}` });
  await a.post(`/api/reconnecting/dates/${dateId}/note/share`, { note: canary });
  await b.get('/api/reconnecting');
  await a.post(`/api/reconnecting/dates/${dateId}/note/unshare`);
  await a.post(`/api/reconnecting/dates/${canary}/note/share`);
  await b.post(`/api/reconnecting/dates/${dateId}/set-aside`);

  await a.put(
    '/api/reconnecting/pacing',
    { pace: 'gentle', words: `slow ${canary}` },
    { 'if-match': '"0"' },
  );
  await b.put('/api/reconnecting/pacing', { pace: canary, words: canary }, { 'if-match': '"0"' });
  await b.post('/api/reconnecting/pacing/agree', {}, { 'if-match': canary });
  await b.post('/api/reconnecting/pacing/agree', {}, { 'if-match': '"1"' });
  await b.post('/api/reconnecting/pacing/pause', { reason: canary });
  await a.get('/api/reconnecting');
  await b.post('/api/reconnecting/pacing/resume', { reason: canary });
};
