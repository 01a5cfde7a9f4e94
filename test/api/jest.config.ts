export default {
  ...require('../../jest.preset.js'),
  displayName: 'api (integration, black-box)',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  globalSetup: '<rootDir>/../support/global-setup.ts',
  globalTeardown: '<rootDir>/../support/global-teardown.ts',
  testTimeout: 60_000,
  // Each file boots its own api against the shared per-run database; two at a time fits 2 cores.
  maxWorkers: 2,
};
