import type { INestApplication } from '@nestjs/common';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import type { AppConfig } from '../config/config';

/** The built dashboard's folder when WEB_DIST points at one, else ''. */
export function webDistOf(config: AppConfig): string {
  const dist = config.WEB_DIST ? resolve(config.WEB_DIST) : '';
  return dist && existsSync(resolve(dist, 'index.html')) ? dist : '';
}

/** Hashed build output: a changed file gets a new name, so a browser may keep every version for good. */
export const ASSETS_PATH = '/assets';
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves /assets from the files brotli and gzip compressed at build time (vite-plugin-compression2):
 * no CPU per request, and brotli at its best level, which on-the-fly compression cannot afford.
 * Unknown names fall through to a 404 (never the app's HTML), so a missing chunk or a source map
 * is not answered with a page.
 */
export function mountWebAssets(app: INestApplication, config: AppConfig): void {
  const dist = webDistOf(config);
  if (!dist) return;
  // Source maps stay private even if a build leaves one behind.
  const noMaps: RequestHandler = (req, res, next) =>
    req.path.endsWith('.map') ? notFound(req, res) : next();
  app.use(
    ASSETS_PATH,
    noMaps,
    expressStaticGzip(resolve(dist, 'assets'), {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        dotfiles: 'ignore',
        cacheControl: false,
        setHeaders: (res: ServerResponse) => res.setHeader('Cache-Control', IMMUTABLE),
      },
    }),
    notFound,
  );
}

/**
 * The pages opened from outside on a phone have light HTML pages of their own (apps/web/src/public):
 * the customer's answer page, the self-assessment form and sign-in. Every other path gets the
 * dashboard's index.html. docker/nginx.conf has the same map.
 */
export const PUBLIC_PAGES: readonly { path: RegExp; file: string }[] = [
  { path: /^\/(r|q)\/[^/]+\/?$/, file: 'answer.html' },
  { path: /^\/self-assessment\/[^/]+\/?$/, file: 'self-assessment.html' },
  { path: /^\/login\/?$/, file: 'login.html' },
];

/** Sends a public path its light page, revalidated like index.html; a build without it falls back to index.html. */
export function mountPublicPages(app: INestApplication, config: AppConfig): void {
  const dist = webDistOf(config);
  if (!dist) return;
  const pages = PUBLIC_PAGES.filter((page) => existsSync(resolve(dist, page.file)));
  app.use((req: Request, res: Response, next: () => void) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const page = pages.find((p) => p.path.test(req.path));
    if (!page) return next();
    res.sendFile(
      page.file,
      { root: dist, cacheControl: false, headers: { 'Cache-Control': 'no-cache' } },
      (error) => {
        if (error && !res.headersSent) next();
      },
    );
  });
}

/** The end of /assets: the dashboard's own static serving and its HTML fallback never see these paths. */
function notFound(req: Request, res: Response): void {
  res.status(404).json({ statusCode: 404, message: `Cannot GET ${req.originalUrl}`, error: 'Not Found' });
}

/** index.html and the other unhashed files: always revalidated (cheap with the ETag), so a deploy shows at once. */
export function revalidate(res: ServerResponse): void {
  res.setHeader('Cache-Control', 'no-cache');
}
