import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = import.meta.dirname;
const repoRoot = path.resolve(webRoot, '../..');

/**
 * The web app builds to <repo>/dist/web, which the server serves: index.html for every page
 * path, hashed files under /assets/. No source maps in the build, no inline scripts or styles
 * (the server's CSP allows neither).
 */
export default defineConfig({
  root: webRoot,
  publicDir: path.join(webRoot, 'public'),
  plugins: [react()],
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    // Keep every asset a file, so nothing turns into an inline data: script or style.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
