export default {
  ...require('../../jest.preset.js'),
  displayName: 'e2e (Chromium)',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  globalSetup: '<rootDir>/../support/global-setup.ts',
  globalTeardown: '<rootDir>/../support/global-teardown.ts',
  // Each file on its own copy of the migrated database (see file-database.ts).
  setupFilesAfterEnv: ['<rootDir>/../support/file-database.ts'],
  testTimeout: 90_000,
  maxWorkers: 1,
};
