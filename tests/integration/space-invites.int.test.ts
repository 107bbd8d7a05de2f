import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invites, spaces } from '#server/db/schema/index.ts';
import { createCouple, createTestApp, expectStatus, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type SpaceBody = {
  space: { id: string; partner: { displayName: string; joinedAt: string } | null } | null;
};

describe('the couple’s space', () => {
  it('starts with no space, creates one, and refuses a second', async () => {
    const a = await t.signUp('Alex');
    expect((await a.get('/api/space')).json()).toEqual({ space: null });
    const created = await a.post('/api/space');
    expect(created.statusCode).toBe(201);
    expect(created.json<SpaceBody>().space).toMatchObject({ partner: null });
    const again = await a.post('/api/space');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'already_in_space' } });
  });

  it('lets two partners join through a link and see each other by name', async () => {
    const a = await t.signUp('Alex');
    const b = await t.signUp('Sam');
    expectStatus(await a.post('/api/space'), 201);
    const invite = await a.post('/api/invites');
    expect(invite.statusCode).toBe(201);
    const { token, id, expiresAt } = invite.json<{
      token: string;
      id: string;
      expiresAt: string;
    }>();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    // The stored row holds only a hash of the token.
    const [row] = await t.database.db.select().from(invites).where(eq(invites.id, id));
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const preview = await t.client('anyone').post('/api/invites/preview', { token });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ inviterName: 'Alex' });

    const accepted = await b.post('/api/invites/accept', { token });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<SpaceBody>().space?.partner?.displayName).toBe('Alex');

    const aView = (await a.get('/api/space')).json<SpaceBody>();
    const bView = (await b.get('/api/space')).json<SpaceBody>();
    expect(aView.space?.partner?.displayName).toBe('Sam');
    expect(bView.space?.partner?.displayName).toBe('Alex');
    expect(aView.space?.id).toBe(bView.space?.id);
    expect(Date.parse(aView.space!.partner!.joinedAt)).toBeGreaterThan(0);
  });

  it('uses each link once, and a used, cancelled, replaced or expired link looks like a wrong one', async () => {
    const { a } = await createCouple(t);
    const wrong = await t.client('x').post('/api/invites/preview', { token: 'A'.repeat(43) });
    expect(wrong.statusCode).toBe(404);

    // Used: the partner already joined, so a new link cannot even be made.
    const full = await a.post('/api/invites');
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ error: { code: 'space_full' } });

    const c = await t.signUp('Casey');
    expectStatus(await c.post('/api/space'), 201);
    const first = (await c.post('/api/invites')).json<{ token: string; id: string }>();
    const second = (await c.post('/api/invites')).json<{ token: string; id: string }>();
    const replaced = await t.client('x').post('/api/invites/preview', { token: first.token });
    expect(replaced.statusCode).toBe(404);
    expect(replaced.body).toBe(wrong.body);
    expect(
      (await c.get('/api/invites')).json<{ invites: { id: string }[] }>().invites.map((i) => i.id),
    ).toEqual([second.id]);

    expectStatus(await c.delete(`/api/invites/${second.id}`), 200);
    const cancelled = await t.client('x').post('/api/invites/preview', { token: second.token });
    expect(cancelled.statusCode).toBe(404);
    expect((await c.delete(`/api/invites/${second.id}`)).statusCode).toBe(404);

    const third = (await c.post('/api/invites')).json<{ token: string; id: string }>();
    await t.database.db
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invites.id, third.id));
    const joiner = await t.signUp('Drew');
    const expired = await joiner.post('/api/invites/accept', { token: third.token });
    expect(expired.statusCode).toBe(404);
    expect(expired.body).toBe(wrong.body);
  });

  it('never lets a third person in, and refuses someone who already has a space', async () => {
    const a = await t.signUp('Eli');
    expectStatus(await a.post('/api/space'), 201);
    const { token } = (await a.post('/api/invites')).json<{ token: string }>();
    const hasSpace = await t.signUp('Fran');
    expectStatus(await hasSpace.post('/api/space'), 201);
    const refused = await hasSpace.post('/api/invites/accept', { token });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'already_in_space' } });

    // Two people racing for the same link: exactly one gets in.
    const p = await t.signUp('Gale');
    const q = await t.signUp('Hal');
    const results = await Promise.all([
      p.post('/api/invites/accept', { token }),
      q.post('/api/invites/accept', { token }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 404]);
  });

  it('asks a signed-out person to sign in before joining', async () => {
    const a = await t.signUp('Ivy');
    expectStatus(await a.post('/api/space'), 201);
    const { token } = (await a.post('/api/invites')).json<{ token: string }>();
    const anonymous = await t.client('anon').post('/api/invites/accept', { token });
    expect(anonymous.statusCode).toBe(401);
    // The link still works afterwards.
    expect((await t.client('anon').post('/api/invites/preview', { token })).statusCode).toBe(200);
  });

  it('lets a partner leave: the other keeps the space, the leaver loses access to it', async () => {
    const { a, b } = await createCouple(t);
    const spaceId = (await a.get('/api/space')).json<SpaceBody>().space!.id;
    expectStatus(await b.post('/api/space/leave'), 200);
    expect((await b.get('/api/space')).json()).toEqual({ space: null });
    expect((await b.get('/api/invites')).statusCode).toBe(404);
    expect((await b.post('/api/space/leave')).statusCode).toBe(404);
    const aView = (await a.get('/api/space')).json<SpaceBody>();
    expect(aView.space).toMatchObject({ id: spaceId, partner: null });
    // The one who stayed can invite someone again; the one who left can start afresh.
    expect((await a.post('/api/invites')).statusCode).toBe(201);
    expect((await b.post('/api/space')).statusCode).toBe(201);
  });

  it('closes the space when the last person leaves, and its links stop working', async () => {
    const a = await t.signUp('Jo');
    expectStatus(await a.post('/api/space'), 201);
    const { token } = (await a.post('/api/invites')).json<{ token: string }>();
    expectStatus(await a.post('/api/space/leave'), 200);
    expect((await t.client('x').post('/api/invites/preview', { token })).statusCode).toBe(404);
  });

  it('closes the space when both partners leave at the same moment', async () => {
    const { a, b } = await createCouple(t);
    const spaceId = (await a.get('/api/space')).json<SpaceBody>().space!.id;
    const results = await Promise.all([a.post('/api/space/leave'), b.post('/api/space/leave')]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    const [space] = await t.database.db.select().from(spaces).where(eq(spaces.id, spaceId));
    expect(space!.closedAt).toBeInstanceOf(Date);
  });
});

describe('the cost of a signed-in request', () => {
  it('checks the session and loads my space and partner in one query', async () => {
    const { a } = await createCouple(t);
    await a.get('/api/space'); // warm: a session touched less than a minute ago is not written again
    t.queries.length = 0;
    const response = await a.get('/api/space');
    expect(response.json<SpaceBody>().space?.partner?.displayName).toBe('Sam');
    expect(t.queries).toHaveLength(1);
    expect(t.queries[0]).toMatch(/from "sessions"/);
  });
});
