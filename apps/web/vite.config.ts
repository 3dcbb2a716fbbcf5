import { defineConfig } from 'vite';
import * as path from 'node:path';

const root = path.resolve(__dirname);

/** Plain esbuild JSX (no React plugin needed); the api serves dist/ in production, the dev server proxies /api to it. */
export default defineConfig({
  root,
  base: '/',
  publicDir: path.join(root, 'public'),
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2020',
    // ECharts is its own lazy chunk (~590 kB, ~200 kB gzipped), loaded by the statistics page only.
    chunkSizeWarningLimit: 650,
    rollupOptions: {
      // TanStack Query marks its hooks "use client" for React Server Components; a client-only bundle has nothing to do with it.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use client"')) return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false }, '/admin': { target: 'http://127.0.0.1:3000' } },
  },
});
