import { ForbiddenException } from '@nestjs/common';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import { sendError } from './http-error.filter';

/** Api answers hold personal data: no browser or proxy may keep them. A route may set its own. */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

const compressor = compression({ threshold: 1024 });

/**
 * Reads (GET) of 1 KB or more go out compressed (gzip or brotli, as the client asks): the dashboard's
 * reports and CSV downloads shrink several times on a slow phone line. Writes never are: their
 * answers are small, and a response that mixes a secret it issues (an API key, a token) with text
 * the caller sent is what compression attacks (BREACH) read.
 */
export function compressReads(req: Request, res: Response, next: NextFunction): void {
  // Decided before compression wraps the response, so a write (the answer intake's hot path) pays nothing.
  if (req.method === 'GET') compressor(req, res, next);
  else next();
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The origin of an Origin or Referer header; null for `null` or anything unparsable. */
function originOf(header: string): string | null {
  try {
    return new URL(header).origin;
  } catch {
    return null;
  }
}

/**
 * CSRF defence on top of SameSite=Lax: a write that carries one of the session cookies and says
 * it comes from another origin (Origin, or lacking it Referer) is refused. Requests without the
 * cookie (API keys, bearer tokens) carry no ambient authority and are left alone.
 */
export function sameOriginWrites(publicUrl: string, sessionCookies: readonly string[]) {
  const own = originOf(publicUrl);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!WRITES.has(req.method)) return next();
    const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
    if (!sessionCookies.some((name) => cookies[name])) return next();
    const header = req.get('origin') ?? req.get('referer');
    if (header === undefined) return next();
    const claimed = originOf(header);
    const host = req.get('host');
    if (claimed !== null && (claimed === own || (host && claimed === `${req.protocol}://${host}`)))
      return next();
    sendError(
      res,
      new ForbiddenException({
        code: 'bad_origin',
        message: 'This request comes from another site; send it from the Waardenkompas app itself',
      }),
    );
  };
}
