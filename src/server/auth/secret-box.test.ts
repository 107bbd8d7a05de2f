import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const box = new SecretBox({ twoStepKey: Buffer.alloc(32, 7), dataDir: '/nonexistent' });
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(sealed);
  });

  it('refuses a sealed text that was changed or sealed under another key', () => {
    const box = new SecretBox({ twoStepKey: Buffer.alloc(32, 7), dataDir: '/nonexistent' });
    const other = new SecretBox({ twoStepKey: Buffer.alloc(32, 8), dataDir: '/nonexistent' });
    const sealed = box.seal('secret');
    expect(() => other.open(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
  });

  it('without a configured key, makes an owner-only key file once and reuses it', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hh-box-'));
    const first = new SecretBox({ twoStepKey: undefined, dataDir });
    const sealed = first.seal('secret');
    const file = path.join(dataDir, 'two-step.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    expect(new SecretBox({ twoStepKey: undefined, dataDir }).open(sealed)).toBe('secret');
  });
});
