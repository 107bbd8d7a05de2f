import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NAVIGATION } from './nav-groups';
import { audienceOf, PAGE_AUDIENCE } from './page-audience';

/** The paths of the routes that need an account: those inside <RequireAuth /> in app.tsx. */
function signedInRoutes(): string[] {
  const source = readFileSync(new URL('../app.tsx', import.meta.url), 'utf8');
  const inner = source.slice(source.indexOf('<RequireAuth />'));
  return [...inner.matchAll(/\bpath="([^"*]+)"/g)].map((m) => `/${m[1]!}`);
}

describe('who each page is for', () => {
  it('names an audience for every signed-in route the web app declares', () => {
    const listed = Object.values(PAGE_AUDIENCE).flat();
    expect([...signedInRoutes()].sort()).toEqual([...listed].sort());
  });

  it('tells a partner page from a therapist page, parameters included', () => {
    expect(audienceOf('/checkins')).toBe('partner');
    expect(audienceOf('/measures/wellbeing')).toBe('partner');
    expect(audienceOf('/messages')).toBe('partner');
    expect(audienceOf('/messages/couples/0f6e')).toBe('therapist');
    expect(audienceOf('/practice/notes')).toBe('therapist');
    expect(audienceOf('/account')).toBe('everyone');
    expect(audienceOf('/guide/transparency')).toBe('everyone');
  });

  it("puts in each viewer's menu only pages meant for them", () => {
    const forbidden = { partner: 'therapist', therapist: 'partner' } as const;
    for (const viewer of ['partner', 'therapist'] as const) {
      for (const group of NAVIGATION[viewer]) {
        for (const entry of group.entries) {
          expect(audienceOf(entry.to), `${viewer}: ${entry.to}`).not.toBe(forbidden[viewer]);
        }
      }
    }
  });

  it("holds every partner page a person opens directly in the partner's menu", () => {
    const inMenu = new Set(NAVIGATION.partner.flatMap((group) => group.entries.map((e) => e.to)));
    // Reached from within another page: a measure from the list, the print view, the access log.
    const reachedInside = ['/measures/:measureId', '/session-prep/print', '/access-log'];
    for (const path of PAGE_AUDIENCE.partner) {
      if (reachedInside.includes(path)) continue;
      expect(inMenu.has(path), path).toBe(true);
    }
  });
});
