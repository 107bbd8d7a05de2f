import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressDirectory } from './precompress';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('precompressDirectory', () => {
  it('writes brotli and gzip copies of text files that decompress to the original', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hh-precompress-'));
    mkdirSync(path.join(dir, 'nested'));
    const script = `console.log("${'steady '.repeat(300)}");`;
    const style = `.page { color: teal; }\n`.repeat(60);
    writeFileSync(path.join(dir, 'app.js'), script);
    writeFileSync(path.join(dir, 'nested', 'app.css'), style);
    writeFileSync(path.join(dir, 'tiny.js'), 'export {};');
    writeFileSync(path.join(dir, 'photo.png'), Buffer.alloc(4096, 7));

    const done = await precompressDirectory(dir);

    expect(done).toEqual(['app.js', path.join('nested', 'app.css')]);
    for (const [name, text] of [
      ['app.js', script],
      [path.join('nested', 'app.css'), style],
    ] as const) {
      const file = path.join(dir, name);
      const br = readFileSync(`${file}.br`);
      const gz = readFileSync(`${file}.gz`);
      expect(zlib.brotliDecompressSync(br).toString()).toBe(text);
      expect(zlib.gunzipSync(gz).toString()).toBe(text);
      expect(br.length).toBeLessThan(text.length / 4);
    }
    // Too small to gain anything, or not text: left as they are.
    expect(existsSync(path.join(dir, 'tiny.js.br'))).toBe(false);
    expect(existsSync(path.join(dir, 'photo.png.gz'))).toBe(false);
  });
});
