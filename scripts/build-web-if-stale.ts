import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Progress for the person at the terminal (a CLI, not the app's log). */
const say = (text: string) => process.stdout.write(`${text}\n`);

const repoRoot = path.resolve(import.meta.dirname, '..');
const builtIndex = path.join(repoRoot, 'dist/web/index.html');
const configFile = path.join(repoRoot, 'src/web/vite.config.ts');
/** What the build is made from. A change to any of them (or a deleted file) means rebuild. */
const inputs = ['src/web', 'src/shared', 'package-lock.json'].map((p) => path.join(repoRoot, p));

async function modifiedAt(file: string): Promise<number | null> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return null;
  }
}

/** The newest modification time under a path; directories count too, as deleting a file touches them. */
async function newestUnder(target: string): Promise<number> {
  const own = await modifiedAt(target);
  if (own === null) return 0;
  let newest = own;
  const entries = await readdir(target, { recursive: true }).catch(() => [] as string[]);
  for (const entry of entries) {
    const time = await modifiedAt(path.join(target, entry));
    if (time !== null && time > newest) newest = time;
  }
  return newest;
}

/**
 * Builds the web app into dist/web when it is missing or older than its sources; otherwise
 * returns at once. Used by `npm start`, so a fresh clone serves a current app.
 */
export async function buildWebIfStale(log: (msg: string) => void): Promise<void> {
  const builtAt = await modifiedAt(builtIndex);
  if (builtAt !== null) {
    const newestInputs = await Promise.all(inputs.map(newestUnder));
    if (Math.max(...newestInputs) <= builtAt) return;
    log('The web app changed since it was last built; building it again…');
  } else {
    log('Building the web app for the first time…');
  }
  const started = Date.now();
  // Loaded only when needed, so the common "already current" case stays quick.
  const { build } = await import('vite');
  await build({ configFile, logLevel: 'warn' });
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

const runDirectly = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) {
  await buildWebIfStale((msg) => say(msg));
}
