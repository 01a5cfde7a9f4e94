import react from '@vitejs/plugin-react';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/apps/web', import.meta.url));

/**
 * Source maps stay beside the build for debugging, never in the folder the api serves publicly.
 * `fresh`: the first of the two builds starts the maps folder anew, the second adds to it.
 */
const mapsOutOfDist = (fresh: boolean): Plugin => ({
  name: 'wk-maps-out-of-dist',
  apply: 'build',
  writeBundle() {
    const assets = join(outDir, 'assets');
    const target = join(outDir, '..', 'web-sourcemaps');
    if (fresh) rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    for (const file of readdirSync(assets).filter((f) => f.endsWith('.map'))) {
      renameSync(join(assets, file), join(target, file));
    }
  },
});

const lib = (name: string) => fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));
const src = (path: string) => fileURLToPath(new URL(`src/${path}`, import.meta.url));

/**
 * The pages opened from outside on a phone (issue 13), each an HTML page and entry of its own
 * (src/public/): answer.html for /r/… and /q/…, self-assessment.html, login.html. The api and nginx
 * send them for their paths (apps/api/src/web/web-serving.ts, docker/nginx.conf).
 */
export const PUBLIC_PAGES = ['answer', 'self-assessment', 'login'] as const;

/**
 * Two builds into one folder (project.json runs both): the dashboard (index.html) and then the public
 * pages, where react-router and TanStack Query are replaced by the few lines those pages need
 * (src/public/light/), so that a phone loads React, the page, its Mantine parts and its texts only.
 */
export function webConfig(part: 'dashboard' | 'public') {
  const dashboard = part === 'dashboard';
  return defineConfig({
    root,
    plugins: [
      react(),
      mapsOutOfDist(dashboard),
      // Precompressed copies (.br, .gz) that the api sends as they are: no CPU per request.
      compression({
        include: /\.(js|css|html|svg|json)$/,
        threshold: 1024,
        algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      }),
    ],
    resolve: {
      alias: {
        '@wk/domain': lib('domain'),
        '@wk/contracts': lib('contracts'),
        ...(dashboard
          ? {}
          : {
              'react-router': src('public/light/router.tsx'),
              '@tanstack/react-query': src('public/light/query.tsx'),
            }),
      },
    },
    // favicon.svg and robots.txt are copied by the dashboard's build.
    publicDir: dashboard ? 'public' : false,
    build: {
      outDir,
      emptyOutDir: dashboard,
      // No sourceMappingURL comment; the maps are moved out of the served folder by mapsOutOfDist.
      sourcemap: 'hidden',
      rolldownOptions: {
        input: dashboard
          ? join(root, 'index.html')
          : Object.fromEntries(PUBLIC_PAGES.map((page) => [page, join(root, `${page}.html`)])),
        // The dashboard's Mantine in one chunk: its pages otherwise load 50+ small shared chunks, six
        // at a time over plain HTTP (bench:phone: overview 59 -> 32 files, usable 4.0 -> 3.4 s).
        ...(dashboard
          ? {
              output: {
                codeSplitting: { groups: [{ name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ }] },
              },
            }
          : {}),
        // These CommonJS/ESM packages declare no `sideEffects`, so an unused import of @wk/domain
        // (e.g. LOCALES) would pull the scoring maths and date code into every page.
        treeshake: {
          moduleSideEffects: (id) =>
            /node_modules\/(@stdlib|luxon|cron-parser)\//.test(id) ? false : undefined,
        },
      },
    },
    // `npm run dev:web`: the api runs on :3000 and the dev server forwards /api/… to it. A regex key,
    // because a plain '/api' prefix would also swallow the page /api-keys.
    server: { port: 4200, proxy: { '^/api/': 'http://localhost:3000' } },
    test: {
      environment: 'jsdom',
      include: ['src/**/*.spec.{ts,tsx}'],
      setupFiles: ['src/test-setup.ts'],
      // Pages render in jsdom and some wait out real polling intervals (an import job polls each
      // second): on two busy cores the 5 s default is too tight for a test's whole story.
      testTimeout: 20_000,
    },
  });
}

export default webConfig('dashboard');
