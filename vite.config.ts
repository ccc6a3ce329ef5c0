// The web app: built into dist/web (served by the Fastify app), dev server proxies the API.
// The `test` block runs the React component tests (src/web/**/*.test.tsx) under happy-dom.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://localhost:3000';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': api, '/health': api },
  },
  test: {
    root: repoRoot,
    include: ['src/web/**/*.test.tsx'],
    environment: 'happy-dom',
  },
});
