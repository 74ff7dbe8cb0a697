/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests', '<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  // The browser tests need the admin panel built and a browser: `npm run test:browser` runs them.
  testPathIgnorePatterns: [
    '<rootDir>/node_modules/',
    '<rootDir>/dist/',
    '<rootDir>/.tmp/',
    ...(process.env.BROWSER_TESTS === 'true' ? [] : ['<rootDir>/tests/browser/']),
  ],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }] },
  globalSetup: '<rootDir>/tests/harness/global-setup.ts',
  // Each file boots its own Strapi (5–10 s) and seeds the demo.
  testTimeout: 120000,
  maxWorkers: 2,
};
