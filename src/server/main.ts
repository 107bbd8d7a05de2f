import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { LockHeldError, openDatabase } from './db';
import { createLogger } from './log';

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) process.stderr.write(`${problem}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Starts the server: config → database (lock, backup, migrations) → app → listen. */
export async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config);

  let database;
  try {
    database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      logger,
      backups: config.backups,
    });
  } catch (error) {
    if (error instanceof LockHeldError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  let built;
  try {
    built = await buildApp({ config, database, logger });
  } catch (error) {
    // A content file that does not pass its checks (a measure definition, say): one line each.
    if (error instanceof ConfigError) {
      for (const problem of error.problems) process.stderr.write(`${problem}\n`);
      await database.close().catch(() => undefined);
      process.exit(1);
    }
    // Content that cannot be served (a lesson with a bad field): one line naming the file and field.
    if (error instanceof Error && error.name === 'ContentError') {
      process.stderr.write(`Content: ${error.message}\n`);
      await database.close().catch(() => undefined);
      process.exit(1);
    }
    throw error;
  }
  const { app, jobs } = built;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await app.close().catch((err: unknown) => logger.error({ err }, 'closing the server failed'));
    await database
      .close()
      .catch((err: unknown) => logger.error({ err }, 'closing the database failed'));
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  // Emails and other after-commit work; any number of processes may run it (SKIP LOCKED).
  jobs.start();
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${shownHost}:${port}/`;
  logger.info({ engine: database.engine }, `Healing Hearts is ready at ${url}`);
  // The log is JSON for machines; a person starting the app in a terminal gets one plain line too.
  if (process.stdout.isTTY)
    process.stdout.write(`\nHealing Hearts is ready: open ${url} in your browser.\n\n`);
}
