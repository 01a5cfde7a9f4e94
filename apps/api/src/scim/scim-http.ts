import type { NextFunction, Request, Response } from 'express';
import { findUnsafeInput } from '../common/input-safety';
import { noStore } from '../common/http-policies';
import { ScimError, scimInvalid, sendScimError } from './scim-errors';
import { SCIM_BASE_PATH } from './scim-schemas';

/** Body parser refusals (malformed JSON, too large) on SCIM paths, in the SCIM error shape. */
function scimBodyErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const error = err as { type?: unknown; status?: unknown; message?: string };
  const status = typeof error?.status === 'number' ? error.status : 0;
  if (typeof error?.type !== 'string' || status < 400 || status >= 500) return next(err);
  noStore(_req, res, () => undefined);
  sendScimError(
    res,
    new ScimError(status, `Malformed request body: ${error.message ?? 'unreadable'}`, 'invalidSyntax'),
  );
}

/** NUL characters, lone surrogates and too deep nesting, refused as the api does, but SCIM-shaped. */
function scimUnsafeBody(req: Request, res: Response, next: NextFunction): void {
  const problem = findUnsafeInput(req.body);
  if (problem) return sendScimError(res, scimInvalid(problem.message));
  next();
}

/** Express middleware for the SCIM paths, mounted after the body parsers and before the api's own error answers. */
export const SCIM_HTTP = {
  path: SCIM_BASE_PATH,
  handlers: [noStore, scimBodyErrors, scimUnsafeBody],
} as const;

/** The media types the JSON body parser reads: identity providers send application/scim+json. */
export const JSON_MEDIA_TYPES = ['application/json', 'application/scim+json'];
