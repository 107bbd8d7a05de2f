import { beforeAll, describe, expect, it } from 'vitest';
import { en } from './en';
import { loadAllWords, plural, t } from './index';

// Feature words load with their page; these tests read them, so they load them first.
beforeAll(loadAllWords);

describe('t', () => {
  it('returns a message without parameters as written', () => {
    expect(t('quickExit.button')).toBe('Quick exit');
  });

  it('fills in every parameter', () => {
    expect(t('space.together.since', { name: 'Robin', date: '3 May 2026' })).toBe(
      'You and Robin have shared this space since 3 May 2026.',
    );
  });

  it('writes numbers as text', () => {
    expect(t('account.sessions.signedOutOthers.many', { count: 3 })).toBe(
      'Signed out of 3 other devices.',
    );
  });
});

describe('plural', () => {
  it('picks the form the count needs, and fills in the count', () => {
    expect(plural('progress.since.weeks', 1, { date: '3 May' })).toBe(
      'You started a week ago, on 3 May.',
    );
    expect(plural('progress.since.weeks', 2, { date: '3 May' })).toBe(
      'You started 2 weeks ago, on 3 May.',
    );
    expect(plural('progress.pain.summary', 1)).not.toMatch(/\b1 weeks\b/);
    expect(plural('progress.pain.summary', 1)).toContain('the one week');
    expect(plural('progress.pain.summary', 12)).toContain('each of the 12 weeks');
  });

  it('falls back to the other form where a language has no form of its own', () => {
    expect(plural('today.news.checkin', 0, { name: 'Sam' })).toBe('Sam shared 0 check-ins');
  });
});

describe('the catalog', () => {
  it('has no empty messages and no stray spaces', () => {
    for (const [key, value] of Object.entries(en)) {
      expect(value.trim(), key).toBe(value);
      expect(value.length, key).toBeGreaterThan(0);
    }
  });

  it('uses only simple parameter names', () => {
    for (const [key, value] of Object.entries(en)) {
      const braces = value.match(/[{}]/g) ?? [];
      const params = value.match(/\{\w+\}/g) ?? [];
      expect(braces.length, key).toBe(params.length * 2);
    }
  });
});
