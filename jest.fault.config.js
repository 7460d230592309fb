// Fault-injection tests: real services only, one at a time (they stop PostgreSQL and Redis).
import base from './jest.config.js';

export default { ...base, testMatch: ['<rootDir>/test/fault/**/*.fault-spec.ts'], maxWorkers: 1, testTimeout: 240000 };
