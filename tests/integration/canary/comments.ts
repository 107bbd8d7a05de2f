import { expect } from 'vitest';
import { linkTherapist } from '../../helpers/test-app';
import type { CanaryStep } from './steps';

/**
 * The canary in a comment, a reply, a quote, an edit and every query string and id of the
 * comment routes; then the item is narrowed back to private, and the canary must no longer reach
 * the partner's or the therapist's API responses.
 */
export const commentsCanary: CanaryStep = async ({ a, b }, canary, t) => {
  const therapist = await linkTherapist(t, { a, b }, 'active');
  const note = `a passage ${canary} to quote`;
  const written = await a.put('/api/checkins/mine/2026-03-09', { intensity: 2, pain: 2, note });
  const id = written.json<{ checkin: { id: string } }>().checkin.id;
  await a.post(`/api/checkins/${id}/share`);
  await a.put(`/api/checkins/${id}/therapist`, { shared: true });
  const ref = { kind: 'checkin', itemId: id };

  const first = await a.post('/api/comments', {
    ...ref,
    body: `comment ${canary}`,
    quote: { text: canary },
  });
  const commentId = first.json<{ comment: { id: string } }>().comment.id;
  await b.post('/api/comments', { ...ref, body: `reply ${canary}`, parentId: commentId });
  await therapist.post('/api/comments', { ...ref, body: `therapist ${canary}` });
  await b.post('/api/comments', { ...ref, body: canary, quote: { text: `not there ${canary}` } });
  await b.post('/api/comments', { kind: canary, itemId: canary, body: canary });
  await a.patch(`/api/comments/${commentId}`, { body: `edited ${canary}` }, { 'if-match': '"1"' });
  await a.patch(`/api/comments/${commentId}`, { body: canary }, { 'if-match': `"${canary}"` });
  await a.patch(`/api/comments/${canary}`, { body: canary }, { 'if-match': '"1"' });
  await b.get(`/api/comments?kind=checkin&itemId=${id}&cursor=${canary}`);
  await b.get(`/api/comments?kind=${canary}&itemId=${canary}`);
  await b.get(`/api/comments/${commentId}/wordings?q=${canary}`);
  await b.get(`/api/comments/${canary}/wordings`);
  await b.put('/api/comments/watch', { ...ref, mode: canary });
  await b.put('/api/comments/watch', { ...ref, mode: 'none' });
  await b.post(`/api/comments/${canary}/withdraw`);

  // Narrowed back to private: nothing of the thread reaches the partner or the therapist.
  await a.post(`/api/checkins/${id}/private`);
  await a.put(`/api/checkins/${id}/therapist`, { shared: false });
  for (const reader of [b, therapist]) {
    for (const url of [
      `/api/comments?kind=checkin&itemId=${id}`,
      `/api/comments/${commentId}/wordings`,
      `/api/checkins/${id}`,
      '/api/checkins',
    ]) {
      const response = await reader.get(url);
      expect(response.body, url).not.toContain(canary);
    }
  }
  await a.post(`/api/comments/${commentId}/withdraw`);
};
