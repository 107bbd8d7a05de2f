import { linkTherapist } from '../../helpers/test-app';
import type { CanaryStep } from './steps';

export const messagesCanary: CanaryStep = async ({ a, b }, canary, t) => {
  const therapist = await linkTherapist(t, { a, b }, 'active');
  const { linkId } = therapist;
  await a.post('/api/messages', { linkId, thread: 'couple', body: canary });
  await a.post('/api/messages', { linkId, thread: 'private', body: `kill myself ${canary}` });
  await b.post('/api/messages', { linkId: canary, thread: canary, body: canary });
  await b.post('/api/messages', { linkId, thread: 'couple', body: canary.repeat(400) });
  await b.get(`/api/messages?q=${canary}`);
  await b.get(`/api/messages/older?linkId=${linkId}&thread=couple&before=${canary}`);
  await b.get(`/api/messages/older?linkId=${canary}&thread=${canary}&before=${canary}`);
  await therapist.get(`/api/messages/couples/${linkId}?q=${canary}`);
  await therapist.get(`/api/messages/couples/${canary}`);
  await therapist.post(`/api/messages/couples/${linkId}`, { thread: 'couple', body: canary });
  await therapist.post(`/api/messages/couples/${linkId}`, {
    thread: 'private',
    partnerId: a.userId,
    body: canary,
  });
  await therapist.post(`/api/messages/couples/${linkId}`, {
    thread: 'private',
    partnerId: canary,
    body: canary,
  });
  await therapist.post(`/api/messages/couples/${canary}`, { thread: 'couple', body: canary });
  await a.get('/api/messages');
};
