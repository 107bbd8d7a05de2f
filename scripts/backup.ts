/**
 * `npm run backup`: writes one backup of the embedded database into DATA_DIR/backups.
 * While the app runs it holds the data folder, and takes backups itself; this says so.
 */
import { ConfigError, loadConfig } from '#server/config/index.ts';
import { LockHeldError } from '#server/db/index.ts';
import { backupDataDir, backupsOf, cliLogger } from '#server/db/maintenance.ts';

function hours(ms: number): string {
  const h = ms / 3_600_000;
  return h === 1 ? 'hour' : `${Number.isInteger(h) ? h : h.toFixed(1)} hours`;
}

try {
  const config = loadConfig();
  if (config.databaseUrl) {
    process.stderr.write(
      "DATABASE_URL is set: back up PostgreSQL with its own tools (pg_dump, or your provider's backups).\n",
    );
    process.exitCode = 1;
  } else {
    try {
      const result = await backupDataDir({
        dataDir: config.dataDir,
        keep: config.backups.keep,
        logger: cliLogger,
      });
      process.stdout.write(
        `Backup written: ${result.file} (${(result.bytes / 1e6).toFixed(1)} MB, ${result.ms} ms).\n`,
      );
    } catch (error) {
      if (!(error instanceof LockHeldError)) throw error;
      const { dir, files } = backupsOf(config.dataDir);
      const newest = files.at(-1);
      const schedule = config.backups.enabled
        ? `It backs up automatically every ${hours(config.backups.intervalMs)} into ${dir}, keeping ${config.backups.keep}.`
        : 'Its automatic backups are off (BACKUPS=false).';
      process.stderr.write(
        `Healing Hearts is running and holds this data folder, so no backup was taken now.\n${schedule}\n` +
          (newest
            ? `The newest backup is ${newest.path} (${newest.time.toISOString()}).\n`
            : 'There is no backup yet.\n') +
          'To take one right now, stop the app and run `npm run backup` again.\n',
      );
      process.exitCode = 1;
    }
  }
} catch (error) {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else
    process.stderr.write(
      `Backup failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  process.exitCode = 1;
}
