import { BadRequestException, HttpException, PayloadTooLargeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { FieldError } from '@wk/contracts';
import { sendError } from './http-error.filter';

/** Deeper than any request the api takes (a value set nests 5 levels); deeper input is an attack. */
export const MAX_INPUT_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What PostgreSQL refuses in text (NUL) or stores garbled (lone surrogates), so the api refuses it first. */
function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (it holds a lone surrogate)';
  return undefined;
}

/**
 * The first NUL character, lone surrogate or too deep nesting in a parsed value, named by its
 * field path (`a.b[0]`). Iterative, so that deep input cannot overflow the stack here as well.
 */
export function findUnsafeInput(value: unknown, root = ''): FieldError | undefined {
  const pending: [unknown, string, number][] = [[value, root, 0]];
  while (pending.length > 0) {
    const [item, field, depth] = pending.pop() as [unknown, string, number];
    const name = field || 'body';
    if (typeof item === 'string') {
      const problem = textProblem(item);
      if (problem) return { field: name, message: `${name} ${problem}` };
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      // The top-level field: the full path would be dozens of segments long.
      const top = /^[^.[]*/.exec(field)?.[0] || 'body';
      return { field: top, message: `${top} is nested deeper than ${MAX_INPUT_DEPTH} levels` };
    }
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) pending.push([item[i], `${field}[${i}]`, depth + 1]);
      continue;
    }
    const entries = Object.entries(item);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      const problem = textProblem(key);
      if (problem) return { field: name, message: `a field name in ${name} ${problem}` };
      pending.push([child, field ? `${field}.${key}` : key, depth + 1]);
    }
  }
  return undefined;
}

function refuse(error: FieldError): BadRequestException {
  return new BadRequestException({
    code: 'validation_failed',
    message: `${error.field}: ${error.message}`,
    errors: [error],
  });
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Checks the raw path and query string (Express would replace bad escapes or throw later). */
function findUnsafeUrl(req: Request): FieldError | undefined {
  const [path, query = ''] = req.originalUrl.split(/\?(.*)/s);
  for (const segment of path.split('/')) {
    const text = decode(segment);
    if (text === undefined) return { field: 'path', message: 'path must be valid percent-encoded UTF-8' };
    const problem = textProblem(text);
    if (problem) return { field: 'path', message: `path ${problem}` };
  }
  for (const pair of query.split('&')) {
    const [rawKey, rawValue = ''] = pair.split(/=(.*)/s);
    const key = decode(rawKey);
    const field = key !== undefined && !textProblem(key) ? key : 'query';
    if (key === undefined)
      return { field, message: 'a query parameter name must be valid percent-encoded UTF-8' };
    const keyProblem = textProblem(key);
    if (keyProblem) return { field, message: `a query parameter name ${keyProblem}` };
    const value = decode(rawValue);
    if (value === undefined) return { field, message: `${field} must be valid percent-encoded UTF-8` };
    const problem = textProblem(value);
    if (problem) return { field, message: `${field} ${problem}` };
  }
  return undefined;
}

/**
 * Refuses, before any guard, pipe or query sees them: NUL characters, lone surrogates and bad
 * escapes in the path, query and body, and bodies nested deeper than MAX_INPUT_DEPTH.
 */
export function rejectUnsafeInput(req: Request, res: Response, next: NextFunction): void {
  const problem = findUnsafeUrl(req) ?? findUnsafeInput(req.body);
  if (problem) return sendError(res, refuse(problem));
  next();
}

/**
 * Answers body-parser errors (malformed JSON, too large, bad charset) as ApiErrorBody JSON right
 * here: later error handlers (the web app's static serving) would turn them into a 404.
 */
export function answerBodyErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const error = err as { type?: unknown; status?: unknown; message?: string; limit?: number };
  const status = typeof error?.status === 'number' ? error.status : 0;
  if (typeof error?.type !== 'string' || status < 400 || status >= 500) return next(err);
  if (error.type === 'entity.too.large')
    return sendError(
      res,
      new PayloadTooLargeException({
        code: 'payload_too_large',
        message: `The request body is larger than ${error.limit} bytes`,
      }),
    );
  if (error.type === 'entity.parse.failed')
    return sendError(res, new BadRequestException(`Malformed JSON body: ${error.message}`));
  sendError(res, new HttpException(error.message ?? 'Bad request body', status));
}
