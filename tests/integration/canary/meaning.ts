import type { CanaryStep } from './steps';

/** Sends the canary through every meaning route: in factors, stories, sections, ids and queries. */
export const meaningCanary: CanaryStep = async ({ a, b }, canary) => {
  const B = '/api/meaning';
  await a.post('/api/program/pace/ready', { phase: 2 });
  await b.post('/api/program/pace/ready', { phase: 2 });

  const created = await a.post(`${B}/factors`, { area: 'outside', text: `work ${canary}` });
  const { id } = created.json<{ factor: { id: string } }>().factor;
  await a.post(`${B}/factors`, { area: canary, text: canary.repeat(80) });
  await a.put(`${B}/factors/${id}`, { area: 'me', text: `edited ${canary}` });
  await a.put(`${B}/factors/${canary}`, { area: 'me', text: canary });
  await a.post(`${B}/factors/${id}/share`, { note: canary });
  await b.get(`${B}/factors`);
  await a.put(`${B}/factors/${id}`, { area: 'relationship', text: `shared edit ${canary}` });
  await a.post(`${B}/factors/${id}/unshare`, { note: canary });
  await a.post(`${B}/factors/${canary}/share`);
  await a.delete(`${B}/factors/${canary}`);
  await a.delete(`${B}/factors/${id}`);

  await a.put(`${B}/story`, { text: `why ${canary}` });
  await a.put(`${B}/story`, { text: `why ${canary}` }, { 'if-match': canary });
  const draft = await a.put(`${B}/story`, { text: `why ${canary}` }, { 'if-match': '"0"' });
  await a.put(`${B}/story`, { text: `stale ${canary}` }, { 'if-match': '"0"' }); // 412 carries it back
  await a.put(`${B}/story`, { text: canary.repeat(2000) }, { 'if-match': '"1"' });
  await a.post(`${B}/story/share`, {}, { 'if-match': draft.headers.etag as string });
  await b.get(`${B}/story`);
  await a.post(`${B}/story/unshare`, { note: canary });

  const sections = { story: `ours ${canary}`, differently: `apart ${canary}` };
  await a.put(`${B}/shared`, { sections });
  await a.put(`${B}/shared`, { sections }, { 'if-match': canary });
  const saved = await a.put(`${B}/shared`, { sections }, { 'if-match': '"0"' });
  await b.put(`${B}/shared`, { sections }, { 'if-match': '"0"' }); // stale: 412 carries it back
  await b.put(
    `${B}/shared`,
    { sections: { ...sections, story: canary.repeat(2000) } },
    { 'if-match': '"1"' },
  );
  await b.get(`${B}/shared`);
  const sharedId = saved.json<{ story: { id: string } }>().story.id;
  await b.get(`${B}/shared/${sharedId}/versions?cursor=${canary}&limit=${canary}`);
  await b.get(`${B}/shared/${sharedId}/versions`);
  await b.get(`${B}/shared/${canary}/versions`);
  await b.get(`${B}/shared/${sharedId}/compare?from=1&to=1`);
  await b.get(`${B}/shared/${sharedId}/compare?from=${canary}&to=1`);
  await b.get(`${B}/shared/${canary}/compare?from=1&to=1`);
};
