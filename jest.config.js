import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

// One name per run, inherited by the workers: the migrated and seeded template database of this run
// (test/support/seeded-template.ts) is built once and dropped by the global teardown.
process.env.JM_TEST_RUN ??= randomBytes(8).toString('hex');

const rootDir = fileURLToPath(new URL('.', import.meta.url));
// Generous: a loaded 2-CPU machine must not fail a test that is only slow (tests assert behaviour, never time).
const testTimeout = 180000;
// test/support/test-timeouts.mjs reads it when the runner runs the files in Jest's own process (one worker).
process.env.JM_TEST_TIMEOUT = String(testTimeout);

// The files that need a module registry of their own (docs/operations.md#the-test-runner): the observability
// suite reads the JSON log lines of its app, and nestjs-pino keeps one pino-http instance per process, that of
// the first JSON app; the keyed-lists registry's own spec starts from an empty registry and registers lists of
// its own, which the exact lists of compose.spec and contexts.spec would then see.
const ISOLATED = ['<rootDir>/test/e2e/observability.e2e-spec.ts', '<rootDir>/libs/engine/plugins/keyed-lists.spec.ts'];
const testPathIgnorePatterns = ['/node_modules/', '/dist/', '/.data/'];

/**
 * jest-light-runner: each worker imports the test files natively, so the app's ~2,400 modules load once per
 * worker rather than once per test file in Jest's vm registry. TypeScript and the path aliases come from
 * scripts/test-loader.mjs (SWC with the build's options), Jest's time-outs from test/support/test-timeouts.mjs.
 * No per-file isolation: a test file restores what it changes (process.env, spies, globals) and mocks no module.
 */
export const light = {
  rootDir,
  runner: 'jest-light-runner',
  setupFiles: ['<rootDir>/scripts/test-loader.mjs'],
  setupFilesAfterEnv: ['<rootDir>/test/support/test-timeouts.mjs'],
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.integration-spec.ts', '<rootDir>/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: [...testPathIgnorePatterns, ...ISOLATED.map((f) => `${f.replace('<rootDir>/', '/')}$`)],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

// Jest's own runner (ESM in its vm registry, SWC through @swc/jest) for the ISOLATED files.
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
const isolated = {
  rootDir,
  displayName: 'isolated',
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
  testMatch: ISOLATED,
  testPathIgnorePatterns,
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

export const globals = {
  rootDir,
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout,
  maxWorkers: 2,
  // Jest's own runner replaces a worker that holds more than this after a suite (the light runner does not).
  workerIdleMemoryLimit: '1536MB',
};

export default { ...globals, projects: [light, isolated] };
