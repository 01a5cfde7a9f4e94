import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const lib = (name: string) => fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  resolve: { alias: { '@wk/domain': lib('domain'), '@wk/contracts': lib('contracts') } },
  build: { outDir: '../../dist/apps/web', emptyOutDir: true, sourcemap: true },
  // `npm run dev:web`: the api runs on :3000 and the dev server forwards /api/… to it. A regex key,
  // because a plain '/api' prefix would also swallow the page /api-keys.
  server: { port: 4200, proxy: { '^/api/': 'http://localhost:3000' } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
