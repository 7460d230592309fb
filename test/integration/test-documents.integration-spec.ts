import { spawnSync } from 'node:child_process';

/**
 * The tests' typed documents (test/support/gql/, committed) are what the codegen makes now from
 * schema.graphql and test/support/documents.ts: a changed schema or document without
 * `node scripts/test-codegen.mjs` fails here, not as a wrong type somewhere else. (The codegen runs
 * in a child process: Jest's module system cannot load it.)
 */
describe('typed test documents', () => {
  const check = (): { status: number | null; stderr: string } =>
    spawnSync(process.execPath, ['scripts/test-codegen.mjs', '--check'], { encoding: 'utf8' });

  it('are current with schema.graphql and test/support/documents.ts', () => {
    expect(check()).toMatchObject({ status: 0, stderr: '' });
  });
});
