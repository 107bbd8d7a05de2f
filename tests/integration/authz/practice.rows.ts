import { eq } from 'drizzle-orm';
import { triggerEntries } from '#server/db/schema/index.ts';
import { expectStatus, type TestClient } from '../../helpers/test-app';
import type { Row, World } from './world';

/**
 * The therapist's workspace: only therapists get in, and a couple's routes answer only the
 * therapist who works with that couple now. Partners, strangers and the former partner get the
 * same 404 as for a route that does not exist.
 */
const ONLY_ACTIVE = {
  anonymous: 401,
  stranger: 404,
  former: 404,
  partner: 404,
  self: 404,
  therapistActive: 200,
  therapistPending: 404,
  therapistRevoked: 404,
  therapistOther: 404,
} as const;

/** Every therapist may list their own couples and notes (an empty list for most here). */
const ANY_THERAPIST = {
  ...ONLY_ACTIVE,
  therapistPending: 200,
  therapistRevoked: 200,
  therapistOther: 200,
} as const;

/**
 * The link a caller names: a pending or ended therapist names their own link with this couple;
 * everyone else, the other couple's therapist included, names the active therapist's.
 */
function linkOf(c: TestClient, w: World): string {
  if (c === w.clients.therapistPending) return w.therapistLinks.therapistPending;
  if (c === w.clients.therapistRevoked) return w.therapistLinks.therapistRevoked;
  return w.therapistLinks.therapistActive;
}

const couple = (c: TestClient, w: World) => `/api/practice/couples/${linkOf(c, w)}`;

/** Self shares a trigger entry with the therapist (straight in the database). */
async function selfSharesWithTherapist(w: World): Promise<void> {
  const entry = await w.clients.self.post('/api/triggers', { cue: 'A song', intensity: 5 });
  expectStatus(entry, 201);
  const id = entry.json<{ entry: { id: string } }>().entry.id;
  await w.t.database.db
    .update(triggerEntries)
    .set({ visibility: 'therapist', therapistSharedAt: new Date() })
    .where(eq(triggerEntries.id, id));
  w.fixtures.entryId = id;
}

async function activeWritesNote(w: World): Promise<void> {
  const note = await w.clients.therapistActive.post(
    `/api/practice/couples/${w.therapistLinks.therapistActive}/notes`,
    { body: 'First session went gently.' },
  );
  expectStatus(note, 201);
  w.fixtures.noteId = note.json<{ note: { id: string } }>().note.id;
}

async function activeSuggests(w: World): Promise<void> {
  const made = await w.clients.therapistActive.post(
    `/api/practice/couples/${w.therapistLinks.therapistActive}/suggestions`,
    { exercise: 'daily-check-in', note: 'A few minutes each evening.' },
  );
  expectStatus(made, 201);
  w.fixtures.suggestionId = made.json<{ suggestion: { id: string } }>().suggestion.id;
}

export const practiceRows: Row[] = [
  {
    route: 'GET /api/practice/couples',
    world: 'couple',
    call: (c) => c.get('/api/practice/couples'),
    expect: ANY_THERAPIST,
  },
  {
    route: 'GET /api/practice/couples/:linkId',
    world: 'couple',
    setup: selfSharesWithTherapist,
    call: (c, w) => c.get(couple(c, w)),
    expect: ONLY_ACTIVE,
  },
  {
    route: 'GET /api/practice/couples/:linkId/items/:kind/:id',
    world: 'couple',
    setup: selfSharesWithTherapist,
    call: (c, w) => c.get(`${couple(c, w)}/items/trigger/${w.fixtures.entryId}`),
    expect: ONLY_ACTIVE,
  },
  {
    route: 'GET /api/practice/couples/:linkId/notes',
    world: 'couple',
    setup: activeWritesNote,
    call: (c, w) => c.get(`${couple(c, w)}/notes`),
    expect: ONLY_ACTIVE,
  },
  {
    route: 'POST /api/practice/couples/:linkId/notes',
    world: 'couple',
    call: (c, w) => c.post(`${couple(c, w)}/notes`, { body: 'A note for myself.' }),
    expect: { ...ONLY_ACTIVE, therapistActive: 201 },
  },
  {
    route: 'GET /api/practice/notes',
    world: 'couple',
    call: (c) => c.get('/api/practice/notes'),
    expect: ANY_THERAPIST,
  },
  {
    route: 'PUT /api/practice/notes/:id',
    world: 'couple',
    setup: activeWritesNote,
    call: (c, w) =>
      c.put(
        `/api/practice/notes/${w.fixtures.noteId}`,
        { body: 'Changed.' },
        { 'if-match': '"1"' },
      ),
    expect: ONLY_ACTIVE,
  },
  {
    route: 'DELETE /api/practice/notes/:id',
    world: 'couple',
    setup: activeWritesNote,
    call: (c, w) => c.delete(`/api/practice/notes/${w.fixtures.noteId}`),
    expect: ONLY_ACTIVE,
  },
  {
    route: 'POST /api/practice/couples/:linkId/suggestions',
    world: 'couple',
    call: (c, w) =>
      c.post(`${couple(c, w)}/suggestions`, { exercise: 'daily-check-in', note: 'Gently.' }),
    expect: { ...ONLY_ACTIVE, therapistActive: 201 },
  },
  {
    route: 'DELETE /api/practice/couples/:linkId/suggestions/:id',
    world: 'couple',
    setup: activeSuggests,
    call: (c, w) => c.delete(`${couple(c, w)}/suggestions/${w.fixtures.suggestionId}`),
    expect: ONLY_ACTIVE,
  },
];
