import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jointWorkHolds } from '#server/db/schema/index.ts';
import { createCouple, createTestApp, expectStatus, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type State = {
  neutralTab: boolean;
  inSpace: boolean;
  pausedByMe: boolean;
  jointWork: 'open' | 'paused';
  region: string | null;
};

describe('support resources', () => {
  it('lists the services of a region, to anyone, by region or country code', async () => {
    const anonymous = t.client('anonymous');
    const gb = (await anonymous.get('/api/safety/resources?region=GB')).json<{
      region: { id: string };
      services: { name: string; verified: string; source: string }[];
      regions: { id: string }[];
    }>();
    expect(gb.region.id).toBe('GB');
    expect(gb.services.map((s) => s.name)).toContain('Samaritans');
    for (const service of gb.services) {
      expect(service.verified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(service.source).toMatch(/^https:\/\//);
    }
    const germany = (await anonymous.get('/api/safety/resources?region=de')).json<{
      region: { id: string };
    }>();
    expect(germany.region.id).toBe('EU');
    expect(gb.regions.map((r) => r.id)).toEqual(expect.arrayContaining(['US', 'GB', 'INTL']));
  });

  it('falls back to the general advice for a region it does not know, or none', async () => {
    const anonymous = t.client('anonymous');
    for (const url of ['/api/safety/resources?region=ZZ', '/api/safety/resources']) {
      const body = (await anonymous.get(url)).json<{ region: { id: string } }>();
      expect(body.region.id).toBe('INTL');
    }
  });

  it('refuses a region that is not a code, naming the field', async () => {
    const response = await t
      .client('anonymous')
      .get('/api/safety/resources?region=Great%20Britain');
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: { fields: Record<string, string> } }>();
    expect(body.error.fields['querystring.region']).toMatch(/region/);
  });
});

describe('pausing shared exercises ("I don’t feel safe")', () => {
  it('pauses joint work for both, and only the one who paused can resume it', async () => {
    const { a, b } = await createCouple(t);
    expect((await a.get('/api/safety')).json<State>()).toEqual({
      inSpace: true,
      pausedByMe: false,
      jointWork: 'open',
      region: null,
      neutralTab: false,
    });

    const paused = await a.post('/api/safety/pause');
    expectStatus(paused, 200);
    expect(paused.json<State>()).toMatchObject({ pausedByMe: true, jointWork: 'paused' });
    // The partner sees the same neutral state, and nothing about who paused or when.
    const seenByB = await b.get('/api/safety');
    expect(seenByB.json<State>()).toEqual({
      inSpace: true,
      pausedByMe: false,
      jointWork: 'paused',
      region: null,
      neutralTab: false,
    });
    expect(seenByB.body).not.toContain(a.userId);

    // The partner's resume lifts only their own pauses (they have none).
    expect((await b.post('/api/safety/resume')).json<State>().jointWork).toBe('paused');
    expect((await a.post('/api/safety/resume')).json<State>()).toMatchObject({
      pausedByMe: false,
      jointWork: 'open',
    });
    expect((await b.get('/api/safety')).json<State>().jointWork).toBe('open');
  });

  it('keeps one pause however often it is pressed, even at once', async () => {
    const { a } = await createCouple(t);
    await Promise.all([a.post('/api/safety/pause'), a.post('/api/safety/pause')]);
    expectStatus(await a.post('/api/safety/pause'), 200);
    const holds = await t.database.db
      .select()
      .from(jointWorkHolds)
      .where(and(eq(jointWorkHolds.userId, a.userId), isNull(jointWorkHolds.liftedAt)));
    expect(holds).toHaveLength(1);
  });

  it('holds while both have paused, until each has resumed', async () => {
    const { a, b } = await createCouple(t);
    await a.post('/api/safety/pause');
    await b.post('/api/safety/pause');
    expect((await a.post('/api/safety/resume')).json<State>()).toMatchObject({
      pausedByMe: false,
      jointWork: 'paused',
    });
    expect((await b.post('/api/safety/resume')).json<State>().jointWork).toBe('open');
  });

  it('works for someone not in a space yet: nothing to pause, resources still there', async () => {
    const solo = await t.signUp('Solo');
    expect((await solo.post('/api/safety/pause')).json<State>()).toEqual({
      inSpace: false,
      pausedByMe: false,
      jointWork: 'open',
      region: null,
      neutralTab: false,
    });
  });
});

describe('region setting', () => {
  it('saves my region, private to me, and refuses one we do not list', async () => {
    const { a, b } = await createCouple(t);
    expect((await a.put('/api/safety/region', { region: 'gb' })).json<State>().region).toBe('GB');
    expect((await b.get('/api/safety')).json<State>().region).toBeNull();
    const unknown = await a.put('/api/safety/region', { region: 'ZZ' });
    expect(unknown.statusCode).toBe(400);
    const body = unknown.json<{ error: { code: string; fields: Record<string, string> } }>();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields.region).toMatch(/region/);
    expect((await a.put('/api/safety/region', { region: null })).json<State>().region).toBeNull();
  });
});

describe('crisis phrases in anything written', () => {
  it('offers support to the writer, lets the write go ahead, and logs only that', async () => {
    const { a, b } = await createCouple(t);
    const before = t.logs.lines.length;
    const phrase = 'some nights I want to die';
    const written = await a.put('/api/safety/region', { region: 'GB', note: phrase });
    expect(written.statusCode).toBe(200);
    expect(written.headers['x-support-suggested']).toBe('1');
    // Even a refused write offers support: it is never a gate.
    const refused = await a.put('/api/safety/region', { region: phrase });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['x-support-suggested']).toBe('1');
    // Nothing reaches the partner, and the log holds no words.
    const partnerView = await b.get('/api/safety');
    expect(partnerView.headers['x-support-suggested']).toBeUndefined();
    const log = t.logs.lines.slice(before).join('');
    expect(log).toContain('support resources shown');
    expect(log).not.toContain('want to die');
  });

  it('stays quiet for ordinary words, and never looks at account routes', async () => {
    const a = await t.signUp('Quiet');
    const ordinary = await a.put('/api/safety/region', { region: 'GB', note: 'a long walk' });
    expect(ordinary.headers['x-support-suggested']).toBeUndefined();
    const signIn = await t.client('x').post('/api/auth/signin', {
      email: a.email,
      password: 'i want to die',
    });
    expect(signIn.headers['x-support-suggested']).toBeUndefined();
  });
});

describe('a neutral browser tab', () => {
  it('keeps my choice for me alone, and refuses anything but on or off', async () => {
    const { a, b } = await createCouple(t);
    expect((await a.put('/api/safety/tab', { neutral: true })).json<State>().neutralTab).toBe(true);
    expect((await a.get('/api/safety')).json<State>().neutralTab).toBe(true);
    expect((await b.get('/api/safety')).json<State>().neutralTab).toBe(false);
    const bad = await a.put('/api/safety/tab', { neutral: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json<{ error: { fields: object } }>().error.fields)).toEqual([
      'neutral',
    ]);
    expect((await a.put('/api/safety/tab', { neutral: false })).json<State>().neutralTab).toBe(
      false,
    );
  });
});
