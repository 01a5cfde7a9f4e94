import { HttpStatus } from '@nestjs/common';
import type { ApiErrorCode, ApiResource, FieldError } from '@wk/contracts';

/**
 * A business rule said no. The code is stable for clients and must be one of ApiErrorCode
 * (libs/contracts errors.ts), so a new code is added there, where the web's NL/EN message map
 * demands a message for it; one filter maps the error to HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: HttpStatus,
    readonly errors?: FieldError[],
    /** Extra fields for the body, e.g. `resource` on a 404. */
    readonly details?: { resource?: ApiResource },
  ) {
    super(message);
  }
}

/** `notFound('Team')` → 404 "Team not found"; `of` narrows it: "Owner of actions[0] not found". */
export const notFound = (what: ApiResource, of?: string) =>
  new DomainError(
    'not_found',
    `${of ? `${what} of ${of}` : what} not found`,
    HttpStatus.NOT_FOUND,
    undefined,
    {
      resource: what,
    },
  );
export const conflict = (code: ApiErrorCode, message: string, field?: string) =>
  new DomainError(code, message, HttpStatus.CONFLICT, field ? [{ field, message }] : undefined);
export const invalid = (field: string, message: string) =>
  new DomainError('validation_failed', `${field}: ${message}`, HttpStatus.BAD_REQUEST, [{ field, message }]);

/**
 * The body of an HttpException (`new ForbiddenException(errorPayload('forbidden', '…'))`), typed so
 * that its code is one of ApiErrorCode like a DomainError's.
 */
export const errorPayload = <T extends Record<string, unknown>>(
  code: ApiErrorCode,
  message: string,
  extra?: T,
) => ({
  ...extra,
  code,
  message,
});
