import { eq } from 'drizzle-orm';
import { triggerEntries } from '#server/db/schema/index.ts';
import { linkTherapist } from '../../helpers/test-app';
import type { CanaryStep } from './steps';

/** A partner shares an entry with the therapist, who opens it, writes notes and suggests. */
export const practiceCanary: CanaryStep = async ({ a, b }, canary, t) => {
  const therapist = await linkTherapist(t, { a, b }, 'active');
  const entry = await a.post('/api/triggers', { cue: canary, intensity: 4, felt: canary });
  const id = entry.json<{ entry: { id: string } }>().entry.id;
  await t.database.db
    .update(triggerEntries)
    .set({ visibility: 'therapist', therapistSharedAt: new Date() })
    .where(eq(triggerEntries.id, id));
  const base = `/api/practice/couples/${therapist.linkId}`;
  await therapist.get('/api/practice/couples');
  await therapist.get(`${base}?cursor=${canary}`);
  await therapist.get(base);
  await therapist.get(`${base}/items/trigger/${id}`);
  await therapist.get(`${base}/items/${canary}/${id}`);
  const note = await therapist.post(`${base}/notes`, { body: canary });
  const noteId = note.json<{ note: { id: string } }>().note.id;
  await therapist.get(`${base}/notes`);
  await therapist.put(`/api/practice/notes/${noteId}`, { body: `${canary} again` });
  await therapist.put(
    `/api/practice/notes/${noteId}`,
    { body: `${canary} again` },
    { 'if-match': '"1"' },
  );
  await therapist.put(`/api/practice/notes/${noteId}`, { body: canary }, { 'if-match': '"1"' });
  await therapist.get('/api/practice/notes');
  await therapist.post(`${base}/suggestions`, { exercise: canary, note: canary });
  const made = await therapist.post(`${base}/suggestions`, {
    exercise: 'daily-check-in',
    note: canary,
  });
  await a.get('/api/program');
  await therapist.delete(
    `${base}/suggestions/${made.json<{ suggestion: { id: string } }>().suggestion.id}`,
  );
  await therapist.delete(`/api/practice/notes/${noteId}`);
};
