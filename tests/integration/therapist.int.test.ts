import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyTherapist } from '../../scripts/therapist-verify';
import { findTherapistByEmail, setTherapistVerified } from '#server/features/therapist/service.ts';
import {
  sessionStepUps,
  therapistLinks,
  therapistProfiles,
  users,
} from '#server/db/schema/index.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  TEST_PASSWORD,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

let counter = 0;
type Therapist = TestClient & { email: string; userId: string };

async function signUpTherapist(name = 'Dr Okafor'): Promise<Therapist> {
  counter += 1;
  const email = `therapist-${counter}-${Date.now()}@example.test`;
  const c = t.client(name);
  const response = await c.post('/api/therapist/signup', {
    displayName: name,
    email,
    password: TEST_PASSWORD,
    practiceName: 'Riverside Couples Practice',
    licence: 'LMFT 55501, Oregon',
  });
  // The same answer as for any address (decision 0029); the web app signs in next.
  expectStatus(response, 202);
  const signIn = await c.post('/api/auth/signin', { email, password: TEST_PASSWORD });
  expectStatus(signIn, 200);
  const userId = signIn.json<{ user: { id: string } }>().user.id;
  return Object.assign(c, { email, userId });
}

interface CoupleLinkBody {
  id: string;
  state: string;
  approved?: { me: boolean; partner: boolean | null };
  therapist?: { displayName: string; practiceName: string; verified: boolean };
}

async function linksOf(c: TestClient): Promise<CoupleLinkBody[]> {
  const response = await c.get('/api/therapist');
  expectStatus(response, 200);
  return response.json<{ links: CoupleLinkBody[] }>().links;
}

/** Inviting a therapist is a sensitive action: the partner confirms it is them first (step-up). */
async function stepUp(c: TestClient): Promise<void> {
  expectStatus(
    await c.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD }),
    200,
  );
}

/** Approving a therapist is as sensitive as inviting one: a step-up first, then the approval. */
async function approve(c: TestClient, id: string) {
  await stepUp(c);
  return c.post(`/api/therapist/links/${id}/approve`);
}

async function makeLink(c: TestClient): Promise<{ id: string; token: string }> {
  await stepUp(c);
  const response = await c.post('/api/therapist/invites');
  expectStatus(response, 201);
  return response.json<{ id: string; token: string }>();
}

async function claimed(
  couple: { a: TestClient; b: TestClient },
  therapist = null as Therapist | null,
) {
  const doctor = therapist ?? (await signUpTherapist());
  const link = await makeLink(couple.a);
  expectStatus(await doctor.post('/api/therapist/claim', { token: link.token }), 200);
  return { doctor, link };
}

