import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import type { Config } from '#server/config/index.ts';

/** A finished email, ready to hand to SMTP or write to the outbox folder. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** The effect's dedup key: the same key always gives the same Message-ID and file name. */
  dedupKey: string;
}

export interface Mailer {
  readonly kind: 'smtp' | 'folder';
  deliver(email: OutgoingEmail): Promise<void>;
  close(): Promise<void>;
}

/** Where emails wait for the operator when no SMTP server is configured (`npm run outbox`). */
export function outboxFolder(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'outbox');
}

function keyHash(dedupKey: string): string {
  return createHash('sha256').update(dedupKey).digest('hex').slice(0, 40);
}

/**
 * A Message-ID made from the dedup key: if a crash makes us hand the same email over twice, both
 * copies carry one id, and mail stores that group by it show one message.
 */
export function messageIdFor(dedupKey: string, from: string): string {
  const domain = from.split('@')[1] ?? 'localhost';
  return `<${keyHash(dedupKey)}@${domain}>`;
}

function envelope(config: Pick<Config, 'email'>, email: OutgoingEmail) {
  return {
    from: { name: config.email.senderName, address: config.email.from },
    to: email.to,
    subject: email.subject,
    text: email.text,
    messageId: messageIdFor(email.dedupKey, config.email.from),
    // No tracking of any kind; and say plainly that this is an automatic message.
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}

/** SMTP_URL set: nodemailer over a small pool of SMTP connections. */
function smtpMailer(config: Pick<Config, 'email'>, smtpUrl: string): Mailer {
  const transport = createTransport({ url: smtpUrl, pool: true, maxConnections: 4 });
  return {
    kind: 'smtp',
    async deliver(email) {
      await transport.sendMail(envelope(config, email));
    },
    async close() {
      transport.close();
    },
  };
}

/**
 * No SMTP: each email becomes a `.eml` file (readable by the operator only) in the outbox
 * folder, named by its dedup key, so a repeat overwrites instead of adding a copy.
 */
function folderMailer(config: Pick<Config, 'email' | 'dataDir'>): Mailer {
  const folder = outboxFolder(config);
  const builder = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'folder',
    async deliver(email) {
      const info = await builder.sendMail(envelope(config, email));
      await fs.mkdir(folder, { recursive: true, mode: 0o700 });
      const file = path.join(folder, `${keyHash(email.dedupKey)}.eml`);
      const partial = `${file}.partial`;
      await fs.writeFile(partial, info.message as Buffer, { mode: 0o600 });
      await fs.rename(partial, file);
    },
    async close() {},
  };
}

export function createMailer(config: Pick<Config, 'email' | 'dataDir' | 'smtpUrl'>): Mailer {
  return config.smtpUrl ? smtpMailer(config, config.smtpUrl) : folderMailer(config);
}
