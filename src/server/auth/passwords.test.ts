import { describe, expect, it } from 'vitest';
import { hashPassword, isCommonPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const stored = await hashPassword('a calm morning walk');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'a calm morning walk')).toBe(true);
    expect(await verifyPassword(stored, 'a calm morning walk!')).toBe(false);
  });

  it('does the same work and answers false when there is no account', async () => {
    expect(await verifyPassword(undefined, 'anything at all')).toBe(false);
  });

  it('recognises common passwords whatever their case', () => {
    expect(isCommonPassword('password123')).toBe(true);
    expect(isCommonPassword('PASSWORD123')).toBe(true);
    expect(isCommonPassword('iloveyou1')).toBe(true);
    expect(isCommonPassword('a calm morning walk')).toBe(false);
  });
});
