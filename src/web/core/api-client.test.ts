import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiFetch } from './api-client';

const ZThing = z.object({ ok: z.literal(true) });

function answerWith(response: Response | Error) {
  const fetchMock = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
    response instanceof Error ? Promise.reject(response) : Promise.resolve(response),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiFetch', () => {
  it('sends GET without a body, with the same-origin cookie', async () => {
    const fetchMock = answerWith(json(200, { ok: true }));
    await expect(apiFetch('/api/thing', { schema: ZThing })).resolves.toEqual({ ok: true });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.method).toBe('GET');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBeUndefined();
  });

  it('sends an empty JSON object when a POST has nothing to send', async () => {
    const fetchMock = answerWith(json(200, { ok: true }));
    await apiFetch('/api/thing', { method: 'POST', schema: ZThing });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.body).toBe('{}');
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json' });
  });

  it('sends a PUT with its JSON body and extra headers, such as If-Match', async () => {
    const fetchMock = answerWith(json(200, { ok: true }));
    await apiFetch('/api/thing', {
      method: 'PUT',
      body: { text: 'hi' },
      headers: { 'if-match': '"3"' },
      schema: ZThing,
    });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.method).toBe('PUT');
    expect(init?.body).toBe('{"text":"hi"}');
    expect(init?.headers).toMatchObject({
      'if-match': '"3"',
      'content-type': 'application/json',
      accept: 'application/json',
    });
  });

  it('turns the error shape into an ApiError with its fields', async () => {
    answerWith(
      json(400, {
        error: {
          code: 'validation_failed',
          message: 'Please check the form.',
          fields: { email: 'That does not look like an email address.' },
        },
      }),
    );
    const error = await apiFetch('/api/thing', { method: 'POST', schema: ZThing }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'Please check the form.',
      fields: { email: 'That does not look like an email address.' },
    });
  });

  it('sends If-Match for a shared item, and keeps the current version from a 412', async () => {
    const fetchMock = answerWith(
      json(412, {
        error: { code: 'precondition_failed', message: 'Changed meanwhile.', current: { v: 3 } },
      }),
    );
    const error = await apiFetch('/api/thing', {
      method: 'PATCH',
      body: { a: 1 },
      ifMatch: 2,
      schema: ZThing,
    }).catch((e: unknown) => e);
    expect(fetchMock.mock.calls[0]?.[1]?.headers).toMatchObject({ 'if-match': '"2"' });
    expect(fetchMock.mock.calls[0]?.[1]?.method).toBe('PATCH');
    expect(error).toMatchObject({ status: 412, code: 'precondition_failed', current: { v: 3 } });
  });

  it('gives a kind message when the server is out of reach', async () => {
    answerWith(new TypeError('Failed to fetch'));
    await expect(apiFetch('/api/thing', { schema: ZThing })).rejects.toMatchObject({
      status: 0,
      code: 'network',
    });
  });

  it('treats a body that is not the error shape as unavailable', async () => {
    answerWith(new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(apiFetch('/api/thing', { schema: ZThing })).rejects.toMatchObject({
      status: 502,
      code: 'unavailable',
    });
  });

  it('rejects a success body that does not match the schema', async () => {
    answerWith(json(200, { ok: 'yes' }));
    await expect(apiFetch('/api/thing', { schema: ZThing })).rejects.toMatchObject({
      code: 'bad_response',
    });
  });

  it('sends extra headers such as If-Match, and hands back the current item of a 412', async () => {
    const fetchMock = answerWith(
      json(412, {
        error: { code: 'precondition_failed', message: 'Changed meanwhile.', current: { v: 2 } },
      }),
    );
    const error = await apiFetch('/api/thing', {
      method: 'PUT',
      body: { v: 1 },
      headers: { 'if-match': '"1"' },
      schema: ZThing,
    }).catch((e: unknown) => e);
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.method).toBe('PUT');
    expect(init?.headers).toMatchObject({
      'if-match': '"1"',
      'content-type': 'application/json',
    });
    expect(error).toMatchObject({ status: 412, code: 'precondition_failed', current: { v: 2 } });
  });
});
