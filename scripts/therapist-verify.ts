/**
 * `npm run therapist:verify -- <email>`: the operator marks a therapist's account as verified,
 * after checking their licence in whatever way suits the service (we never check it ourselves).
 * It first shows the details the mark will be bound to (name, practice, licence): any later
 * change of them clears the mark (decision 0022). `--undo` takes the mark away. It opens the same database as `npm start` (DATA_DIR or
 * DATABASE_URL). Exit codes: 0 done (or already so), 1 could not run, 2 wrong arguments,
 * 3 no account with that email, 4 the account is not a therapist's, 5 the details changed while
 * the command ran (nothing was marked; run it again and check the new details).
 */
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig } from '#server/config/index.ts';
import { LockHeldError, openDatabase, type Database } from '#server/db/index.ts';
import { cliLogger } from '#server/db/maintenance.ts';
import { findTherapistByEmail, setTherapistVerified } from '#server/features/therapist/service.ts';

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = 'Usage: npm run therapist:verify -- <email> [--undo]';

/** The email and whether to undo, or null when the arguments are not usable. */
function parseArgs(args: string[]): { email: string; undo: boolean } | null {
  const undo = args.includes('--undo');
  const rest = args.filter((arg) => arg !== '--undo');
  const email = rest[0];
  if (rest.length !== 1 || !email || email.startsWith('-') || !email.includes('@')) return null;
  return { email, undo };
}

function usage(io: Output): number {
  io.err(`${USAGE}\nGive exactly one email address, the one the therapist signed up with.`);
  return 2;
}

/** The command's work on an open database; returns the exit code. */
export async function verifyTherapist(db: Database, args: string[], io: Output): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed) return usage(io);
  const { email, undo } = parsed;
  const found = await findTherapistByEmail(db, email);
  if (!found.found) {
    if (found.reason === 'unknown-email') {
      io.err(
        `There is no account with the email ${email}. Check the spelling, or ask the therapist which email they used.`,
      );
      return 3;
    }
    io.err(
      `The account ${email} is not a therapist's account, so there is nothing to verify. Therapists sign up at /therapist/signup.`,
    );
    return 4;
  }
  const { details } = found;
  io.out(
    [
      undo
        ? `Taking the verified mark away from ${email}:`
        : `Verifying ${email} with these details:`,
      `  Name:      ${details.name}`,
      `  Practice:  ${details.practiceName}`,
      `  Licence:   ${details.licence}`,
    ].join('\n'),
  );
  const outcome = await setTherapistVerified(db, details, !undo);
  switch (outcome) {
    case 'verified':
      io.out(
        `${email} is now shown to couples as verified by this service's operator, for these details. If the therapist changes any of them, the mark is cleared until you verify again.`,
      );
      return 0;
    case 'unverified':
      io.out(`${email} is no longer marked as verified; couples now see "not verified".`);
      return 0;
    case 'unchanged':
      io.out(
        undo
          ? `${email} was not marked as verified; nothing changed.`
          : `${email} was already marked as verified for these details; nothing changed.`,
      );
      return 0;
    case 'details-changed':
      io.err(
        `The therapist's details changed while this ran, so nothing was marked. Run the command again and check the details it shows.`,
      );
      return 5;
  }
}

async function main(): Promise<number> {
  const io: Output = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
  // Wrong arguments are answered before the database is opened.
  if (!parseArgs(process.argv.slice(2))) return usage(io);
  try {
    const config = loadConfig();
    const handle = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      logger: cliLogger,
      backups: { ...config.backups, enabled: false },
      migrate: true,
    });
    try {
      return await verifyTherapist(handle.db, process.argv.slice(2), io);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof ConfigError) io.err(error.message);
    else if (error instanceof LockHeldError) {
      io.err(
        `${error.message}\nThe embedded database is used by the running app. Stop the app, run this command, then start it again.`,
      );
    } else io.err(`Could not verify: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main();
}
