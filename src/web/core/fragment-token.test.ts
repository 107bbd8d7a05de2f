import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearEveryFragmentToken, fragmentToken } from './fragment-token';

function arriveAt(pathname: string, hash: string) {
  const replaced: string[] = [];
  vi.stubGlobal('window', {
    location: { pathname, hash, search: '' },
    history: {
      state: null,
      replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url),
    },
  });
  return replaced;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fragment tokens', () => {
  it('takes the token from its own page only, and out of the address bar', () => {
    const invite = fragmentToken('/join');
    arriveAt('/therapist/join', '#not-mine');
    invite.capture();
    expect(invite.get()).toBeNull();

    const replaced = arriveAt('/join', '#abc%20def');
    invite.capture();
    expect(invite.get()).toBe('abc def');
    expect(replaced).toEqual(['/join']);
  });

  it('tells listeners, and quick exit forgets every token at once', () => {
    const invite = fragmentToken('/join');
    const link = fragmentToken('/therapist/join');
    const heard = vi.fn();
    link.subscribe(heard);
    arriveAt('/join', '#one');
    invite.capture();
    arriveAt('/therapist/join', '#two');
    link.capture();
    expect([invite.get(), link.get()]).toEqual(['one', 'two']);

    clearEveryFragmentToken();
    expect([invite.get(), link.get()]).toEqual([null, null]);
    expect(heard).toHaveBeenCalledTimes(2);
  });
});
