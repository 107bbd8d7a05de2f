import { createToken, hashToken } from '#server/auth/tokens.ts';
import { therapistLinks } from '#server/db/schema/index.ts';
import { TEST_PASSWORD, type TestClient } from '../../helpers/test-app';
import { type Row, THERAPISTS_HAVE_NO_SPACE, type World } from './world';

const ALL_THERAPISTS = (status: number) => ({
  therapistActive: status,
  therapistPending: status,
  therapistRevoked: status,
  therapistOther: status,
});

/** Only therapist accounts reach these; everyone else is told there is nothing here. */
const THERAPISTS_ONLY = {
  anonymous: 401,
  stranger: 404,
  former: 404,
  partner: 404,
  self: 404,
  ...ALL_THERAPISTS(200),
} as const;

/**
 * A fresh, unclaimed therapist link made by self; its id and token go into the fixtures. Written
 * to the table directly: the world's couple has an active therapist, so the route would refuse
 * a new link (that refusal is the `POST /api/therapist/invites` row's business).
 */
async function selfMakesLink(w: World): Promise<void> {
  const token = createToken();
  const self = w.clients.self as TestClient & { userId: string };
  const [row] = await w.t.database.db
    .insert(therapistLinks)
    .values({
      spaceId: w.selfSpaceId,
      createdBy: self.userId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning({ id: therapistLinks.id });
  w.fixtures.linkId = row!.id;
  w.fixtures.token = token;
}

const stepUp = (c: TestClient) =>
  c.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD });

const claimWith = (c: TestClient, w: World) =>
  c.post('/api/therapist/claim', { token: w.fixtures.token });

/** Therapist accounts and the couple's therapist links. */
export const therapistRows: Row[] = [
  {
    route: 'POST /api/therapist/signup',
    world: 'couple',
    call: (c) =>
      c.post('/api/therapist/signup', {
        displayName: 'New therapist',
        email: `therapist-${Math.random()}@example.test`,
        password: TEST_PASSWORD,
        practiceName: 'A practice',
        licence: 'A licence',
      }),
    expect: { anonymous: 202, stranger: 202, former: 202, partner: 202, self: 202 },
  },
  {
    route: 'GET /api/therapist/profile',
    world: 'couple',
    call: (c) => c.get('/api/therapist/profile'),
    expect: THERAPISTS_ONLY,
  },
  {
    route: 'PUT /api/therapist/profile',
    world: 'couple',
    call: (c) => c.put('/api/therapist/profile', { practiceName: 'Renamed', licence: 'L 1' }),
    expect: THERAPISTS_ONLY,
  },
  {
    route: 'GET /api/therapist',
    world: 'couple',
    call: (c) => c.get('/api/therapist'),
    // The stranger sees their own space's links (none); therapists have no space.
    expect: {
      ...THERAPISTS_HAVE_NO_SPACE,
      anonymous: 401,
      stranger: 200,
      former: 404,
      partner: 200,
      self: 200,
    },
  },
  {
    route: 'POST /api/therapist/invites',
    world: 'couple',
    // Self and partner already have an active therapist: no second link until it ends (409).
    // Inviting needs a recent step-up; each caller confirms first (a therapist's fails: 404 anyway).
    call: async (c) => {
      await stepUp(c);
      return c.post('/api/therapist/invites');
    },
    expect: {
      ...THERAPISTS_HAVE_NO_SPACE,
      anonymous: 401,
      stranger: 201,
      former: 404,
      partner: 409,
      self: 409,
    },
  },
  {
    route: 'DELETE /api/therapist/invites/:id',
    world: 'couple',
    setup: selfMakesLink,
    call: (c, w) => c.delete(`/api/therapist/invites/${w.fixtures.linkId}`),
    // The partner cancels self's link; by self's turn it is gone.
    expect: { anonymous: 401, stranger: 404, former: 404, partner: 200, self: 404 },
  },
  {
    route: 'POST /api/therapist/links/:id/approve',
    world: 'couple',
    // Approving needs a recent step-up; each caller confirms first (a stranger's is still a 404).
    call: async (c, w) => {
      await stepUp(c);
      return c.post(`/api/therapist/links/${w.therapistLinks.therapistPending}/approve`);
    },
    // Pending: self approved already; the partner's approval completes it; repeating is fine.
    expect: { anonymous: 401, stranger: 404, former: 404, partner: 200, self: 200 },
  },
  {
    route: 'POST /api/therapist/links/:id/revoke',
    world: 'couple',
    call: (c, w) => c.post(`/api/therapist/links/${w.therapistLinks.therapistActive}/revoke`),
    expect: { anonymous: 401, stranger: 404, former: 404, partner: 200, self: 200 },
  },
  {
    route: 'POST /api/therapist/claim/preview',
    world: 'couple',
    setup: selfMakesLink,
    call: (c, w) => c.post('/api/therapist/claim/preview', { token: w.fixtures.token }),
    expect: { anonymous: 200, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'POST /api/therapist/claim',
    world: 'couple',
    setup: selfMakesLink,
    call: claimWith,
    // Partner accounts get a typed 409; the first therapist claims it, and then it is used up.
    expect: {
      anonymous: 401,
      stranger: 409,
      former: 409,
      partner: 409,
      self: 409,
      therapistOther: 200,
      therapistRevoked: 404,
      therapistPending: 404,
      therapistActive: 404,
    },
  },
  {
    route: 'GET /api/therapist/links',
    world: 'couple',
    call: (c) => c.get('/api/therapist/links'),
    expect: THERAPISTS_ONLY,
  },
  {
    route: 'GET /api/therapist/links/:id',
    world: 'couple',
    call: (c, w) => c.get(`/api/therapist/links/${w.therapistLinks.therapistActive}`),
    // Only the therapist whose link it is, while it is active.
    expect: {
      anonymous: 401,
      stranger: 404,
      former: 404,
      partner: 404,
      self: 404,
      therapistActive: 200,
      therapistPending: 404,
      therapistRevoked: 404,
      therapistOther: 404,
    },
  },
];
