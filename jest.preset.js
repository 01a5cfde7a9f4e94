// Shared Jest settings: ts-jest in isolatedModules mode (types are checked by the typecheck target).
module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  moduleNameMapper: {
    '^@wk/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    '^@wk/contracts$': '<rootDir>/../../libs/contracts/src/index.ts',
    '^@wk/api-testing$': '<rootDir>/../../apps/api/src/testing.ts',
  },
};
