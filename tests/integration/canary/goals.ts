import type { CanaryStep } from './steps';

/**
 * Sends the canary through every route of goals: in titles, reasons, plans, answers, ids,
 * versions and dates. The couple goes on to phase 3 first, so the writes are really made.
 */
export const goalsCanary: CanaryStep = async ({ a, b }, canary) => {
  for (const phase of [2, 3]) {
    await a.post('/api/program/pace/ready', { phase });
    await b.post('/api/program/pace/ready', { phase });
  }
  const created = await a.post('/api/goals', {
    title: `goal ${canary}`,
    why: `why ${canary}`,
    targetOn: '2030-01-01',
  });
  const goalId = created.json<{ goal: { id: string } }>().goal.id;
  await a.post('/api/goals', { title: canary.repeat(40), targetOn: canary });
  await a.put(`/api/goals/${goalId}`, { title: `edited ${canary}` }, { 'if-match': '"1"' });
  await b.put(`/api/goals/${goalId}`, { title: `stale ${canary}` }, { 'if-match': '"1"' });
  await b.put(`/api/goals/${goalId}`, { title: canary }, { 'if-match': canary });
  await b.put(`/api/goals/${canary}`, { title: canary }, { 'if-match': '"1"' });
  await b.put(`/api/goals/${goalId}/agreement`, { note: canary }, { 'if-match': '"2"' });
  await b.put(`/api/goals/${goalId}/aside`, { setAside: canary }, { 'if-match': '"3"' });
  const withStep = await a.post(`/api/goals/${goalId}/milestones`, {
    title: `step ${canary}`,
    targetOn: '2029-01-01',
  });
  const stepId = withStep.json<{ goal: { milestones: { id: string }[] } }>().goal.milestones[0]!.id;
  await a.put(
    `/api/goals/milestones/${stepId}`,
    { title: `step2 ${canary}` },
    { 'if-match': '"1"' },
  );
  await b.put(
    `/api/goals/milestones/${stepId}`,
    { title: `stale ${canary}` },
    { 'if-match': '"1"' },
  );
  await b.put(`/api/goals/milestones/${stepId}/reached`, { reached: true }, { 'if-match': '"2"' });
  await b.put(`/api/goals/milestones/${canary}/reached`, { reached: canary });
  const date = await a.post('/api/goals/hard-dates', {
    title: `date ${canary}`,
    day: '2025-02-14',
    yearly: true,
    remindDays: 2,
  });
  const dateId = date.json<{ hardDate: { id: string } }>().hardDate.id;
  await a.post('/api/goals/hard-dates', { title: canary, day: canary, yearly: canary });
  await b.put(
    `/api/goals/hard-dates/${dateId}`,
    { title: `changed ${canary}`, day: '2025-02-15', yearly: true },
    { 'if-match': '"1"' },
  );
  await a.put(
    `/api/goals/hard-dates/${dateId}`,
    { title: `stale ${canary}`, day: '2025-02-15', yearly: true },
    { 'if-match': '"1"' },
  );
  await a.put(`/api/goals/hard-dates/${dateId}/my-part`, { plan: `mine ${canary}` });
  await b.put(`/api/goals/hard-dates/${dateId}/my-part`, { plan: `theirs ${canary}` });
  await b.put(`/api/goals/hard-dates/${dateId}/aside`, { setAside: true }, { 'if-match': '"2"' });
  await a.get('/api/goals');
  await b.get('/api/goals');
  await a.put('/api/goals/review/mine', {
    grown: `grown ${canary}`,
    hurts: `hurts ${canary}`,
    next: `next ${canary}`,
  });
  await a.put('/api/goals/review/mine', { grown: canary.repeat(400) });
  await a.post('/api/goals/review/mine/finish', { note: canary });
  await a.post('/api/goals/review/mine/reopen');
  await a.post('/api/goals/review/mine/finish');
  await b.put('/api/goals/review/mine', { grown: `b ${canary}` });
  await b.post('/api/goals/review/mine/finish');
  await a.get('/api/goals/review');
  await b.get('/api/goals/review');
};
