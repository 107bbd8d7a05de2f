import { describe, expect, it } from 'vitest';
import { QUICK_EXIT_FALLBACK_URL, resolveQuickExitUrl } from './quick-exit';

describe('resolveQuickExitUrl', () => {
  it('uses the address the server filled in', () => {
    expect(resolveQuickExitUrl('https://weather.example.org/today')).toBe(
      'https://weather.example.org/today',
    );
  });

  it('falls back while the placeholder is still there', () => {
    expect(resolveQuickExitUrl('__QUICK_EXIT_URL__')).toBe(QUICK_EXIT_FALLBACK_URL);
  });

  it('falls back when the tag is missing or empty', () => {
    expect(resolveQuickExitUrl(undefined)).toBe(QUICK_EXIT_FALLBACK_URL);
    expect(resolveQuickExitUrl(null)).toBe(QUICK_EXIT_FALLBACK_URL);
    expect(resolveQuickExitUrl('')).toBe(QUICK_EXIT_FALLBACK_URL);
  });

  it('refuses anything that is not a web address', () => {
    expect(resolveQuickExitUrl('javascript:alert(1)')).toBe(QUICK_EXIT_FALLBACK_URL);
    expect(resolveQuickExitUrl('not a url')).toBe(QUICK_EXIT_FALLBACK_URL);
  });
});
