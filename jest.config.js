/** Two tiers (conventions.md): unit tests beside the pure code, integration tests that boot Strapi. */
const transform = {
  '^.+\\.tsx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2021' }, module: { type: 'commonjs' } },
  ],
};

module.exports = {
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
      setupFilesAfterEnv: ['<rootDir>/tests/setup-after-env.js'],
    },
  ],
};
