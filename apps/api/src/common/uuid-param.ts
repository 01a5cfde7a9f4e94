import { ParseUUIDPipe } from '@nestjs/common';
import type { ApiResource } from '@wk/contracts';
import { notFound } from './domain-error';

/** Ids in paths are UUIDs; anything else cannot exist, so it is a 404 rather than a 400. */
export const UuidParam = (what: ApiResource) => new ParseUUIDPipe({ exceptionFactory: () => notFound(what) });
