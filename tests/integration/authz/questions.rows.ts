import { expectStatus, type TestClient } from '../../helpers/test-app';
import { NO_ONE_ELSE, THERAPISTS_HAVE_NO_SPACE, type Row, type World } from './world';

/**
 * The question queue. Self is the hurt partner of an injury both confirmed; the partner is its
 * involved partner. A draft is self's alone; a released question is the partner's to answer.
 */
async function confirmedInjury(hurt: TestClient, involved: TestClient): Promise<string> {
  const named = await hurt.post('/api/injuries', {
    kind: 'affair',
    cameToLight: '2026-01',
    myRole: 'hurt',
  });
  expectStatus(named, 201);
  const id = named.json<{ injury: { id: string } }>().injury.id;
  expectStatus(await involved.post(`/api/injuries/${id}/confirm`, {}, { 'if-match': '"1"' }), 200);
  return id;
}

async function draft(self: TestClient, injuryId: string, body = 'What did you tell them?') {
  const created = await self.post('/api/questions', { injuryId, body });
  expectStatus(created, 201);
  return created.json<{ question: { id: string } }>().question.id;
}

async function withInjury(w: World): Promise<void> {
  w.fixtures.injuryId = await confirmedInjury(w.clients.self, w.clients.partner);
}

async function withDraft(w: World): Promise<void> {
  await withInjury(w);
  w.fixtures.questionId = await draft(w.clients.self, w.fixtures.injuryId!);
}

async function withReleased(w: World): Promise<void> {
  await withDraft(w);
  const ids = [w.fixtures.questionId!];
  expectStatus(await w.clients.self.post('/api/questions/release', { ids }), 200);
}

async function withAnswer(w: World): Promise<void> {
  await withReleased(w);
  const answered = await w.clients.partner.put(
    `/api/questions/${w.fixtures.questionId}/answer`,
    { body: 'An honest answer.' },
    { 'if-match': '"0"' },
  );
  expectStatus(answered, 200);
}

const ONLY_SELF = { ...NO_ONE_ELSE, ...THERAPISTS_HAVE_NO_SPACE, partner: 404 } as const;
const ONLY_PARTNER = { ...NO_ONE_ELSE, ...THERAPISTS_HAVE_NO_SPACE, self: 404 } as const;
const MEMBERS = { ...NO_ONE_ELSE, ...THERAPISTS_HAVE_NO_SPACE, stranger: 200 } as const;

export const questionRows: Row[] = [
  {
    route: 'GET /api/questions',
    world: 'couple',
    call: (c) => c.get('/api/questions'),
    expect: { ...MEMBERS, partner: 200, self: 200 },
  },
  {
    route: 'GET /api/questions/list',
    world: 'couple',
    setup: withDraft,
    call: (c, w) => c.get(`/api/questions/list?injuryId=${w.fixtures.injuryId}&state=draft`),
    expect: { ...MEMBERS, partner: 200, self: 200 },
  },
  {
    route: 'POST /api/questions',
    world: 'couple',
    setup: withInjury,
    call: (c, w) => c.post('/api/questions', { injuryId: w.fixtures.injuryId, body: 'Why then?' }),
    expect: { ...ONLY_SELF, self: 201 },
  },
  {
    route: 'POST /api/questions/release',
    world: 'couple',
    setup: withDraft,
    call: (c, w) => c.post('/api/questions/release', { ids: [w.fixtures.questionId] }),
    expect: { ...ONLY_SELF, self: 200 },
  },
  {
    route: 'GET /api/questions/pace/:injuryId',
    world: 'couple',
    setup: withInjury,
    call: (c, w) => c.get(`/api/questions/pace/${w.fixtures.injuryId}`),
    expect: { ...ONLY_SELF, self: 200 },
  },
  {
    route: 'PUT /api/questions/pace/:injuryId',
    world: 'couple',
    setup: withInjury,
    call: (c, w) =>
      c.put(`/api/questions/pace/${w.fixtures.injuryId}`, {
        cap: 2,
        window: 'day',
        selfCheck: true,
      }),
    expect: { ...ONLY_SELF, self: 200 },
  },
  {
    route: 'GET /api/questions/:id',
    world: 'couple',
    setup: withDraft,
    call: (c, w) => c.get(`/api/questions/${w.fixtures.questionId}`),
    expect: { ...ONLY_SELF, self: 200 },
  },
  {
    route: 'PUT /api/questions/:id',
    world: 'couple',
    setup: withDraft,
    call: (c, w) =>
      c.put(
        `/api/questions/${w.fixtures.questionId}`,
        { body: 'Who else knew?' },
        { 'if-match': '"1"' },
      ),
    expect: { ...ONLY_SELF, self: 200 },
  },
  {
    route: 'DELETE /api/questions/:id',
    world: 'couple',
    setup: withDraft,
    call: (c, w) => c.delete(`/api/questions/${w.fixtures.questionId}`),
    expect: { ...ONLY_SELF, self: 200 },
  },
  {
    route: 'PUT /api/questions/:id/answer',
    world: 'couple',
    setup: withReleased,
    call: (c, w) =>
      c.put(
        `/api/questions/${w.fixtures.questionId}/answer`,
        { body: 'It started in March.' },
        { 'if-match': '"0"' },
      ),
    expect: { ...ONLY_PARTNER, partner: 200 },
  },
  {
    route: 'PUT /api/questions/:id/time',
    world: 'couple',
    setup: withReleased,
    call: (c, w) =>
      c.put(`/api/questions/${w.fixtures.questionId}/time`, {
        until: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
      }),
    expect: { ...ONLY_PARTNER, partner: 200 },
  },
  {
    route: 'PUT /api/questions/:id/mark',
    world: 'couple',
    setup: withAnswer,
    call: (c, w) => c.put(`/api/questions/${w.fixtures.questionId}/mark`, { mark: 'more' }),
    expect: { ...ONLY_SELF, self: 200 },
  },
];
