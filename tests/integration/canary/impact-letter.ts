import { expectStatus } from '../../helpers/test-app';
import type { CanaryStep } from './steps';

/**
 * The canary goes through every impact-letter route: in each section of the letter, in both
 * parts of a reflection, in the note of a mark, in ids and in query strings.
 */
const BASE = '/api/impact-letter';
const tag = (version: number) => ({ 'if-match': `"${version}"` });

export const impactLetterCanary: CanaryStep = async ({ a, b }, canary) => {
  const words = {
    whatHappened: `What happened ${canary}`,
    howItAffectedMe: `How it affected me ${canary}`,
    whatINeedNow: `What I need ${canary}`,
  };
  await a.get(`${BASE}?q=${canary}`);
  const started = (await a.post(`${BASE}/letters`, { replacing: null })).json<{
    id: string;
    version: number;
  }>();
  await a.post(`${BASE}/letters`, { replacing: canary });
  const saved = (await a.put(`${BASE}/letters/${started.id}`, words, tag(started.version))).json<{
    version: number;
  }>();
  // A stale save answers with the letter itself in the body (412); that must not be logged either.
  await a.put(`${BASE}/letters/${started.id}`, words, tag(started.version));
  await a.put(`${BASE}/letters/${canary}`, words, tag(1));
  expectStatus(await a.post(`${BASE}/letters/${started.id}/share`, {}, tag(saved.version)), 200);
  expectStatus(await b.get(`${BASE}/letters/${started.id}`), 200);
  await b.get(`${BASE}/letters/${started.id}/versions/1`);
  await b.get(`${BASE}/letters/${started.id}/versions/${canary}`);
  await b.get(`${BASE}/letters/${canary}`);

  const reflection = { paraphrase: `Heard ${canary}`, acknowledgement: `Understood ${canary}` };
  await b.post(`${BASE}/letters/${started.id}/reflections`, {
    ...reflection,
    justification: canary,
  });
  const draft = (await b.post(`${BASE}/letters/${started.id}/reflections`, reflection)).json<{
    id: string;
    version: number;
  }>();
  await b.put(`${BASE}/reflections/${draft.id}`, reflection, tag(draft.version));
  expectStatus(
    await b.post(`${BASE}/reflections/${draft.id}/send`, {}, tag(draft.version + 1)),
    200,
  );
  expectStatus(
    await a.put(
      `${BASE}/reflections/${draft.id}/marks/acknowledgement`,
      { mark: 'not_yet', note: `Missing ${canary}` },
      tag(0),
    ),
    200,
  );
  await a.put(`${BASE}/reflections/${draft.id}/marks/${canary}`, { mark: canary }, tag(0));
  await b.post(`${BASE}/reflections/${draft.id}/unshare`, { why: canary });
  await a.post(`${BASE}/letters/${started.id}/unshare`, { why: canary });
};
