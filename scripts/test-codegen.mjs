// Typed GraphQL documents for the tests: the documents in test/support/documents.ts, typed from
// schema.graphql by the console's own toolchain (GraphQL Code Generator, client preset), written to
// test/support/gql/ (committed, so Jest and the type check need no step before them).
//   node scripts/test-codegen.mjs          regenerate test/support/gql/
//   node scripts/test-codegen.mjs --check  exit 1 naming the files that are stale (run by
//                                          test/integration/test-documents.integration-spec.ts)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = join(root, 'test/support/gql');
const require = createRequire(join(root, 'apps/console/package.json'));

/** The generated files, as { absolute path: content } (not written). */
export async function generateTestDocuments() {
  const { generate } = require('@graphql-codegen/cli');
  const files = await generate(
    {
      cwd: root,
      schema: join(root, 'schema.graphql'),
      documents: [join(root, 'test/support/documents.ts')],
      generates: {
        [`${outDir}/`]: {
          preset: 'client',
          presetConfig: { fragmentMasking: false },
          config: {
            enumsAsTypes: true,
            useTypeImports: true,
            onlyOperationTypes: true,
            scalars: { DateTime: 'string', Date: 'string', JSON: 'unknown' },
          },
        },
      },
      silent: true,
    },
    false,
  );
  return Object.fromEntries(files.map((f) => [f.filename, f.content]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const generated = Object.entries(await generateTestDocuments());
  if (process.argv.includes('--check')) {
    const stale = generated.filter(([file, content]) => !existsSync(file) || readFileSync(file, 'utf8') !== content);
    for (const [file] of stale) console.error(`stale: ${file} (run node scripts/test-codegen.mjs)`);
    process.exit(generated.length && !stale.length ? 0 : 1);
  }
  mkdirSync(outDir, { recursive: true });
  for (const [file, content] of generated) writeFileSync(file, content);
}
