import { describe, expect, it } from 'vitest';
import { destinationAfterAuth } from './destination';

describe('destinationAfterAuth', () => {
  it('goes back to a waiting invitation first', () => {
    expect(destinationAfterAuth({ from: '/account' }, true)).toBe('/join');
  });

  it('returns to the page that asked for sign-in', () => {
    expect(destinationAfterAuth({ from: '/account' }, false)).toBe('/account');
  });

  it('goes Home otherwise', () => {
    expect(destinationAfterAuth(null, false)).toBe('/home');
    expect(destinationAfterAuth({ from: '/signin' }, false)).toBe('/home');
  });

  it('never leaves the site', () => {
    expect(destinationAfterAuth({ from: '//elsewhere.example' }, false)).toBe('/home');
    expect(destinationAfterAuth({ from: 'https://elsewhere.example/' }, false)).toBe('/home');
  });
});
