/**
 * `npm run restore -- <backup file>`: replaces the embedded database with a backup. The current
 * database is kept, moved to DATA_DIR/db.before-restore-<time>. Refuses while the app runs.
 */
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '#server/config/index.ts';
import { LockHeldError } from '#server/db/index.ts';
import { backupsOf, cliLogger, restoreDataDir } from '#server/db/maintenance.ts';

try {
  const config = loadConfig();
  const file = process.argv[2];
  if (config.databaseUrl) {
    process.stderr.write(
      'DATABASE_URL is set: restore PostgreSQL with its own tools (pg_restore / psql).\n',
    );
    process.exitCode = 1;
  } else if (!file) {
    const { dir, files } = backupsOf(config.dataDir);
    process.stderr.write(
      'Usage: npm run restore -- <backup file>\n' +
        (files.length > 0
          ? `Backups in ${dir}, newest last:\n${files.map((f) => `  ${f.path}\n`).join('')}`
          : `There are no backups in ${dir}.\n`),
    );
    process.exitCode = 1;
  } else if (!existsSync(file)) {
    process.stderr.write(
      `There is no file at ${file}. Nothing was restored. Run \`npm run restore\` without a file to list the backups.\n`,
    );
    process.exitCode = 1;
  } else {
    const result = await restoreDataDir({ dataDir: config.dataDir, file, logger: cliLogger });
    process.stdout.write(
      `Restored ${result.restoredFrom}.` +
        (result.previous ? ` The database that was there is kept in ${result.previous}.` : '') +
        '\n',
    );
  }
} catch (error) {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else if (error instanceof LockHeldError) {
    process.stderr.write(
      `${error.message}\nNothing was restored: stop the app first, then run the restore again.\n`,
    );
  } else
    process.stderr.write(
      `Restore failed, and the current database was left as it was: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  process.exitCode = 1;
}
