import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

const webRoot = import.meta.dirname;
const repoRoot = path.resolve(webRoot, '../..');

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
  plugins: [react(), precompress()],
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    // Keep every asset a file, so nothing turns into an inline data: script or style.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    manifest: true,
    rolldownOptions: {
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
