export default {
  ...require('../../jest.preset.js'),
  displayName: 'api (integration, black-box)',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  globalSetup: '<rootDir>/../support/global-setup.ts',
  globalTeardown: '<rootDir>/../support/global-teardown.ts',
  // Each file on its own copy of the migrated database (see file-database.ts).
  setupFilesAfterEnv: ['<rootDir>/../support/file-database.ts'],
  testTimeout: 60_000,
  // Each file boots its own api (and workers) on its own database copy; two at a time fits 2 cores.
  maxWorkers: 2,
};
