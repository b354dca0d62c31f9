/**
 * Unit tests beside the pure code; integration tests that boot Strapi in-process; browser tests
 * that drive the built admin panel in Chromium.
 */
const transform = {
  '^.+\\.tsx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2021' }, module: { type: 'commonjs' } },
  ],
};

module.exports = {
  // The demo's seeding test first: the other demo files start from its copy.
  testSequencer: '<rootDir>/tests/sequencer.js',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      transform,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      transform,
      globalSetup: '<rootDir>/tests/global-setup.js',
      globalTeardown: '<rootDir>/tests/global-teardown.js',
      setupFilesAfterEnv: ['<rootDir>/tests/setup-after-env.js'],
    },
    {
      // Probes of what the public API, tokens and staff roles must never see (tests/security/).
      displayName: 'security',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/security/**/*.test.ts'],
      transform,
      globalSetup: '<rootDir>/tests/global-setup.js',
      globalTeardown: '<rootDir>/tests/global-teardown.js',
      setupFilesAfterEnv: ['<rootDir>/tests/setup-after-env.js'],
    },
    {
      // The plugin as a package: packed, installed into a bare Strapi app and booted there.
      displayName: 'package',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/package/**/*.test.ts'],
      transform,
      resolver: '<rootDir>/tests/package/resolver.js',
      globalSetup: '<rootDir>/tests/package/global-setup.js',
      setupFilesAfterEnv: ['<rootDir>/tests/setup-after-env.js'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      transform,
      globalSetup: '<rootDir>/tests/e2e/global-setup.js',
      globalTeardown: '<rootDir>/tests/global-teardown.js',
      setupFilesAfterEnv: ['<rootDir>/tests/setup-after-env.js'],
    },
  ],
};
