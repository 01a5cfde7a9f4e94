import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '../common/domain-error';
import { SCIM_CONTENT_TYPE, SCIM_SCHEMAS } from './scim-schemas';

/** RFC 7644 §3.12 scimType values this server answers with. */
export type ScimType =
  | 'invalidFilter'
  | 'invalidSyntax'
  | 'invalidValue'
  | 'invalidPath'
  | 'noTarget'
  | 'uniqueness'
  | 'mutability'
  | 'tooMany';

/** A refusal in SCIM terms: the filter below turns it into the SCIM error shape. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
  }
}

export const scimInvalid = (detail: string, scimType: ScimType = 'invalidValue') =>
  new ScimError(HttpStatus.BAD_REQUEST, detail, scimType);
export const scimNotFound = (what: string) => new ScimError(HttpStatus.NOT_FOUND, `${what} not found`);
export const scimConflict = (detail: string) => new ScimError(HttpStatus.CONFLICT, detail, 'uniqueness');

export interface ScimErrorBody {
  schemas: [typeof SCIM_SCHEMAS.error];
  status: string;
  scimType?: ScimType;
  detail: string;
}

const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';
/** Which SCIM attribute a unique constraint guards (constraint names from the migrations). */
const UNIQUE_ATTRIBUTES: [RegExp, string][] = [
  [/email/, 'userName (e-mail)'],
  [/employee_number/, 'employeeNumber'],
  [/external_id/, 'externalId'],
];

export function toScimError(exception: unknown): ScimError {
  if (exception instanceof ScimError) return exception;
  if (exception instanceof DomainError) return new ScimError(exception.status, exception.message);
  if (exception instanceof HttpException) {
    const raw = exception.getResponse();
    const message =
      typeof raw === 'object' && raw !== null && 'message' in raw
        ? String((raw as { message: unknown }).message)
        : exception.message;
    const status = exception.getStatus();
    return new ScimError(status, message, status === 400 ? 'invalidSyntax' : undefined);
  }
  const pg = exception as { code?: string; constraint?: string };
  if (pg?.code === PG_UNIQUE_VIOLATION) {
    const attribute = UNIQUE_ATTRIBUTES.find(([pattern]) => pattern.test(pg.constraint ?? ''))?.[1];
    return scimConflict(`${attribute ?? 'A unique attribute'} is already in use in this organisation`);
  }
  if (pg?.code === PG_FOREIGN_KEY_VIOLATION)
    return new ScimError(HttpStatus.CONFLICT, 'This resource is still referenced elsewhere');
  return new ScimError(HttpStatus.INTERNAL_SERVER_ERROR, 'Something went wrong on our side');
}

export function sendScimError(response: Response, error: ScimError): void {
  const body: ScimErrorBody = {
    schemas: [SCIM_SCHEMAS.error],
    status: String(error.status),
    ...(error.scimType ? { scimType: error.scimType } : {}),
    detail: error.detail,
  };
  response.status(error.status).type(SCIM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** Every error of a SCIM route in the RFC 7644 §3.12 shape (identity providers log `detail`). */
@Catch()
export class ScimExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Scim');

  catch(exception: unknown, host: ArgumentsHost): void {
    const error = toScimError(exception);
    if (error.status >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    sendScimError(host.switchToHttp().getResponse<Response>(), error);
  }
}
