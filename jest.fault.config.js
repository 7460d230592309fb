// Fault-injection tests: real services only, one at a time (they stop PostgreSQL and Redis).
import { globals, light } from './jest.config.js';

// test/support/test-timeouts.mjs reads it when the runner runs the files in Jest's own process (one worker).
process.env.JM_TEST_TIMEOUT = '240000';

export default {
  ...globals,
  ...light,
  testMatch: ['<rootDir>/test/fault/**/*.fault-spec.ts'],
  maxWorkers: 1,
  testTimeout: 240000,
};
