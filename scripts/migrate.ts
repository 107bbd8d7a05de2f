/** `npm run migrate`: applies pending migrations to the configured database, then exits. */
import { ConfigError, loadConfig } from '#server/config/index.ts';
import { LockHeldError, openDatabase } from '#server/db/index.ts';
import { cliLogger } from '#server/db/maintenance.ts';

try {
  const config = loadConfig();
  const started = Date.now();
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    logger: cliLogger,
    backups: config.backups,
    migrate: true,
  });
  await handle.close();
  const where = handle.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `${config.dataDir}`;
  process.stdout.write(`Migrations are up to date on ${where} (${Date.now() - started} ms).\n`);
} catch (error) {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else if (error instanceof LockHeldError) {
    process.stderr.write(
      `${error.message}\nThe running app applies migrations itself when it starts.\n`,
    );
  } else
    process.stderr.write(
      `Migrating failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  process.exitCode = 1;
}
