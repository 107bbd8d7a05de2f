import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text files worth compressing; images other than SVG and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json|html|txt)$/;
/** Below this, the headers of a compressed answer cost about what compression saves. */
const MIN_BYTES = 512;

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file under `dir`, at the
 * strongest settings: it happens once per build, and the server then sends the smallest file
 * the browser accepts without compressing anything per request (decision 0028).
 * Returns the files it compressed, relative to `dir`.
 */
export async function precompressDirectory(dir: string): Promise<string[]> {
  const names = (await readdir(dir, { recursive: true })).filter((name) => COMPRESSIBLE.test(name));
  const done: string[] = [];
  await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const source = await readFile(file);
      if (source.length < MIN_BYTES) return;
      const [br, gz] = await Promise.all([
        brotli(source, {
          params: {
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
          },
        }),
        gzip(source, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
      done.push(name);
    }),
  );
  return done.sort();
}

/**
 * A build step: precompresses the hashed files under `assets/` once they are written. The HTML
 * page is not among them, as the server fills it in before sending it.
 */
export function precompress(): Plugin {
  let assetsDir = '';
  return {
    name: 'healing-hearts:precompress',
    apply: 'build',
    configResolved(config) {
      assetsDir = path.resolve(config.build.outDir, config.build.assetsDir);
    },
    async writeBundle() {
      await precompressDirectory(assetsDir);
    },
  };
}