describe('therapist accounts', () => {
  it('signs a therapist up with a profile, and after sign-in /me says so', async () => {
    const doctor = await signUpTherapist('Dr Mensah');
    const me = (await doctor.get('/api/auth/me')).json<{
      user: { displayName: string };
      therapist: { verified: boolean; practiceName: string } | null;
    }>();
    expect(me.user.displayName).toBe('Dr Mensah');
    expect(me.therapist).toEqual({ verified: false, practiceName: 'Riverside Couples Practice' });
    const profile = await doctor.get('/api/therapist/profile');
    expect(profile.json()).toEqual({
      practiceName: 'Riverside Couples Practice',
      licence: 'LMFT 55501, Oregon',
      verified: false,
      verifiedAt: null,
    });
    // A partner's account says it is not a therapist's, and has no therapist profile.
    const partner = await t.signUp('Plain');
    expect((await partner.get('/api/auth/me')).json()).toMatchObject({ therapist: null });
    expect((await partner.get('/api/therapist/profile')).statusCode).toBe(404);
  });

  it('signs a therapist in with their kind of account', async () => {
    const doctor = await signUpTherapist();
    const again = t.client('again');
    const response = await again.post('/api/auth/signin', {
      email: doctor.email,
      password: TEST_PASSWORD,
    });
    expect(response.json()).toMatchObject({ therapist: { verified: false } });
  });

  it('refuses bad sign-up input with 400s naming the fields, and answers a taken email as a new one', async () => {
    const c = t.client('bad');
    const missing = await c.post('/api/therapist/signup', {
      displayName: 'X',
      email: 'x@example.test',
      password: TEST_PASSWORD,
      practiceName: '  ',
    });
    expect(missing.statusCode).toBe(400);
    const fields = missing.json<{ error: { fields: Record<string, string> } }>().error.fields;
    expect(fields.practiceName).toMatch(/practice/);
    expect(fields.licence).toBeDefined();
    const common = await c.post('/api/therapist/signup', {
      displayName: 'X',
      email: 'common@example.test',
      password: 'password123',
      practiceName: 'P',
      licence: 'L',
    });
    expect(common.statusCode).toBe(400);
    const doctor = await signUpTherapist();
    await t.deliver();
    const before = t.mailbox.to(doctor.email).length;
    const fresh = await c.post('/api/therapist/signup', {
      displayName: 'X',
      email: 'therapist-fresh@example.test',
      password: TEST_PASSWORD,
      practiceName: 'P',
      licence: 'L',
    });
    const taken = await c.post('/api/therapist/signup', {
      displayName: 'X',
      email: doctor.email.toUpperCase(),
      password: 'another long password here',
      practiceName: 'P',
      licence: 'L',
    });
    // Nothing in the answer tells the two apart (decision 0029), and nobody is signed in.
    expect(taken.statusCode).toBe(202);
    expect(taken.body).toBe(fresh.body);
    expect(Object.keys(taken.headers).sort()).toEqual(Object.keys(fresh.headers).sort());
    expect(taken.cookies).toHaveLength(0);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    // The owner hears of it by email; the new address gets the confirmation.
    await t.deliver();
    const [told] = t.mailbox.to(doctor.email).slice(before);
    expect(told?.subject).toBe('You already have an account');
    expect(t.mailbox.to('therapist-fresh@example.test')[0]?.subject).toBe(
      'Confirm your email address',
    );
    // The existing account keeps its password and practice details.
    const profile = await doctor.get('/api/therapist/profile');
    expect(profile.json()).toMatchObject({ practiceName: 'Riverside Couples Practice' });
    const wrong = await t.client('y').post('/api/auth/signin', {
      email: doctor.email,
      password: 'another long password here',
    });
    expect(wrong.statusCode).toBe(401);
  });

  it('lets a therapist change their practice details but not the verified mark', async () => {
    const doctor = await signUpTherapist();
    const updated = await doctor.put('/api/therapist/profile', {
      practiceName: 'Hillside Therapy',
      licence: 'LPC 777',
      verified: true,
    });
    expect(updated.json()).toMatchObject({ practiceName: 'Hillside Therapy', verified: false });
    const bad = await doctor.put('/api/therapist/profile', { practiceName: 'x'.repeat(200) });
    expect(bad.statusCode).toBe(400);
  });

  it('will not let a therapist create or join a space', async () => {
    const doctor = await signUpTherapist();
    const create = await doctor.post('/api/space');
    expect(create.statusCode).toBe(409);
    expect(create.json()).toMatchObject({ error: { code: 'therapist_account' } });
    const alone = await t.signUp('Alone');
    expectStatus(await alone.post('/api/space'), 201);
    const { token } = (await alone.post('/api/invites')).json<{ token: string }>();
    const join = await doctor.post('/api/invites/accept', { token });
    expect(join.json()).toMatchObject({ error: { code: 'therapist_account' } });
    expect((await doctor.get('/api/therapist')).statusCode).toBe(404);
    expect((await doctor.post('/api/therapist/invites')).statusCode).toBe(404);
  });
});

