import { describe, expect, it } from 'vitest';
import { restoredPageAction, signOutAsLeaving, SIGN_OUT_PATH } from './sign-out-on-exit';

describe('signOutAsLeaving', () => {
  it('sends a beacon to the sign-out route, and nothing else when the beacon is queued', () => {
    const beacons: string[] = [];
    const fetches: string[] = [];
    const how = signOutAsLeaving({
      sendBeacon: (url) => (beacons.push(url), true),
      fetch: async (url) => fetches.push(url),
    });
    expect(how).toBe('beacon');
    expect(beacons).toEqual([SIGN_OUT_PATH]);
    expect(fetches).toEqual([]);
  });

  it('falls back to a keep-alive POST when the beacon is refused, missing or throws', () => {
    for (const sendBeacon of [
      () => false,
      undefined,
      () => {
        throw new Error('blocked');
      },
    ]) {
      const fetches: [string, RequestInit][] = [];
      const how = signOutAsLeaving({
        sendBeacon,
        fetch: async (url, init) => fetches.push([url, init]),
      });
      expect(how).toBe('fetch');
      expect(fetches).toEqual([
        [SIGN_OUT_PATH, { method: 'POST', keepalive: true, credentials: 'same-origin' }],
      ]);
    }
  });

  it('never throws, even with nothing to send with or a failing fetch', () => {
    expect(signOutAsLeaving({})).toBe('none');
    expect(signOutAsLeaving({ fetch: () => Promise.reject(new Error('offline')) })).toBe('fetch');
  });
});

describe('restoredPageAction', () => {
  it('shows a restored page again only when the same person is still signed in', () => {
    expect(restoredPageAction({ leaving: false, cachedUserId: 'u1', currentUserId: 'u1' })).toBe(
      'show',
    );
    for (const currentUserId of [null, 'u2', undefined]) {
      expect(restoredPageAction({ leaving: false, cachedUserId: 'u1', currentUserId })).toBe(
        'reload',
      );
    }
  });

  it('shows a visitor’s page as it was, and reloads it if someone has signed in since', () => {
    expect(restoredPageAction({ leaving: false, cachedUserId: null, currentUserId: null })).toBe(
      'show',
    );
    expect(
      restoredPageAction({ leaving: false, cachedUserId: null, currentUserId: undefined }),
    ).toBe('show');
    expect(restoredPageAction({ leaving: false, cachedUserId: null, currentUserId: 'u1' })).toBe(
      'reload',
    );
  });

  it('never shows a page that had quick-exited: it loads afresh signed out, or leaves again', () => {
    expect(restoredPageAction({ leaving: true, cachedUserId: null, currentUserId: null })).toBe(
      'reload',
    );
    for (const currentUserId of ['u1', undefined]) {
      expect(restoredPageAction({ leaving: true, cachedUserId: null, currentUserId })).toBe(
        'leave',
      );
    }
  });
});
