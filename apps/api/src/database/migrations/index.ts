import { Foundation1763856000000 } from './1763856000000-foundation';

/** Every migration, in order. Hand-reviewed SQL; `synchronize` is never used. */
export const migrations = [Foundation1763856000000];
