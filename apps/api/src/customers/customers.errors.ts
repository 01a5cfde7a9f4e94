import { HttpStatus } from '@nestjs/common';
import type { FieldError } from '@wk/contracts';
import { conflict, DomainError } from '../common/domain-error';

const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';

/** One 400 naming every field a business rule refused, like the validation pipe does. */
export const invalidFields = (errors: FieldError[]) =>
  new DomainError(
    'validation_failed',
    errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    HttpStatus.BAD_REQUEST,
    errors,
  );

export const nameTaken = (what: string) =>
  conflict('name_taken', `A ${what} with this name already exists`, 'name');

const pgError = (e: unknown) => e as { code?: string; constraint?: string };

/**
 * For `.catch` on a write: a race past the name check hits the unique index, which is still the
 * same name_taken answer; everything else is rethrown as is.
 */
export const onNameClash =
  (index: string, what: string) =>
  (e: unknown): never => {
    if (pgError(e).code === PG_UNIQUE_VIOLATION && pgError(e).constraint === index) throw nameTaken(what);
    throw e;
  };

/** For `.catch` on a delete: a reference added concurrently (after the usage check) is still in_use. */
export const onReferenced =
  (message: string, field?: string) =>
  (e: unknown): never => {
    if (pgError(e).code === PG_FOREIGN_KEY_VIOLATION) throw conflict('in_use', message, field);
    throw e;
  };
