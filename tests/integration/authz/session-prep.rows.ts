import { expectStatus, type TestClient } from '../../helpers/test-app';
import { NO_ONE_ELSE, type Row, type World } from './world';

const SIGNED_IN = { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 } as const;

/** Self logs a trigger and shares it (private items are refused to everyone: see the integration test). */
function selfLogs(share: boolean) {
  return async (w: World): Promise<void> => {
    const self = w.clients.self;
    const entry = await self.post('/api/triggers', { cue: 'A song in a shop', intensity: 5 });
    expectStatus(entry, 201);
    const id = entry.json<{ entry: { id: string } }>().entry.id;
    if (share) expectStatus(await self.post(`/api/triggers/${id}/share`), 200);
    w.fixtures.entryId = id;
  };
}

/** Each caller saves their own first prep, picking self's entry. */
const pickSelfEntry = (c: TestClient, w: World) =>
  c.put(
    '/api/session-prep',
    { topics: 'What to say', questions: '', picks: [{ kind: 'trigger', id: w.fixtures.entryId }] },
    { 'if-match': '"0"' },
  );

/** A prep is the caller's own; the items in it are only those the caller may read and that are shared. */
export const sessionPrepRows: Row[] = [
  {
    route: 'GET /api/session-prep',
    world: 'couple',
    call: (c) => c.get('/api/session-prep'),
    expect: SIGNED_IN,
  },
  {
    route: 'GET /api/session-prep/candidates',
    world: 'couple',
    call: (c) => c.get('/api/session-prep/candidates?kind=trigger'),
    expect: SIGNED_IN,
  },
  {
    route: 'PUT /api/session-prep',
    world: 'couple',
    setup: selfLogs(true),
    call: pickSelfEntry,
    expect: { ...NO_ONE_ELSE, partner: 200, self: 200 },
  },
  {
    route: 'DELETE /api/session-prep',
    world: 'couple',
    call: (c) => c.delete('/api/session-prep'),
    expect: SIGNED_IN,
  },
];
