/**
 * `npm run outbox`: the emails waiting for the operator when no SMTP_URL is set, oldest first.
 * `npm run outbox -- --clear` deletes them after showing them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '#server/config/index.ts';
import { outboxFolder } from '#server/email/index.ts';

const folder = outboxFolder(loadConfig());
const files = fs.existsSync(folder)
  ? fs
      .readdirSync(folder)
      .filter((name) => name.endsWith('.eml'))
      .map((name) => path.join(folder, name))
      .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs)
  : [];
if (files.length === 0) process.stdout.write(`No emails waiting in ${folder}.\n`);
for (const file of files) {
  process.stdout.write(`\n===== ${path.basename(file)}\n${fs.readFileSync(file, 'utf8')}\n`);
  if (process.argv.includes('--clear')) fs.rmSync(file);
}
