import { randomBytes } from 'node:crypto';

// Jest in ESM mode with SWC (NestJS 12 is ESM-only; see README "Toolchain").
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

// One name per run, inherited by the workers: the migrated and seeded template database of this run
// (test/support/seeded-template.ts) is built once and dropped by the global teardown.
process.env.JM_TEST_RUN ??= randomBytes(8).toString('hex');

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@jm/plugin-sdk$': '<rootDir>/libs/plugin-sdk/index.ts',
    '^@engine/(.*)$': '<rootDir>/libs/engine/$1',
    '^@core/(.*)$': '<rootDir>/libs/core/$1',
    '^@modules/(.*)$': '<rootDir>/libs/modules/$1',
    '^@test/(.*)$': '<rootDir>/test/$1',
  },
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.integration-spec.ts', '<rootDir>/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  // Generous: a loaded 2-CPU machine must not fail a test that is only slow (tests assert behaviour, never time).
  testTimeout: 180000,
  maxWorkers: 2,
  // A worker that holds more than this after a suite is replaced: the suites' apps leave a few hundred MB
  // each behind them in a worker (3.5 GB after ~35 suites, measured), and every major GC then walks it.
  workerIdleMemoryLimit: '1536MB',
};
