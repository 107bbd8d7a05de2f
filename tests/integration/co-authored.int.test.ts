import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAcceptance } from '#shared/schemas/co-authored.ts';
import type {
  TCurrentPlan,
  TPlanCompare,
  TPlanResponse,
  TPlanSections,
  TPlanVersions,
} from '#shared/schemas/triggers.ts';
import { diffSide } from '#shared/word-diff.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  holdJointWork,
  linkTherapist,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';

/**
 * The co-authored item core (`src/server/policy/co-authored.ts`), through its first user, the
 * couple's trigger plan: both members write, every change is a version, a stale write gets 412
 * with the item as it is now, "we both accept this exact version", and a word diff between any
 * two versions. Runs on PGlite and on PostgreSQL.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const BASE: TPlanSections = {
  signs: 'I go quiet and my hands get cold.',
  signal: 'I say "red hat".',
  response: 'You stop and stay with me.',
  timeOut: 'Twenty minutes apart.',
  afterwards: 'A short walk.',
};

async function readPlan(who: TestClient): Promise<TPlanResponse> {
  const response = await who.get('/api/triggers/plan');
  expectStatus(response, 200);
  return response.json<TPlanResponse>();
}

async function save(who: TestClient, version: number, sections: TPlanSections) {
  return who.put('/api/triggers/plan', { sections }, { 'if-match': `"${version}"` });
}

async function saved(who: TestClient, version: number, sections: TPlanSections) {
  const response = await save(who, version, sections);
  expectStatus(response, 200);
  return response.json<{ plan: TCurrentPlan }>().plan;
}

const accept = (who: TestClient, version: number) =>
  who.put('/api/triggers/plan/acceptance', {}, { 'if-match': `"${version}"` });
const withdraw = (who: TestClient) => who.delete('/api/triggers/plan/acceptance');
const acceptanceIn = (response: { json: <T>() => T }) =>
  response.json<{ acceptance: TAcceptance }>().acceptance;

describe('a co-authored item', () => {
  it('is written by both members, one new version per change with its author, nothing overwritten', async () => {
    const { a, b } = await createCouple(t);
    const one = await saved(a, 0, BASE);
    const two = await saved(b, 1, { ...BASE, response: 'You stop, stay with me and listen.' });
    const three = await saved(a, 2, { ...two.sections, afterwards: 'A short walk and tea.' });
    expect([one.version, two.version, three.version]).toEqual([1, 2, 3]);
    expect(three.updatedBy).toEqual({ name: 'Alex', mine: true });

    const history = (await b.get(`/api/triggers/plans/${one.id}/versions`)).json<TPlanVersions>();
    expect(history.versions.map((v) => [v.version, v.author.name, v.author.mine])).toEqual([
      [3, 'Alex', false],
      [2, 'Sam', true],
      [1, 'Alex', false],
    ]);
    // The first version is still as Alex wrote it.
    expect(history.versions[2]!.sections).toEqual(BASE);
    for (const version of history.versions) {
      expect(Date.parse(version.createdAt)).not.toBeNaN();
    }
  });

  it('answers a stale write with 412 and the item as it is now, and writes nothing', async () => {
    const { a, b } = await createCouple(t);
    await saved(a, 0, BASE);
    const bNewer = await saved(b, 1, { ...BASE, signal: 'I touch your arm twice.' });
    const stale = await save(a, 1, { ...BASE, signs: 'Typed while Sam saved.' });
    expect(stale.statusCode).toBe(412);
    const body = stale.json<{ error: { code: string; message: string; current: TCurrentPlan } }>();
    expect(body.error.code).toBe('precondition_failed');
    expect(body.error.message).toMatch(/\S/);
    expect(body.error.current).toMatchObject({
      id: bNewer.id,
      version: 2,
      sections: bNewer.sections,
      updatedBy: { name: 'Sam', mine: false },
      acceptance: { version: 2, mine: false, partner: false, both: false },
    });
    expect((await readPlan(b)).plan.sections).toEqual(bNewer.sections);
  });

  it('records "we both accept this exact version", and a newer version ends it', async () => {
    const { a, b } = await createCouple(t);
    const first = await saved(a, 0, BASE);
    expect(first.acceptance).toEqual({ version: 1, mine: false, partner: false, both: false });

    const aAccepts = await accept(a, 1);
    expectStatus(aAccepts, 200);
    expect(aAccepts.headers.etag).toBe('"1"');
    expect(acceptanceIn(aAccepts)).toEqual({ version: 1, mine: true, partner: false, both: false });
    expect((await readPlan(b)).plan.acceptance).toEqual({
      version: 1,
      mine: false,
      partner: true,
      both: false,
    });
    // Accepting twice changes nothing.
    expect(acceptanceIn(await accept(a, 1))).toMatchObject({ mine: true, both: false });

    const bAccepts = await accept(b, 1);
    expectStatus(bAccepts, 200);
    expect(acceptanceIn(bAccepts)).toEqual({ version: 1, mine: true, partner: true, both: true });
    expect((await readPlan(a)).plan.acceptance.both).toBe(true);

    // Sam changes one word: a new version, which nobody has accepted yet.
    const second = await saved(b, 1, { ...BASE, timeOut: 'Thirty minutes apart.' });
    expect(second.acceptance).toEqual({ version: 2, mine: false, partner: false, both: false });
    expect((await readPlan(a)).plan.acceptance).toEqual(second.acceptance);

    // Accepting the version one read before the change is stale: 412 with the plan as it is now.
    const stale = await accept(a, 1);
    expect(stale.statusCode).toBe(412);
    const staleBody = stale.json<{
      error: { code: string; message: string; current: TCurrentPlan };
    }>().error;
    expect(staleBody.code).toBe('precondition_failed');
    expect(staleBody.message).toMatch(/before you agree/);
    expect(staleBody.current).toMatchObject({ version: 2, sections: second.sections });
    expect((await accept(a, 7)).statusCode).toBe(412);

    // Both accept version 2; then Alex withdraws, and it is no longer agreed.
    expectStatus(await accept(a, 2), 200);
    expect(acceptanceIn(await accept(b, 2)).both).toBe(true);
    const withdrawn = await withdraw(a);
    expectStatus(withdrawn, 200);
    expect(acceptanceIn(withdrawn)).toEqual({
      version: 2,
      mine: false,
      partner: true,
      both: false,
    });
    expect((await readPlan(b)).plan.acceptance).toEqual({
      version: 2,
      mine: true,
      partner: false,
      both: false,
    });
    // Withdrawing what one has not accepted is harmless.
    expect(acceptanceIn(await withdraw(a)).mine).toBe(false);
  });

  it('needs both people and something written before anyone can accept', async () => {
    const alone = await t.signUp('Ari');
    expectStatus(await alone.post('/api/space'), 201);
    await saved(alone, 0, BASE);
    const solo = await accept(alone, 1);
    expect(solo.statusCode).toBe(409);
    expect(solo.json<{ error: { code: string } }>().error.code).toBe('conflict');
    expect((await readPlan(alone)).plan.acceptance).toEqual({
      version: 1,
      mine: false,
      partner: false,
      both: false,
    });

    const { a } = await createCouple(t);
    expect((await accept(a, 0)).statusCode).toBe(409);
    expect((await accept(a, 1)).statusCode).toBe(412);
    expect((await a.put('/api/triggers/plan/acceptance', {})).statusCode).toBe(428);
    expect(acceptanceIn(await withdraw(a))).toEqual({
      version: 0,
      mine: false,
      partner: false,
      both: false,
    });
  });

  it('holds accepting while joint work is paused, never withdrawing', async () => {
    const { a, b } = await createCouple(t);
    await saved(a, 0, BASE);
    expectStatus(await accept(a, 1), 200);
    const lift = await holdJointWork(t, b);
    const held = await accept(b, 1);
    expect(held.statusCode).toBe(409);
    expect(held.json<{ error: { code: string } }>().error.code).toBe('joint_work_paused');
    expectStatus(await withdraw(a), 200);
    await lift();
    expectStatus(await accept(b, 1), 200);
  });

  it('compares any two versions word by word, and the diff gives both texts back', async () => {
    const { a, b } = await createCouple(t);
    const one = await saved(a, 0, BASE);
    await saved(b, 1, { ...BASE, signs: 'I go very quiet and my hands get cold.' });
    await saved(a, 2, {
      ...BASE,
      signs: 'I go very quiet and my hands get cold.',
      afterwards: 'A short walk, then tea on the sofa.',
    });

    const compared = await b.get(`/api/triggers/plans/${one.id}/compare?from=1&to=3`);
    expectStatus(compared, 200);
    const body = compared.json<TPlanCompare>();
    expect(body.from).toMatchObject({ version: 1, author: { name: 'Alex', mine: false } });
    expect(body.to.version).toBe(3);
    expect(body.diff.signs).toEqual([
      { op: 'same', text: 'I go ' },
      { op: 'added', text: 'very ' },
      { op: 'same', text: 'quiet and my hands get cold.' },
    ]);
    expect(body.diff.signal).toEqual([{ op: 'same', text: BASE.signal }]);
    for (const section of ['signs', 'signal', 'response', 'timeOut', 'afterwards'] as const) {
      expect(diffSide(body.diff[section], 'removed')).toBe(body.from.sections[section]);
      expect(diffSide(body.diff[section], 'added')).toBe(body.to.sections[section]);
    }
    // Either order; a version against itself shows no change.
    const backwards = (
      await a.get(`/api/triggers/plans/${one.id}/compare?from=3&to=1`)
    ).json<TPlanCompare>();
    expect(diffSide(backwards.diff.afterwards, 'added')).toBe(BASE.afterwards);
    const same = (
      await a.get(`/api/triggers/plans/${one.id}/compare?from=2&to=2`)
    ).json<TPlanCompare>();
    expect(
      Object.values(same.diff)
        .flat()
        .every((part) => part.op === 'same'),
    ).toBe(true);

    // A version that does not exist is a 404; a bad number names the field.
    expect((await a.get(`/api/triggers/plans/${one.id}/compare?from=1&to=4`)).statusCode).toBe(404);
    const bad = await a.get(`/api/triggers/plans/${one.id}/compare?from=0&to=x`);
    expect(bad.statusCode).toBe(400);
    expect(
      Object.keys(bad.json<{ error: { fields: Record<string, string> } }>().error.fields),
    ).toEqual(expect.arrayContaining(['querystring.from', 'querystring.to']));
  });

  it('shows nothing to an outsider, a former partner or the couple’s therapist (404)', async () => {
    const { a, b } = await createCouple(t);
    const plan = await saved(a, 0, BASE);
    await saved(b, 1, { ...BASE, signs: 'Changed by Sam.' });
    expectStatus(await accept(a, 2), 200);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    const { a: stranger } = await createCouple(t, ['Robin', 'Kim']);
    await saved(stranger, 0, { ...BASE, signs: 'Their own plan.' });

    for (const outsider of [stranger, therapist]) {
      expect((await outsider.get(`/api/triggers/plans/${plan.id}/versions`)).statusCode).toBe(404);
      expect(
        (await outsider.get(`/api/triggers/plans/${plan.id}/compare?from=1&to=2`)).statusCode,
      ).toBe(404);
    }
    // The therapist has no space: every plan route is a 404, never a 403.
    expect((await therapist.get('/api/triggers/plan')).statusCode).toBe(404);
    expect((await accept(therapist, 2)).statusCode).toBe(404);
    expect((await withdraw(therapist)).statusCode).toBe(404);
    // The stranger's accept and withdraw reach only their own plan.
    const theirs = await accept(stranger, 1);
    expectStatus(theirs, 200);
    expect(acceptanceIn(theirs)).toEqual({ version: 1, mine: true, partner: false, both: false });
    expect((await readPlan(a)).plan.acceptance).toMatchObject({ mine: true, version: 2 });

    // After Sam leaves, Sam reads and accepts nothing; Alex keeps the plan as history.
    expectStatus(await b.post('/api/space/leave'), 200);
    expect((await b.get(`/api/triggers/plans/${plan.id}/compare?from=1&to=2`)).statusCode).toBe(
      404,
    );
    expect((await accept(b, 2)).statusCode).toBe(404);
    expectStatus(await a.get(`/api/triggers/plans/${plan.id}/compare?from=1&to=2`), 200);
  });
});
