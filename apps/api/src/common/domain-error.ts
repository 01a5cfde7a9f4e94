import { HttpStatus } from '@nestjs/common';
import type { FieldError } from '@wk/contracts';

/** A business rule said no. The code is stable for clients; one filter maps it to HTTP. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: HttpStatus,
    readonly errors?: FieldError[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) =>
  new DomainError('not_found', `${what} not found`, HttpStatus.NOT_FOUND);
export const conflict = (code: string, message: string, field?: string) =>
  new DomainError(code, message, HttpStatus.CONFLICT, field ? [{ field, message }] : undefined);
export const invalid = (field: string, message: string) =>
  new DomainError('validation_failed', `${field}: ${message}`, HttpStatus.BAD_REQUEST, [{ field, message }]);
