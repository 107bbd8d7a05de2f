import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '#server/config/index.ts';

/**
 * Seals small secrets (authenticator-app secrets) with AES-256-GCM under a key that never enters
 * the database (decision 0032). Sealed text: `v1.<iv>.<tag>.<ciphertext>`, each part base64url;
 * the version leaves room to re-seal under a new key.
 */
export class SecretBox {
  private key: Buffer | undefined;

  constructor(private readonly config: Pick<Config, 'twoStepKey' | 'dataDir'>) {}

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keyBytes(), iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body].map((p) => p.toString('base64url')).join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) {
      throw new Error('A sealed secret has an unknown format.');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.keyBytes(), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }

  /** The configured key, or the data directory's key file (made with owner-only rights). */
  private keyBytes(): Buffer {
    if (this.key) return this.key;
    if (this.config.twoStepKey) return (this.key = this.config.twoStepKey);
    const file = path.join(this.config.dataDir, 'two-step.key');
    try {
      this.key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    } catch {
      mkdirSync(this.config.dataDir, { recursive: true });
      const fresh = randomBytes(32);
      // `wx`: if another process made the file a moment ago, read theirs instead.
      try {
        writeFileSync(file, fresh.toString('hex'), { mode: 0o600, flag: 'wx' });
        this.key = fresh;
      } catch {
        this.key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
      }
    }
    if (this.key.length !== 32) throw new Error(`${file} does not hold a 32-byte key.`);
    return this.key;
  }
}
