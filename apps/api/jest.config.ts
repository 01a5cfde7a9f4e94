export default {
  ...require('../../jest.preset.js'),
  displayName: 'api (unit)',
  rootDir: __dirname,
  // Unit tests of pure logic only; everything that needs PostgreSQL or Redis lives in test/.
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
