// The console's build: one entry, route-level chunks (React.lazy), everything bundled (no CDN).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
  // `npx vite apps/console` for development, against an API on :3000.
  server: { proxy: { '/graphql': 'http://127.0.0.1:3000', '/documents': 'http://127.0.0.1:3000' } },
});