describe('the operator verifies a therapist (npm run therapist:verify)', () => {
  function io() {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
  }

  it('marks and unmarks, says when nothing changed, and names unknown or non-therapist emails', async () => {
    const doctor = await signUpTherapist();
    const db = t.database.db;
    let run = io();
    expect(await verifyTherapist(db, [doctor.email.toUpperCase()], run.io)).toBe(0);
    expect(run.out.join()).toMatch(/now shown to couples as verified/);
    expect((await doctor.get('/api/therapist/profile')).json()).toMatchObject({ verified: true });
    expect((await doctor.get('/api/auth/me')).json()).toMatchObject({
      therapist: { verified: true },
    });

    run = io();
    expect(await verifyTherapist(db, [doctor.email], run.io)).toBe(0);
    expect(run.out.join()).toMatch(/already/);
    // It shows what it is verifying before it marks.
    expect(run.out[0]).toMatch(/Name: +Dr Okafor/);
    expect(run.out[0]).toMatch(/Practice: +Riverside Couples Practice/);
    expect(run.out[0]).toMatch(/Licence: +LMFT 55501, Oregon/);

    run = io();
    expect(await verifyTherapist(db, [doctor.email, '--undo'], run.io)).toBe(0);
    expect((await doctor.get('/api/therapist/profile')).json()).toMatchObject({ verified: false });

    run = io();
    expect(await verifyTherapist(db, ['nobody@example.test'], run.io)).toBe(3);
    expect(run.err.join()).toMatch(/no account with the email nobody@example.test/);

    const partner = await t.signUp('Partner');
    run = io();
    expect(await verifyTherapist(db, [partner.email], run.io)).toBe(4);
    expect(run.err.join()).toMatch(/not a therapist's account/);

    run = io();
    expect(await verifyTherapist(db, [], run.io)).toBe(2);
    expect(run.err.join()).toMatch(/Usage/);
  });

  it('binds the mark to the name, practice and licence: any change clears it until verified again', async () => {
    const doctor = await signUpTherapist('Dr Lindqvist');
    const db = t.database.db;
    const verified = async () =>
      (await doctor.get('/api/therapist/profile')).json<{ verified: boolean }>().verified;
    const details = { practiceName: 'Riverside Couples Practice', licence: 'LMFT 55501, Oregon' };
    expect(await verifyTherapist(db, [doctor.email], io().io)).toBe(0);
    expect(await verified()).toBe(true);

    // Saving the same details keeps the mark.
    expectStatus(await doctor.put('/api/therapist/profile', details), 200);
    expect(await verified()).toBe(true);

    // A new practice, or a new licence, clears it: for couples too, and in the session.
    for (const change of [{ practiceName: 'Elsewhere Therapy' }, { licence: 'LPC 1, Nevada' }]) {
      const updated = await doctor.put('/api/therapist/profile', { ...details, ...change });
      expect(updated.json()).toMatchObject({ verified: false, verifiedAt: null });
      expect((await doctor.get('/api/auth/me')).json()).toMatchObject({
        therapist: { verified: false },
      });
      // Changing back does not bring it back: only the operator does.
      expectStatus(await doctor.put('/api/therapist/profile', details), 200);
      expect(await verified()).toBe(false);
      expect(await verifyTherapist(db, [doctor.email], io().io)).toBe(0);
      expect(await verified()).toBe(true);
    }

    // A change of name clears it as well, whatever code makes it (a trigger in the database).
    await db.update(users).set({ displayName: 'Dr L.' }).where(eq(users.id, doctor.userId));
    expect(await verified()).toBe(false);

    // The database refuses a mark that does not match the current details.
    await expect(
      db
        .update(therapistProfiles)
        .set({
          verifiedAt: new Date(),
          verifiedName: 'Dr L.',
          verifiedPractice: 'Some other practice',
          verifiedLicence: details.licence,
        })
        .where(eq(therapistProfiles.userId, doctor.userId)),
    ).rejects.toThrow();
    expect(await verified()).toBe(false);
  });

  it('marks nothing when the details changed after they were shown', async () => {
    const doctor = await signUpTherapist();
    const db = t.database.db;
    const found = await findTherapistByEmail(db, doctor.email);
    expect(found.found).toBe(true);
    if (!found.found) return;
    expectStatus(
      await doctor.put('/api/therapist/profile', {
        practiceName: 'Changed Meanwhile',
        licence: found.details.licence,
      }),
      200,
    );
    expect(await setTherapistVerified(db, found.details, true)).toBe('details-changed');
    expect((await doctor.get('/api/therapist/profile')).json()).toMatchObject({ verified: false });
  });
});

if (inject('dbEngine') === 'pglite')
  describe('the verify command as the operator runs it', () => {
    function run(args: string[], env: Record<string, string>) {
      return spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/therapist-verify.ts', ...args],
        {
          env,
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
    }

    it('explains its usage, and opens the configured embedded database', () => {
      const usage = run([], {});
      expect(usage.status).toBe(2);
      expect(usage.stderr).toMatch(/Usage: npm run therapist:verify -- <email>/);
      const dataDir = mkdtempSync(path.join(tmpdir(), 'hh-verify-'));
      try {
        const unknown = run(['nobody@example.test'], {
          DATA_DIR: dataDir,
          BACKUPS: 'false',
          NODE_ENV: 'development',
        });
        expect(unknown.stderr).toMatch(/There is no account with the email nobody@example.test/);
        expect(unknown.status).toBe(3);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }, 60_000);
  });

describe('the couple invites a therapist', () => {
  it('walks the whole way: invite, preview, claim, approvals, active, ended', async () => {
    const couple = await createCouple(t, ['Maya', 'Jon']);
    const doctor = await signUpTherapist('Dr Lindqvist');
    const link = await makeLink(couple.a);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the token's hash is kept.
    const [stored] = await t.database.db
      .select({ tokenHash: therapistLinks.tokenHash })
      .from(therapistLinks)
      .where(eq(therapistLinks.id, link.id));
    expect(stored!.tokenHash).not.toContain(link.token);

    expect((await linksOf(couple.b)).map((l) => l.state)).toEqual(['invited']);
    // Nobody can approve before they know who.
    const early = await approve(couple.b, link.id);
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { message: string } }>().error.message).toMatch(/once they have/);

    const preview = await t.client('anyone').post('/api/therapist/claim/preview', {
      token: link.token,
    });
    expect(preview.json()).toEqual({
      inviterName: 'Maya',
      expiresAt: expect.any(String) as string,
    });

    const claim = await doctor.post('/api/therapist/claim', { token: link.token });
    expect(claim.json()).toMatchObject({ id: link.id, state: 'pending', inviterName: 'Maya' });
    // The link works once.
    expect((await doctor.post('/api/therapist/claim', { token: link.token })).statusCode).toBe(404);
    expect(
      (await t.client('x').post('/api/therapist/claim/preview', { token: link.token })).statusCode,
    ).toBe(404);

    // Pending: the therapist sees the inviter's name only, and cannot reach the couple.
    const pending = (await doctor.get('/api/therapist/links')).json<{ links: unknown[] }>();
    expect(pending.links).toEqual([
      {
        id: link.id,
        state: 'pending',
        claimedAt: expect.any(String) as string,
        inviterName: 'Maya',
      },
    ]);
    expect((await doctor.get(`/api/therapist/links/${link.id}`)).statusCode).toBe(404);

    const [awaiting] = await linksOf(couple.a);
    expect(awaiting).toMatchObject({
      state: 'awaiting',
      therapist: {
        displayName: 'Dr Lindqvist',
        practiceName: 'Riverside Couples Practice',
        verified: false,
      },
      approved: { me: false, partner: false },
    });

    // Approving needs a recent step-up, as inviting does; without one nothing changes.
    await t.database.db.update(sessionStepUps).set({ steppedUpAt: null });
    const unconfirmed = await couple.b.post(`/api/therapist/links/${link.id}/approve`);
    expect(unconfirmed.statusCode).toBe(403);
    expect(unconfirmed.json()).toMatchObject({ error: { code: 'step_up_required' } });
    expect(await linksOf(couple.b)).toMatchObject([{ approved: { me: false, partner: false } }]);

    // Partner B approves first (any order), twice (idempotent).
    for (let i = 0; i < 2; i++) {
      const approved = await approve(couple.b, link.id);
      expect(approved.json()).toMatchObject({
        links: [{ state: 'awaiting', approved: { me: true, partner: false } }],
      });
    }
    expect(await linksOf(couple.a)).toMatchObject([{ approved: { me: false, partner: true } }]);
    expect((await doctor.get(`/api/therapist/links/${link.id}`)).statusCode).toBe(404);

    const both = await approve(couple.a, link.id);
    expect(both.json()).toMatchObject({ links: [{ state: 'active' }] });
    const active = await doctor.get(`/api/therapist/links/${link.id}`);
    expect(active.statusCode).toBe(200);
    expect(active.json()).toMatchObject({ state: 'active', partnerNames: ['Maya', 'Jon'] });

    // Either partner ends it; the therapist's very next request is refused.
    const ended = await couple.b.post(`/api/therapist/links/${link.id}/revoke`);
    expect(ended.json()).toMatchObject({ links: [{ state: 'ended', endedByMe: true }] });
    expect((await doctor.get(`/api/therapist/links/${link.id}`)).statusCode).toBe(404);
    expect((await doctor.get('/api/therapist/links')).json()).toEqual({
      links: [{ id: link.id, state: 'ended', claimedAt: expect.any(String) as string }],
    });
    expect(await linksOf(couple.a)).toMatchObject([{ state: 'ended', endedByMe: false }]);
    // Ending again is harmless; approving an ended link is refused and does not revive it.
    expectStatus(await couple.a.post(`/api/therapist/links/${link.id}/revoke`), 200);
    const revive = await approve(couple.a, link.id);
    expect(revive.statusCode).toBe(409);
    expect((await doctor.get(`/api/therapist/links/${link.id}`)).statusCode).toBe(404);
  });

  it('needs approvals given after the therapist claimed: the inviter ends it alone too', async () => {
    const couple = await createCouple(t);
    const { doctor, link } = await claimed(couple);
    expectStatus(await approve(couple.a, link.id), 200);
    expectStatus(await approve(couple.b, link.id), 200);
    expectStatus(await doctor.get(`/api/therapist/links/${link.id}`), 200);
    expectStatus(await couple.a.post(`/api/therapist/links/${link.id}/revoke`), 200);
    expect((await doctor.get(`/api/therapist/links/${link.id}`)).statusCode).toBe(404);
  });

  it('goes inactive when a partner leaves, and a new partner must approve', async () => {
    const couple = await createCouple(t);
    const { doctor, link } = await claimed(couple);
    expectStatus(await approve(couple.a, link.id), 200);
    expectStatus(await approve(couple.b, link.id), 200);
    expectStatus(await doctor.get(`/api/therapist/links/${link.id}`), 200);

    expectStatus(await couple.b.post('/api/space/leave'), 200);
    expect((await doctor.get(`/api/therapist/links/${link.id}`)).statusCode).toBe(404);
    expect(await linksOf(couple.a)).toMatchObject([
      { state: 'awaiting', approved: { me: true, partner: null } },
    ]);
    expect((await doctor.get('/api/therapist/links')).json()).toMatchObject({
      links: [{ state: 'pending' }],
    });

    const newcomer = await t.signUp('Newcomer');
    const { token } = (await couple.a.post('/api/invites')).json<{ token: string }>();
    expectStatus(await newcomer.post('/api/invites/accept', { token }), 200);
    expect(await linksOf(newcomer)).toMatchObject([
      { state: 'awaiting', approved: { me: false, partner: true } },
    ]);
    expect((await doctor.get(`/api/therapist/links/${link.id}`)).statusCode).toBe(404);
    expectStatus(await approve(newcomer, link.id), 200);
    expect((await doctor.get(`/api/therapist/links/${link.id}`)).json()).toMatchObject({
      partnerNames: ['Alex', 'Newcomer'],
    });
    // The one who left sees nothing of it any more.
    expect((await couple.b.get('/api/therapist')).statusCode).toBe(404);
  });

  it('cancels an unclaimed link, which then cannot be claimed; a claimed one is not cancelled', async () => {
    const couple = await createCouple(t);
    const doctor = await signUpTherapist();
    const link = await makeLink(couple.a);
    expectStatus(await couple.b.delete(`/api/therapist/invites/${link.id}`), 200);
    expect(await linksOf(couple.a)).toEqual([]);
    expect((await doctor.post('/api/therapist/claim', { token: link.token })).statusCode).toBe(404);
    expect((await couple.a.delete(`/api/therapist/invites/${link.id}`)).statusCode).toBe(404);

    const other = await claimed(couple, doctor);
    expect((await couple.a.delete(`/api/therapist/invites/${other.link.id}`)).statusCode).toBe(404);
  });

  it('refuses an expired link, an unknown one, and a second link from the same couple', async () => {
    const couple = await createCouple(t);
    const doctor = await signUpTherapist();
    const link = await makeLink(couple.a);
    await t.database.db
      .update(therapistLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(therapistLinks.id, link.id));
    expect((await doctor.post('/api/therapist/claim', { token: link.token })).statusCode).toBe(404);
    expect(await linksOf(couple.a)).toEqual([]);
    const unknown = await doctor.post('/api/therapist/claim', { token: 'a'.repeat(43) });
    expect(unknown.statusCode).toBe(404);

    await claimed(couple, doctor);
    const second = await makeLink(couple.b);
    const again = await doctor.post('/api/therapist/claim', { token: second.token });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a claim from a partner account with a clear, typed error', async () => {
    const couple = await createCouple(t);
    const link = await makeLink(couple.a);
    const plain = await t.signUp('NotATherapist');
    const response = await plain.post('/api/therapist/claim', { token: link.token });
    expect(response.statusCode).toBe(409);
    const body = response.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe('not_a_therapist');
    expect(body.error.message).toMatch(/therapist account/);
    // The link is still usable by a therapist.
    const doctor = await signUpTherapist();
    expectStatus(await doctor.post('/api/therapist/claim', { token: link.token }), 200);
    // Signed out: 401.
    expect(
      (await t.client('anon').post('/api/therapist/claim', { token: link.token })).statusCode,
    ).toBe(401);
  });

  it("answers bad input with 400s, and other spaces' links with 404s", async () => {
    const couple = await createCouple(t);
    const stranger = (await createCouple(t, ['Ana', 'Ben'])).a;
    const { link } = await claimed(couple);
    for (const response of [
      await couple.a.post('/api/therapist/links/not-an-id/approve'),
      await couple.a.post('/api/therapist/links/not-an-id/revoke'),
      await couple.a.delete('/api/therapist/invites/123'),
      await t.client('x').post('/api/therapist/claim/preview', { token: 'short' }),
      await t.client('x').post('/api/therapist/claim/preview', {}),
    ]) {
      expect(response.statusCode).toBe(400);
    }
    expect((await approve(stranger, link.id)).statusCode).toBe(404);
    expect((await stranger.post(`/api/therapist/links/${link.id}/revoke`)).statusCode).toBe(404);
    expect(await linksOf(couple.a)).toMatchObject([{ state: 'awaiting' }]);
  });

  it('shows "verified by the operator" to the couple once the operator marks the therapist', async () => {
    const couple = await createCouple(t);
    const { doctor } = await claimed(couple);
    expect(
      await verifyTherapist(t.database.db, [doctor.email], { out: () => {}, err: () => {} }),
    ).toBe(0);
    expect(await linksOf(couple.a)).toMatchObject([{ therapist: { verified: true } }]);
    // A new licence clears the mark for the couple too.
    expectStatus(
      await doctor.put('/api/therapist/profile', {
        practiceName: 'Riverside Couples Practice',
        licence: 'Something else',
      }),
      200,
    );
    expect(await linksOf(couple.a)).toMatchObject([{ therapist: { verified: false } }]);
  });

  it('offers no new link while a therapist is active, with a clear 409; after ending, it does', async () => {
    const couple = await createCouple(t);
    const { link } = await claimed(couple);
    // Claimed but not yet approved: another link may still be made.
    const spare = await makeLink(couple.b);
    expectStatus(await couple.b.delete(`/api/therapist/invites/${spare.id}`), 200);
    expectStatus(await approve(couple.a, link.id), 200);
    expectStatus(await approve(couple.b, link.id), 200);
    for (const partner of [couple.a, couple.b]) {
      await stepUp(partner);
      const refused = await partner.post('/api/therapist/invites');
      expect(refused.statusCode).toBe(409);
      const { error } = refused.json<{ error: { code: string; message: string } }>();
      expect(Object.keys(refused.json<object>())).toEqual(['error']);
      expect(error.code).toBe('conflict');
      expect(error.message).toMatch(/already have a therapist.*end the current link/);
    }
    expect(await linksOf(couple.a)).toMatchObject([{ state: 'active' }]);
    expectStatus(await couple.a.post(`/api/therapist/links/${link.id}/revoke`), 200);
    await makeLink(couple.a);
  });
});

if (inject('dbEngine') === 'postgres')
  describe('concurrency on PostgreSQL', () => {
    it('never leaves a link active when approve and revoke race', async () => {
      for (let round = 0; round < 8; round++) {
        const couple = await createCouple(t);
        const { doctor, link } = await claimed(couple);
        expectStatus(await approve(couple.a, link.id), 200);
        await stepUp(couple.b);
        const [approved, revoke] = await Promise.all([
          couple.b.post(`/api/therapist/links/${link.id}/approve`),
          couple.a.post(`/api/therapist/links/${link.id}/revoke`),
        ]);
        expect(revoke.statusCode).toBe(200);
        expect([200, 409]).toContain(approved.statusCode);
        expect((await doctor.get(`/api/therapist/links/${link.id}`)).statusCode).toBe(404);
        expect(await linksOf(couple.b)).toMatchObject([{ state: 'ended' }]);
      }
    });
  });
