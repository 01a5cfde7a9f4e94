export * from './lib/roles';
export * from './lib/errors';
export * from './lib/auth';
export * from './lib/organisations';
export * from './lib/people';
export * from './lib/imports';
export * from './lib/outbox';
export * from './lib/values';
