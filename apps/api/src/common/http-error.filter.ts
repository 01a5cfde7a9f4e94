import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { type ApiErrorBody, type ApiErrorCode, isApiErrorCode } from '@wk/contracts';
import { DomainError } from './domain-error';

const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';

/** One place turns every error into the ApiErrorBody shape; unexpected errors never leak details. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(exception);
    if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    send(response, body);
  }
}

/** Answers an error from plain Express middleware, which runs outside Nest's filters. */
export function sendError(response: Response, exception: unknown): void {
  send(response, toErrorBody(exception));
}

function send(response: Response, body: ApiErrorBody): void {
  // A route's @Header (image/png, application/pdf, an attachment) must not label its error.
  response.removeHeader('Content-Disposition');
  response.status(body.statusCode).type('application/json').json(body);
}

export function toErrorBody(exception: unknown): ApiErrorBody {
  if (exception instanceof DomainError) {
    return {
      ...exception.details,
      ...errorBody(exception.status, exception.code, exception.message, exception.errors),
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const raw = exception.getResponse();
    const payload =
      typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : { message: raw };
    const message = Array.isArray(payload.message)
      ? payload.message.join('; ')
      : String(payload.message ?? exception.message);
    const errors = payload.errors as ApiErrorBody['errors'];
    // A payload's code is typed where it is thrown (errorPayload); anything else is named by its status.
    const code = isApiErrorCode(payload.code) ? payload.code : codeFor(status);
    const { message: _m, statusCode: _s, error: _e, code: _c, errors: _x, ...details } = payload;
    return { ...details, ...errorBody(status, code, clarify(status, message), errors) };
  }
  const pgCode = (exception as { code?: string })?.code;
  if (pgCode === PG_UNIQUE_VIOLATION)
    return errorBody(HttpStatus.CONFLICT, 'conflict', 'This conflicts with an existing record');
  if (pgCode === PG_FOREIGN_KEY_VIOLATION)
    return errorBody(HttpStatus.CONFLICT, 'in_use', 'This record is referenced elsewhere');
  return errorBody(HttpStatus.INTERNAL_SERVER_ERROR, 'internal_error', 'Something went wrong on our side');
}

function errorBody(
  statusCode: number,
  code: ApiErrorCode,
  message: string,
  errors?: ApiErrorBody['errors'],
): ApiErrorBody {
  return { statusCode, error: reasonPhrase(statusCode), code, message, ...(errors ? { errors } : {}) };
}

/** "Bad Request" from HttpStatus.BAD_REQUEST, as HTTP itself names it. */
function reasonPhrase(status: number): string {
  const name = HttpStatus[status];
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');
}

/** 'not_found' from 404, as HTTP names it; a status without a code of its own is 'error'. */
function codeFor(status: number): ApiErrorCode {
  if (status === HttpStatus.INTERNAL_SERVER_ERROR) return 'internal_error';
  const named = (HttpStatus[status] ?? '').toLowerCase();
  return isApiErrorCode(named) ? named : 'error';
}

/** Express's body parser reports malformed JSON with a parser message; say what it means. */
function clarify(status: number, message: string): string {
  if (
    status === 400 &&
    /JSON|Unexpected token|Unexpected end/i.test(message) &&
    !message.startsWith('Malformed')
  )
    return `Malformed JSON body: ${message}`;
  return message;
}
