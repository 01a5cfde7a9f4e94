export * from './lib/scales';
export * from './lib/anonymity';
export * from './lib/organisation-settings';
export * from './lib/values';
export * from './lib/cycles';
export * from './lib/surveys';
export * from './lib/scoring';
export * from './lib/periods';
