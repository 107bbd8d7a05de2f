/**
 * `npm run access-log:verify`: walks the whole access log in order and checks that every entry
 * still carries the hash of the one before it and a hash of its own fields. Prints how many
 * entries there are and "chain intact", or the first entry where the chain breaks and why.
 * Exit code 0 when intact, 1 on a break or when the database cannot be opened.
 */
import { ConfigError, loadConfig } from '#server/config/index.ts';
import { LockHeldError, openDatabase } from '#server/db/index.ts';
import { cliLogger } from '#server/db/maintenance.ts';
import { verifyAccessLog } from '#server/policy/access-log.ts';

const REASONS = {
  prev_hash:
    'it does not carry the hash of the entry before it (an entry was removed, added or re-linked)',
  hash: 'its own fields no longer match its hash (the entry was changed)',
} as const;

try {
  const config = loadConfig();
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    logger: cliLogger,
    // A check only reads: it never applies migrations (the app and `npm run migrate` do).
    migrate: false,
  });
  try {
    const report = await verifyAccessLog(handle.db);
    const count = `${report.entries} ${report.entries === 1 ? 'entry' : 'entries'} checked`;
    if (report.brokenAt) {
      process.stdout.write(
        `${count}.\nChain broken at entry ${report.brokenAt.seq}: ${REASONS[report.brokenAt.reason]}.\n`,
      );
      process.exitCode = 1;
    } else {
      process.stdout.write(`${count}. Chain intact.\n`);
    }
  } finally {
    await handle.close();
  }
} catch (error) {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else if (error instanceof LockHeldError) {
    process.stderr.write(
      `${error.message}\nStop the app, then run \`npm run access-log:verify\` again.\n`,
    );
  } else
    process.stderr.write(
      `Checking the access log failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  process.exitCode = 1;
}
