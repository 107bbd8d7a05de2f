import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** One entry of Vite's build manifest (dist/web/.vite/manifest.json). */
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export const WEB_DIST = path.resolve(import.meta.dirname, '../../dist/web');

/**
 * The pages the budgets are about, each as the source modules whose code its first visit loads
 * (besides the app's entry): the lazy page and the panels the route table fetches along with it
 * (src/web/app/app.tsx).
 */
export const BUDGET_PAGES = {
  landing: { path: '/', modules: [] },
  lesson: { path: '/guide/:slug', modules: ['features/guide/lesson-page.tsx'] },
  home: {
    path: '/home',
    modules: [
      'features/space/home-page.tsx',
      'features/invites/invite-panel.tsx',
      'features/today/today-panels.tsx',
    ],
  },
} as const satisfies Record<string, { path: string; modules: readonly string[] }>;

export type BudgetPage = keyof typeof BUDGET_PAGES;

export interface PageWeight {
  /** Files under dist/web, in load order. */
  scripts: string[];
  styles: string[];
  /** Sizes in bytes: as built, and gzip-compressed as the server sends them (the .gz copy). */
  scriptBytes: number;
  scriptGzipBytes: number;
  scriptBrotliBytes: number;
  styleGzipBytes: number;
}

export function readManifest(distDir = WEB_DIST): Manifest {
  return JSON.parse(readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** The size of a file as sent with one encoding: its precompressed copy, or itself if small. */
function encodedSize(distDir: string, file: string, encoding: 'gz' | 'br'): number {
  const full = path.join(distDir, file);
  try {
    return readFileSync(`${full}.${encoding}`).length;
  } catch {
    // Small files are not precompressed (src/web/precompress.ts); they go as they are.
    const plain = readFileSync(full);
    return plain.length < 512
      ? plain.length
      : (encoding === 'gz' ? zlib.gzipSync(plain) : zlib.brotliCompressSync(plain)).length;
  }
}

/**
 * The JavaScript and CSS a first visit to a page loads: the entry with everything it imports
 * statically, and each of the page's own modules with theirs. Modules loaded later by the code
 * (a schema with a signed-in answer) are not counted.
 */
export function pageWeight(
  page: BudgetPage,
  { distDir = WEB_DIST, manifest = readManifest(distDir) } = {},
): PageWeight {
  const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entryKey) throw new Error('The build manifest has no entry.');
  const seen = new Set<string>();
  const scripts: string[] = [];
  const styles: string[] = [];
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The build manifest has no chunk for ${key}.`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
    if (chunk.file.endsWith('.js')) scripts.push(chunk.file);
    for (const css of chunk.css ?? []) if (!styles.includes(css)) styles.push(css);
  };
  visit(entryKey);
  for (const module of BUDGET_PAGES[page].modules) visit(module);
  const sum = (files: string[], size: (file: string) => number) =>
    files.reduce((total, file) => total + size(file), 0);
  return {
    scripts,
    styles,
    scriptBytes: sum(scripts, (file) => readFileSync(path.join(distDir, file)).length),
    scriptGzipBytes: sum(scripts, (file) => encodedSize(distDir, file, 'gz')),
    scriptBrotliBytes: sum(scripts, (file) => encodedSize(distDir, file, 'br')),
    styleGzipBytes: sum(styles, (file) => encodedSize(distDir, file, 'gz')),
  };
}
