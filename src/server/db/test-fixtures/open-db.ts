/**
 * Child process for the database tests: `node --import tsx open-db.ts <dataDir> [mode] [backups]`.
 *   mode 'once'  (default) open, print "opened", close, exit 0
 *   mode 'write' open, print "opened", then insert spaces forever, printing "ack <id>" after each
 *                commit (the parent kills it)
 * backups: 'on' (default) or 'off' (backups at open and on a timer).
 * A LockHeldError prints its message on stderr and exits 3.
 */
import { LockHeldError, openDatabase, schema } from '#server/db/index.ts';

const [dataDir, mode = 'once', backups = 'on'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: open-db.ts <dataDir> [once|write]');

const logger = {
  info() {},
  warn(obj: object, msg?: string) {
    process.stderr.write(`warn: ${msg ?? ''} ${JSON.stringify(obj)}\n`);
  },
  error(obj: object, msg?: string) {
    process.stderr.write(`error: ${msg ?? ''} ${JSON.stringify(obj)}\n`);
  },
};

try {
  const handle = await openDatabase({
    dataDir,
    logger,
    backups: { enabled: backups === 'on', keep: 2, intervalMs: 3_600_000 },
  });
  process.stdout.write('opened\n');
  if (mode === 'write') {
    for (;;) {
      const [row] = await handle.db
        .insert(schema.spaces)
        .values({})
        .returning({ id: schema.spaces.id });
      process.stdout.write(`ack ${row!.id}\n`);
    }
  }
  await handle.close();
} catch (error) {
  if (error instanceof LockHeldError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(3);
  }
  throw error;
}
