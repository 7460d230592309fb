// Jest's time-outs under jest-light-runner (jest.config.js `setupFilesAfterEnv`): the runner calls a test's or
// a hook's function without the time-out Jest would apply, so a test that hangs would hold the whole run.
// Each function registered through the circus globals (it, test, each, hooks) is wrapped here: it fails after
// its own time-out (the third argument) or the config's `testTimeout`, as under Jest's default runner.
import { workerData } from 'node:worker_threads';
import { addEventHandler } from 'jest-circus';

const fallback = Number(workerData?.globalConfig?.testTimeout ?? process.env.JM_TEST_TIMEOUT ?? 5000);

function withTimeout(fn, timeout, what) {
  // A function that takes `done` is the runner's to call; none of the suites uses one.
  if (typeof fn !== 'function' || fn.length > 0) return fn;
  const ms = timeout ?? fallback;
  return function timed() {
    let timer;
    const expired = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Exceeded timeout of ${ms} ms for ${what}.`)), ms);
    });
    return Promise.race([Promise.resolve().then(() => fn.call(this)), expired]).finally(() => clearTimeout(timer));
  };
}

addEventHandler((event, state) => {
  if (event.name === 'add_test') {
    const test = state.currentDescribeBlock.children.at(-1);
    if (test?.type === 'test' && test.fn === event.fn) test.fn = withTimeout(test.fn, test.timeout, 'a test');
  } else if (event.name === 'add_hook') {
    const hook = state.currentDescribeBlock.hooks.at(-1);
    if (hook?.fn === event.fn) hook.fn = withTimeout(hook.fn, hook.timeout, `a hook (${hook.type})`);
  }
});
