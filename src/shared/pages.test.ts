import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_PAGES, isAppPage } from './pages';

const APP_TSX = path.resolve(import.meta.dirname, '../web/app/app.tsx');

/** The page paths the router declares: `path="…"` (JSX) or `path: '…'` (objects), and `index`. */
function routerPaths(source: string): string[] {
  const paths = [...source.matchAll(/\bpath\s*[=:]\s*\{?\s*["'`]([^"'`]+)["'`]/g)].map(
    (m) => m[1]!,
  );
  const hasIndex = /<Route\s+index\b|\bindex:\s*true/.test(source);
  return [...(hasIndex ? [''] : []), ...paths.filter((p) => p !== '*')];
}

describe('the list of app pages', () => {
  it('is exactly the routes of src/web/app/app.tsx (nested routes are not used for pages)', () => {
    const declared = routerPaths(readFileSync(APP_TSX, 'utf8'));
    expect(declared.length).toBeGreaterThan(20);
    expect([...declared].sort()).toEqual([...APP_PAGES].sort());
  });

  it('matches pages, their parameters and one trailing slash, and nothing else', () => {
    for (const page of [
      '/',
      '/signin',
      '/guide/',
      '/guide/first-steps',
      '/measures/abc',
      '/messages/couples/1f0e',
    ]) {
      expect(isAppPage(page), page).toBe(true);
    }
    for (const other of [
      '/robots.txt',
      '/account.bak',
      '/signin/extra',
      '/guide/a/b',
      '/messages/couples/',
      '/index.php',
      '//home',
      '/home//',
      'home',
      '/.env',
    ]) {
      expect(isAppPage(other), other).toBe(false);
    }
  });
});
