import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TOverview,
  TReaderLetter,
  TReflection,
  TWriterLetter,
} from '#shared/schemas/impact-letter.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  holdJointWork,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';

type Person = TestClient & { email: string; userId: string };

const BASE = '/api/impact-letter';
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

const LETTER = {
  whatHappened: 'I found the messages on a Tuesday evening, after the children were asleep.',
  howItAffectedMe: 'I stopped sleeping. I keep checking my own memory of the last two years.',
  whatINeedNow: 'I need honest answers when I ask, and time without being rushed.',
};

const REFLECTION = {
  paraphrase: 'You found out alone, late at night, and you have not slept properly since.',
  acknowledgement: 'It made you doubt your own memory of two whole years of our life.',
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const ifMatch = (version: number | null | undefined) => ({ 'if-match': `"${version ?? 0}"` });

async function overview(person: TestClient): Promise<TOverview> {
  const response = await person.get(BASE);
  expectStatus(response, 200);
  return response.json<TOverview>();
}

async function startLetter(person: TestClient, replacing: string | null = null) {
  const response = await person.post(`${BASE}/letters`, { replacing });
  expectStatus(response, 201);
  return response.json<TWriterLetter>();
}

async function saveLetter(person: TestClient, letter: TWriterLetter, body = LETTER) {
  const response = await person.put(`${BASE}/letters/${letter.id}`, body, ifMatch(letter.version));
  expectStatus(response, 200);
  return response.json<TWriterLetter>();
}

async function shareLetter(person: TestClient, letter: TWriterLetter) {
  const response = await person.post(
    `${BASE}/letters/${letter.id}/share`,
    {},
    ifMatch(letter.version),
  );
  expectStatus(response, 200);
  return response.json<TWriterLetter>();
}

/** A writes a letter and shares it with B. */
async function sharedLetter(a: Person) {
  return shareLetter(a, await saveLetter(a, await startLetter(a)));
}

async function startReflection(person: TestClient, letterId: string, body = REFLECTION) {
  const response = await person.post(`${BASE}/letters/${letterId}/reflections`, body);
  expectStatus(response, 201);
  return response.json<TReflection>();
}

async function sendReflection(person: TestClient, reflection: TReflection) {
  const response = await person.post(
    `${BASE}/reflections/${reflection.id}/send`,
    {},
    ifMatch(reflection.version),
  );
  expectStatus(response, 200);
  return response.json<TReflection>();
}

async function mark(
  person: TestClient,
  reflection: TReflection,
  part: 'paraphrase' | 'acknowledgement',
  body: { mark: 'understood' | 'not_yet'; note?: string },
) {
  return person.put(
    `${BASE}/reflections/${reflection.id}/marks/${part}`,
    body,
    ifMatch(reflection.marks[part]?.version),
  );
}

function expectNotFound(response: LightMyRequestResponse) {
  expectStatus(response, 404);
  expect(response.json()).toEqual({
    error: { code: 'not_found', message: expect.any(String) as string },
  });
}

function fieldsOf(response: LightMyRequestResponse): Record<string, string> {
  return response.json<{ error: { fields: Record<string, string> } }>().error.fields;
}

describe('impact letter: drafts are private', () => {
  it('a draft is invisible to the partner: every route answers 404 and the list does not change', async () => {
    const { a, b } = await createCouple(t);
    const before = (await b.get(BASE)).body;
    const letter = await saveLetter(a, await startLetter(a));

    expect((await b.get(BASE)).body).toBe(before);
    expect(JSON.parse(before)).toEqual({
      jointWorkOpen: true,
      myRoles: [],
      mine: [],
      fromPartner: [],
    });
    const unknown = await b.get(`${BASE}/letters/${NO_SUCH_ID}`);
    expectNotFound(unknown);
    for (const response of [
      await b.get(`${BASE}/letters/${letter.id}`),
      await b.get(`${BASE}/letters/${letter.id}/versions/1`),
      await b.put(`${BASE}/letters/${letter.id}`, LETTER, ifMatch(letter.version)),
      await b.post(`${BASE}/letters/${letter.id}/share`, {}, ifMatch(letter.version)),
      await b.post(`${BASE}/letters/${letter.id}/unshare`),
      await b.post(`${BASE}/letters/${letter.id}/reflections`, REFLECTION),
    ]) {
      expectNotFound(response);
      expect(response.body).toBe(unknown.body);
    }

    // The writer sees their draft, with its version as an ETag.
    const own = await a.get(`${BASE}/letters/${letter.id}`);
    expectStatus(own, 200);
    expect(own.headers.etag).toBe(`"${letter.version}"`);
    expect(own.json<TWriterLetter>()).toMatchObject({
      view: 'writer',
      draft: LETTER,
      visibility: 'private',
      versions: [],
      hasUnsharedChanges: true,
    });
  });

  it('a stranger and a signed-out visitor see nothing either', async () => {
    const { a } = await createCouple(t);
    const letter = await sharedLetter(a);
    const stranger = await t.signUp('Stranger');
    expectStatus(await stranger.post('/api/space'), 201);
    expectNotFound(await stranger.get(`${BASE}/letters/${letter.id}`));
    expectNotFound(await stranger.get(`${BASE}/letters/${letter.id}/versions/1`));
    expect(await overview(stranger)).toEqual({
      jointWorkOpen: true,
      myRoles: [],
      mine: [],
      fromPartner: [],
    });
    expectStatus(await t.client('anon').get(`${BASE}/letters/${letter.id}`), 401);
  });
});

describe('impact letter: sharing', () => {
  it('the partner reads what was shared, never the draft that follows, until it is shared too', async () => {
    const { a, b } = await createCouple(t);
    const shared = await sharedLetter(a);
    expect(shared).toMatchObject({ visibility: 'partner', hasUnsharedChanges: false });
    expect(shared.versions.map((v) => v.number)).toEqual([1]);

    const list = await overview(b);
    expect(list.mine).toEqual([]);
    expect(list.fromPartner).toEqual([expect.objectContaining({ id: shared.id, versionCount: 1 })]);
    const read = await b.get(`${BASE}/letters/${shared.id}`);
    expectStatus(read, 200);
    expect(read.headers.etag).toBeUndefined();
    const reader = read.json<TReaderLetter>();
    expect(reader).toMatchObject({ view: 'reader', latest: { ...LETTER, number: 1 } });
    expect(reader).not.toHaveProperty('draft');
    expect(reader).not.toHaveProperty('version');

    // The writer keeps editing: saved privately, the partner's view does not change at all.
    const readerBefore = read.body;
    const listBefore = (await b.get(BASE)).body;
    const edited = await saveLetter(a, shared, { ...LETTER, whatINeedNow: 'Time, and patience.' });
    expect(edited.hasUnsharedChanges).toBe(true);
    expect((await b.get(`${BASE}/letters/${shared.id}`)).body).toBe(readerBefore);
    expect((await b.get(BASE)).body).toBe(listBefore);

    // Sharing the changes makes a new version; the earlier one stays readable.
    const updated = await shareLetter(a, edited);
    expect(updated.versions.map((v) => v.number)).toEqual([2, 1]);
    const after = (await b.get(`${BASE}/letters/${shared.id}`)).json<TReaderLetter>();
    expect(after.latest).toMatchObject({ number: 2, whatINeedNow: 'Time, and patience.' });
    expect(after.versions.map((v) => v.number)).toEqual([2, 1]);
    const first = await b.get(`${BASE}/letters/${shared.id}/versions/1`);
    expectStatus(first, 200);
    expect(first.json()).toMatchObject({ number: 1, whatINeedNow: LETTER.whatINeedNow });
    expectNotFound(await b.get(`${BASE}/letters/${shared.id}/versions/3`));

    // Sharing again with nothing changed makes no new version.
    const again = await shareLetter(a, updated);
    expect(again.versions.map((v) => v.number)).toEqual([2, 1]);
  });

  it('making it private again hides it from the partner at once, and is never held', async () => {
    const { a, b } = await createCouple(t);
    const letter = await sharedLetter(a);
    const lift = await holdJointWork(t, b);
    const unshared = await a.post(`${BASE}/letters/${letter.id}/unshare`);
    expectStatus(unshared, 200);
    expect(unshared.json()).toMatchObject({ visibility: 'private', sharedAt: null });
    expectNotFound(await b.get(`${BASE}/letters/${letter.id}`));
    expectNotFound(await b.get(`${BASE}/letters/${letter.id}/versions/1`));
    expect((await overview(b)).fromPartner).toEqual([]);
    await lift();
  });

  it('refuses to share an empty letter or with no partner yet', async () => {
    const { a } = await createCouple(t);
    const empty = await startLetter(a);
    const response = await a.post(`${BASE}/letters/${empty.id}/share`, {}, ifMatch(empty.version));
    expectStatus(response, 400);
    expect(fieldsOf(response)).toHaveProperty('whatHappened');

    const alone = await t.signUp('Alone');
    expectStatus(await alone.post('/api/space'), 201);
    const solo = await saveLetter(alone, await startLetter(alone));
    const refused = await alone.post(`${BASE}/letters/${solo.id}/share`, {}, ifMatch(solo.version));
    expectStatus(refused, 409);
    expect(refused.json()).toMatchObject({ error: { code: 'conflict' } });
  });

  it('a writer may start a new letter later; the earlier one is kept, listed and read-only', async () => {
    const { a, b } = await createCouple(t);
    const first = await sharedLetter(a);
    const second = await startLetter(a, first.id);
    expect(second.current).toBe(true);

    const mine = (await overview(a)).mine;
    expect(mine.map((l) => [l.id, l.current])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
    const stale = await a.get(`${BASE}/letters/${first.id}`);
    const keep = await a.put(`${BASE}/letters/${first.id}`, LETTER, {
      'if-match': stale.headers.etag as string,
    });
    expectStatus(keep, 409);
    // The partner still reads the earlier shared letter, and learns nothing of the new draft.
    expect((await overview(b)).fromPartner.map((l) => l.id)).toEqual([first.id]);

    // Starting another needs to name the current letter, so two windows cannot both start one.
    expectStatus(await a.post(`${BASE}/letters`, { replacing: null }), 409);
    expectStatus(await a.post(`${BASE}/letters`, { replacing: first.id }), 409);
  });
});

describe('impact letter: the reflection', () => {
  it('draft, send, "understood" and "not yet", try again, understood', async () => {
    const { a, b } = await createCouple(t);
    const letter = await sharedLetter(a);
    const writerBefore = (await a.get(`${BASE}/letters/${letter.id}`)).body;

    // B drafts privately: A's view is unchanged.
    const draft = await startReflection(b, letter.id, {
      paraphrase: 'You found',
      acknowledgement: '',
    });
    expect(draft).toMatchObject({ status: 'draft', sentAt: null });
    const saved = await b.put(
      `${BASE}/reflections/${draft.id}`,
      REFLECTION,
      ifMatch(draft.version),
    );
    expectStatus(saved, 200);
    expect(saved.headers.etag).toBe(`"${draft.version! + 1}"`);
    expect((await a.get(`${BASE}/letters/${letter.id}`)).body).toBe(writerBefore);
    expectNotFound(await mark(a, draft, 'paraphrase', { mark: 'understood' }));

    // B sends; A sees it, without B's draft version or save time.
    const sent = await sendReflection(b, saved.json<TReflection>());
    expect(sent).toMatchObject({ status: 'sent', letterVersion: 1 });
    const writerView = (await a.get(`${BASE}/letters/${letter.id}`)).json<TWriterLetter>();
    expect(writerView.reflections).toEqual([
      expect.objectContaining({ id: sent.id, ...REFLECTION, version: null, savedAt: null }),
    ]);

    // A answers each part.
    expectStatus(await mark(a, sent, 'paraphrase', { mark: 'understood' }), 200);
    const notYet = await mark(a, sent, 'acknowledgement', {
      mark: 'not_yet',
      note: 'It is more than doubt. It is that I feel foolish.',
    });
    expectStatus(notYet, 200);
    expect(notYet.json<TReflection>().marks).toMatchObject({
      paraphrase: { mark: 'understood', note: '', version: 1 },
      acknowledgement: {
        mark: 'not_yet',
        note: 'It is more than doubt. It is that I feel foolish.',
      },
    });

    // B sees the marks, and tries again; the first attempt and its marks are kept.
    const readerView = (await b.get(`${BASE}/letters/${letter.id}`)).json<TReaderLetter>();
    expect(readerView.reflections[0]!.marks.acknowledgement?.mark).toBe('not_yet');
    const second = await startReflection(b, letter.id, {
      paraphrase: REFLECTION.paraphrase,
      acknowledgement: 'It made you feel foolish for trusting me, and that is on me, not you.',
    });
    expectStatus(await b.post(`${BASE}/letters/${letter.id}/reflections`, REFLECTION), 409);
    const secondSent = await sendReflection(b, second);

    // Marks go on the newest attempt only.
    const old = await mark(a, notYet.json<TReflection>(), 'acknowledgement', {
      mark: 'understood',
    });
    expectStatus(old, 409);
    expectStatus(await mark(a, secondSent, 'acknowledgement', { mark: 'understood' }), 200);

    const both = (await b.get(`${BASE}/letters/${letter.id}`)).json<TReaderLetter>();
    expect(both.reflections.map((r) => [r.status, r.marks.acknowledgement?.mark])).toEqual([
      ['sent', 'not_yet'],
      ['sent', 'understood'],
    ]);
    expect(
      (await a.get(`${BASE}/letters/${letter.id}`)).json<TWriterLetter>().reflections,
    ).toHaveLength(2);
  });

  it('has no place for an explanation or a justification: extra fields are refused', async () => {
    const { a, b } = await createCouple(t);
    const letter = await sharedLetter(a);
    for (const extra of ['justification', 'explanation', 'why']) {
      const response = await b.post(`${BASE}/letters/${letter.id}/reflections`, {
        ...REFLECTION,
        [extra]: 'It only happened because we had grown apart.',
      });
      expectStatus(response, 400);
      expect(fieldsOf(response).body).toContain(`"${extra}"`);
    }
    const draft = await startReflection(b, letter.id);
    const put = await b.put(
      `${BASE}/reflections/${draft.id}`,
      { ...REFLECTION, justification: 'context' },
      ifMatch(draft.version),
    );
    expectStatus(put, 400);
    expectStatus(
      await b.put(
        `${BASE}/reflections/${draft.id}/marks/justification`,
        { mark: 'understood' },
        ifMatch(0),
      ),
      400,
    );
    // Nothing of it was stored.
    const view = (await b.get(`${BASE}/letters/${letter.id}`)).json<TReaderLetter>();
    expect(JSON.stringify(view)).not.toContain('grown apart');
    // Letters and marks are strict as well.
    const own = await startLetter(b);
    expectStatus(
      await b.put(`${BASE}/letters/${own.id}`, { ...LETTER, extra: 'x' }, ifMatch(own.version)),
      400,
    );
  });

  it('needs words in both parts before sending, and a shared letter to send to', async () => {
    const { a, b } = await createCouple(t);
    const letter = await sharedLetter(a);
    const draft = await startReflection(b, letter.id, { paraphrase: '  ', acknowledgement: '' });
    const response = await b.post(
      `${BASE}/reflections/${draft.id}/send`,
      {},
      ifMatch(draft.version),
    );
    expectStatus(response, 400);
    expect(Object.keys(fieldsOf(response)).sort()).toEqual(['acknowledgement', 'paraphrase']);

    const saved = (
      await b.put(`${BASE}/reflections/${draft.id}`, REFLECTION, ifMatch(draft.version))
    ).json<TReflection>();
    expectStatus(await a.post(`${BASE}/letters/${letter.id}/unshare`), 200);
    const notShared = await b.post(
      `${BASE}/reflections/${saved.id}/send`,
      {},
      ifMatch(saved.version),
    );
    expectStatus(notShared, 409);
    // A writer cannot reflect on their own letter.
    expectNotFound(await a.post(`${BASE}/letters/${letter.id}/reflections`, REFLECTION));
  });

  it('a withdrawn reflection disappears from the writer’s view and cannot be marked', async () => {
    const { a, b } = await createCouple(t);
    const letter = await sharedLetter(a);
    const sent = await sendReflection(b, await startReflection(b, letter.id));
    const withdrawn = await b.post(`${BASE}/reflections/${sent.id}/unshare`);
    expectStatus(withdrawn, 200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect((await a.get(`${BASE}/letters/${letter.id}`)).json<TWriterLetter>().reflections).toEqual(
      [],
    );
    expectNotFound(await mark(a, sent, 'paraphrase', { mark: 'understood' }));
    expectStatus(
      await b.put(
        `${BASE}/reflections/${sent.id}`,
        REFLECTION,
        ifMatch(withdrawn.json<TReflection>().version),
      ),
      409,
    );
  });
});

describe('impact letter: joint-work hold', () => {
  it('holds sharing, sending and marking, never private drafting or making private', async () => {
    const { a, b } = await createCouple(t);
    const letter = await sharedLetter(a);
    const sent = await sendReflection(b, await startReflection(b, letter.id));
    const lift = await holdJointWork(t, a);

    for (const person of [a, b]) expect((await overview(person)).jointWorkOpen).toBe(false);

    // Private work goes on.
    const saved = await saveLetter(a, letter, {
      ...LETTER,
      whatHappened: 'Written during a pause.',
    });
    const second = await startReflection(b, letter.id);
    const secondSaved = await b.put(
      `${BASE}/reflections/${second.id}`,
      REFLECTION,
      ifMatch(second.version),
    );
    expectStatus(secondSaved, 200);

    // Joint actions wait, with the same neutral answer for both.
    const held = [
      await a.post(`${BASE}/letters/${letter.id}/share`, {}, ifMatch(saved.version)),
      await b.post(`${BASE}/reflections/${second.id}/send`, {}, ifMatch(second.version! + 1)),
      await mark(a, sent, 'paraphrase', { mark: 'understood' }),
    ];
    for (const response of held) {
      expectStatus(response, 409);
      expect(response.json()).toMatchObject({ error: { code: 'joint_work_paused' } });
    }
    expect(new Set(held.map((r) => r.body)).size).toBe(1);
    // Nothing was shared: B still reads version 1.
    const view = (await b.get(`${BASE}/letters/${letter.id}`)).json<TReaderLetter>();
    expect(view.latest.whatHappened).toBe(LETTER.whatHappened);

    // Making private is never held.
    expectStatus(await b.post(`${BASE}/reflections/${sent.id}/unshare`), 200);
    expectStatus(await a.post(`${BASE}/letters/${letter.id}/unshare`), 200);

    await lift();
    const afterPause = (await a.get(`${BASE}/letters/${letter.id}`)).json<TWriterLetter>();
    expect((await shareLetter(a, afterPause)).versions.map((v) => v.number)).toEqual([2, 1]);
  });
});

describe('impact letter: a partner who leaves', () => {
  it('a former partner sees nothing; the writer no longer sees their reflections', async () => {
    const { a, b } = await createCouple(t);
    const letter = await sharedLetter(a);
    const sent = await sendReflection(b, await startReflection(b, letter.id));
    expectStatus(await mark(a, sent, 'paraphrase', { mark: 'understood' }), 200);
    expectStatus(await b.post('/api/space/leave'), 200);

    expectNotFound(await b.get(`${BASE}/letters/${letter.id}`));
    expectNotFound(await b.get(`${BASE}/letters/${letter.id}/versions/1`));
    expect(await overview(b)).toEqual({
      jointWorkOpen: true,
      myRoles: [],
      mine: [],
      fromPartner: [],
    });
    expectStatus(await b.post(`${BASE}/letters/${letter.id}/reflections`, REFLECTION), 404);
    const writer = (await a.get(`${BASE}/letters/${letter.id}`)).json<TWriterLetter>();
    expect(writer.reflections).toEqual([]);

    // Coming back does not revive the share: A shares again only by choice.
    const { token } = (await a.post('/api/invites')).json<{ token: string }>();
    expectStatus(await b.post('/api/invites/accept', { token }), 200);
    expectNotFound(await b.get(`${BASE}/letters/${letter.id}`));
    await shareLetter(a, writer);
    expectStatus(await b.get(`${BASE}/letters/${letter.id}`), 200);
  });

  it('the writer keeps their own letters after leaving, readable only by them', async () => {
    const { a, b } = await createCouple(t);
    const letter = await sharedLetter(a);
    expectStatus(await a.post('/api/space/leave'), 200);
    const mine = await overview(a);
    expect(mine.mine).toEqual([expect.objectContaining({ id: letter.id, current: false })]);
    expectStatus(await a.get(`${BASE}/letters/${letter.id}`), 200);
    expectNotFound(await b.get(`${BASE}/letters/${letter.id}`));
    // Without a space there is nothing to write into.
    expectNotFound(await a.post(`${BASE}/letters`, { replacing: null }));
  });
});

describe('impact letter: versions', () => {
  it('428 without If-Match, 412 with a stale one (carrying the current letter), never an overwrite', async () => {
    const { a } = await createCouple(t);
    const letter = await startLetter(a);
    const url = `${BASE}/letters/${letter.id}`;
    expectStatus(await a.put(url, LETTER), 428);
    expectStatus(await a.put(url, LETTER, { 'if-match': 'banana' }), 428);
    expectStatus(await a.post(`${url}/share`), 428);

    const first = await saveLetter(a, letter);
    const stale = await a.put(
      url,
      { ...LETTER, whatHappened: 'from another window' },
      ifMatch(letter.version),
    );
    expectStatus(stale, 412);
    const current = stale.json<{ error: { current: TWriterLetter } }>().error.current;
    expect(current).toMatchObject({ version: first.version, draft: LETTER });
    expect((await a.get(url)).json<TWriterLetter>().draft.whatHappened).toBe(LETTER.whatHappened);
    expectStatus(await a.post(`${url}/share`, {}, ifMatch(letter.version)), 412);
    // A weak tag works too.
    expectStatus(await a.put(url, LETTER, { 'if-match': `W/"${first.version}"` }), 200);
  });

  it('reflections and marks are versioned as well', async () => {
    const { a, b } = await createCouple(t);
    const letter = await sharedLetter(a);
    const draft = await startReflection(b, letter.id);
    const url = `${BASE}/reflections/${draft.id}`;
    expectStatus(await b.put(url, REFLECTION), 428);
    expectStatus(await b.put(url, REFLECTION, ifMatch(draft.version)), 200);
    const stale = await b.put(url, REFLECTION, ifMatch(draft.version));
    expectStatus(stale, 412);
    expect(stale.json()).toMatchObject({ error: { current: { id: draft.id, version: 2 } } });
    expectStatus(await b.post(`${url}/send`, {}, ifMatch(draft.version)), 412);
    const sent = await sendReflection(b, { ...draft, version: 2 });

    expectStatus(await a.put(`${url}/marks/paraphrase`, { mark: 'understood' }), 428);
    expectStatus(await mark(a, sent, 'paraphrase', { mark: 'not_yet' }), 200);
    // A second window still thinks there is no mark: 412 with the mark as it is.
    const second = await mark(a, sent, 'paraphrase', { mark: 'understood' });
    expectStatus(second, 412);
    const now = second.json<{ error: { current: TReflection } }>().error.current;
    expect(now.marks.paraphrase).toMatchObject({ mark: 'not_yet', version: 1 });
    const changed = await mark(a, now, 'paraphrase', { mark: 'understood' });
    expectStatus(changed, 200);
    expect(changed.json<TReflection>().marks.paraphrase).toMatchObject({
      mark: 'understood',
      version: 2,
    });
  });
});

describe('impact letter: bad input', () => {
  it('names the field for every kind of bad value, and never stores any of it', async () => {
    const { a, b } = await createCouple(t);
    const letter = await startLetter(a);
    const put = (body: unknown) =>
      a.put(`${BASE}/letters/${letter.id}`, body, ifMatch(letter.version));

    const tooLong = await put({ ...LETTER, howItAffectedMe: 'x'.repeat(8001) });
    expectStatus(tooLong, 400);
    expect(fieldsOf(tooLong).howItAffectedMe).toMatch(/8,000 characters/);
    expectStatus(await put({ ...LETTER, howItAffectedMe: 'x'.repeat(8000) }), 200);

    const wrongType = await a.put(
      `${BASE}/letters/${letter.id}`,
      { ...LETTER, whatINeedNow: 42 },
      ifMatch(letter.version + 1),
    );
    expectStatus(wrongType, 400);
    expect(fieldsOf(wrongType)).toHaveProperty('whatINeedNow');
    const missing = await a.put(
      `${BASE}/letters/${letter.id}`,
      { whatHappened: '' },
      ifMatch(letter.version + 1),
    );
    expectStatus(missing, 400);
    expect(fieldsOf(missing)).toHaveProperty('howItAffectedMe');

    expectStatus(await a.get(`${BASE}/letters/not-a-uuid`), 400);
    expectStatus(await a.get(`${BASE}/letters/${letter.id}/versions/0`), 400);
    expectStatus(await a.get(`${BASE}/letters/${letter.id}/versions/abc`), 400);
    expectStatus(await a.post(`${BASE}/letters`, {}), 400);
    expectStatus(await a.post(`${BASE}/letters`, { replacing: 'yesterday' }), 400);
    const notJson = await a.request('PUT', `${BASE}/letters/${letter.id}`, undefined, {
      'content-type': 'application/json',
      ...ifMatch(letter.version + 1),
    });
    expect(notJson.statusCode).toBe(400);

    const shared = await shareLetter(
      a,
      (await a.get(`${BASE}/letters/${letter.id}`)).json<TWriterLetter>(),
    );
    const reflection = await sendReflection(b, await startReflection(b, shared.id));
    const markUrl = `${BASE}/reflections/${reflection.id}/marks`;
    const badMark = await a.put(`${markUrl}/paraphrase`, { mark: 'maybe' }, ifMatch(0));
    expectStatus(badMark, 400);
    expect(fieldsOf(badMark)).toHaveProperty('mark');
    const noteWithUnderstood = await a.put(
      `${markUrl}/paraphrase`,
      { mark: 'understood', note: 'thanks' },
      ifMatch(0),
    );
    expectStatus(noteWithUnderstood, 400);
    expect(fieldsOf(noteWithUnderstood)).toHaveProperty('note');
    const longNote = await a.put(
      `${markUrl}/paraphrase`,
      { mark: 'not_yet', note: 'n'.repeat(501) },
      ifMatch(0),
    );
    expectStatus(longNote, 400);
    expect(fieldsOf(longNote)).toHaveProperty('note');
    const longPart = await b.post(`${BASE}/letters/${shared.id}/reflections`, {
      ...REFLECTION,
      paraphrase: 'p'.repeat(4001),
    });
    expectStatus(longPart, 400);
    expect(fieldsOf(longPart)).toHaveProperty('paraphrase');
    // The reader cannot mark their own reflection.
    expectNotFound(await mark(b, reflection, 'paraphrase', { mark: 'understood' }));
    expect(
      (await a.get(`${BASE}/letters/${shared.id}`)).json<TWriterLetter>().reflections[0]!.marks,
    ).toEqual({
      paraphrase: null,
      acknowledgement: null,
    });
  });
});

describe('impact letter: my role', () => {
  it('tells each partner their own roles, from the injuries they named or confirmed', async () => {
    const { a, b } = await createCouple(t);
    expect((await overview(a)).myRoles).toEqual([]);
    const named = await a.post('/api/injuries', {
      kind: 'affair',
      cameToLight: '2026-01',
      myRole: 'hurt',
    });
    expectStatus(named, 201);
    expect((await overview(a)).myRoles).toEqual(['hurt']);
    // Not confirmed yet: Sam holds no role, and learns none from this page.
    expect((await overview(b)).myRoles).toEqual([]);
    const { injury } = named.json<{ injury: { id: string } }>();
    expectStatus(await b.post(`/api/injuries/${injury.id}/confirm`, {}, ifMatch(1)), 200);
    expect((await overview(b)).myRoles).toEqual(['involved']);
  });

  it('has no roles for someone without a space', async () => {
    const solo = await t.signUp('Solo');
    expect((await overview(solo)).myRoles).toEqual([]);
  });
});

describe('impact letter: cost', () => {
  it('the list costs the session query, one read of letters and the hold check', async () => {
    const { a, b } = await createCouple(t);
    await sharedLetter(a);
    await startLetter(b);
    t.queries.length = 0;
    await overview(b);
    expect(t.queries.length).toBeLessThanOrEqual(3);
  });
});
