import type { CanaryStep } from './steps';

export const safetyScreenCanary: CanaryStep = async ({ a, b }, canary) => {
  await a.get(`/api/safety-screen?note=${canary}`);
  // A canary as an answer, as a question id, and beside real answers: refused or taken, never logged.
  await a.post('/api/safety-screen', { answers: { afraid: canary } });
  await a.post('/api/safety-screen', { answers: { [canary]: 'no' } });
  const { questions } = (await b.get('/api/safety-screen')).json<{ questions: { id: string }[] }>();
  await b.post('/api/safety-screen', {
    answers: Object.fromEntries(questions.map((q) => [q.id, 'sometimes'])),
    note: canary,
  });
  await b.post('/api/safety/resume', { why: canary });
};
