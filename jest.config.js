/** Unit specs beside the code and integration/e2e suites under test/, all on the real PostgreSQL and Redis. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, target: 'es2022' }, module: { type: 'commonjs' } }];
const moduleNameMapper = {
  '^@techbridge/platform/(.*)$': '<rootDir>/libs/platform/src/$1',
  '^@techbridge/([a-z-]+)$': '<rootDir>/libs/$1/src',
};
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/*/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  // A bound against hangs, not a speed check: on a loaded 2-core CI machine a heavy suite can take minutes.
  testTimeout: 300000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
