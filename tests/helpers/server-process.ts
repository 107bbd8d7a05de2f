import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ServerProcess {
  base: string;
  child: ChildProcess;
  /** SIGTERM, then wait for the process to exit (it closes the database cleanly). */
  stop(): Promise<void>;
}

/**
 * Starts the real server (`tests/fixtures/server.ts`) in its own process on a free port, configured
 * only through `env`, and waits until /api/health answers.
 */
export async function startServerProcess(
  env: Record<string, string>,
  options: { port?: number; readyTimeoutMs?: number; showLogs?: boolean } = {},
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/server.ts'], {
    cwd: ROOT,
    env: { HOST: '127.0.0.1', PUBLIC_URL: base, ...env, PORT: String(port) },
    // The server logs to stdout; `showLogs` passes them through (to debug a start that stalls).
    stdio: ['ignore', options.showLogs ? 'inherit' : 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    if (
      await fetch(`${base}/api/health`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return { base, child, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`the server did not become ready in ${readyTimeoutMs / 1000} s`);
}
