import path from 'node:path';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

const webRoot = import.meta.dirname;
const repoRoot = path.resolve(webRoot, '../..');

/**
 * The app is written against React's API and runs on Preact (decision 0056): these names, as the
 * app and its libraries (React Router, TanStack Query) import them, resolve to `preact/compat`.
 * Exact matches only, so that `react-router` itself is not caught by `react`.
 */
export const PREACT_ALIASES = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
];

/**
 * The web app builds to <repo>/dist/web, which the server serves: index.html for every page
 * path, hashed files under /assets/. No source maps in the build, no inline scripts or styles
 * (the server's CSP allows neither). Every page but the front page brings its own code when first
 * shown; each file under /assets/ is also written brotli- and gzip-compressed, and the manifest
 * (dist/web/.vite/manifest.json) lets a test hold the first download to its budget (decision 0028).
 */
export default defineConfig({
  root: webRoot,
  publicDir: path.join(webRoot, 'public'),
  plugins: [precompress()],
  resolve: { alias: PREACT_ALIASES, dedupe: ['preact'] },
  // Vite's own transform compiles JSX; it only needs to call Preact's runtime.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    // Keep every asset a file, so nothing turns into an inline data: script or style.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    manifest: true,
    rolldownOptions: {
      onLog(level, log, defaultHandler) {
        // TanStack Query marks its modules "use client" (for React Server Components, which we do
        // not use), and React Router reads `useOptimistic`, which Preact lacks, with a fallback.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        if (log.code === 'IMPORT_IS_UNDEFINED' && log.message.includes('useOptimistic')) return;
        defaultHandler(level, log);
      },
      treeshake: {
        propertyReadSideEffects: false,
        moduleSideEffects: [
          { test: /\.css$/, sideEffects: true },
          { test: /[\\/]src[\\/](?:web|shared)[\\/][^?]*\.tsx?$/, sideEffects: false },
        ],
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
