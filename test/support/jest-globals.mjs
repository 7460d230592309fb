// `@jest/globals` under jest-light-runner (scripts/test-loader-hooks.mjs maps the import here): the package
// itself throws outside Jest's own module registry; the runner puts the same functions on globalThis.
export const { expect, describe, it, test, beforeAll, afterAll, beforeEach, afterEach, jest } = globalThis;
export const xit = globalThis.xit;
export const xdescribe = globalThis.xdescribe;
export const fit = globalThis.fit;
export const fdescribe = globalThis.fdescribe;
export const xtest = globalThis.xtest;
