export * from './descriptive';
export * from './intervals';
export * from './welch';
export * from './self';
export * from './customer';
export * from './kpis';
export * from './suppression';
