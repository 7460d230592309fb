// Registers scripts/test-loader-hooks.mjs (TypeScript and the path aliases for the Jest suites); jest.config.js
// names it in `setupFiles`, so jest-light-runner imports it in every test worker before the first test file.
import { register } from 'node:module';

register('./test-loader-hooks.mjs', import.meta.url);
process.setSourceMapsEnabled(true);
