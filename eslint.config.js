// Type-aware linting; the rules that matter most here: no floating promises (a dropped promise is a
// lost write or an unhandled failure) and exhaustive switches over domain enums.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';

// The floors (docs/architecture.md, "Import rules"): libs/engine imports no context; libs/core (what every
// workflow reads) imports the engine and other core contexts, never a workflow; a workflow in libs/modules
// imports the engine and core, never another workflow. Shared helpers live with their owners (notify in
// notifications, periods and documents in the engine), so a workflow never needs a sibling.
export const WORKFLOWS = [
  'meetings',
  'office-documents',
  'coordination',
  'cases',
  'supervision',
  'inspections',
  'supervision-status',
  'audit',
];
const DEEP_RELATIVE = {
  group: ['../../../*'],
  message: 'Use a path alias (@engine/*, @core/*, @modules/*, @jm/plugin-sdk) instead of a deep relative import.',
};
const contextImports = (names) =>
  names.flatMap((n) => [`@modules/${n}`, `@modules/${n}/*`, `../${n}/*`, `../../${n}/*`]);

// Across contexts, only through a context's public entries (docs/architecture.md, "Import rules"): its
// index.ts (`@core/tenancy`) and, for entities, its entities.ts (`@core/tenancy/entities`, a leaf that imports
// only entity files, so it closes no import cycle). A context reaches its own files by any path. No context has
// an exemption: the core contexts import one another in one direction (tenancy ← joint-meeting ← identity ←
// notifications), so their barrels close no cycle either.
const contextsOf = (floor) =>
  readdirSync(`${import.meta.dirname}/libs/${floor}`, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `${floor}/${d.name}`);
// `into`: the floors a file of this floor may import at all (the floor rules above refuse the others, with their
// own message, so a violation is reported once).
const deepImport = (own, into) => {
  const skip = own ? `(?!${own}/)` : '';
  return {
    regex: `^@${skip}(?:${into.join('|')})/[^/]+/(?!(?:index|entities)$)`,
    message:
      'Import another context through its index.ts (or its entities.ts for an entity), not a file inside it: export what is needed there.',
  };
};
const restrict = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });
const ENGINE_FLOOR = {
  group: ['@core/*', '@modules/*', '../../core/*', '../../modules/*'],
  message: 'The engine knows no context: register what it needs from the context instead.',
};
const CORE_FLOOR = {
  group: ['@modules/*', '../../modules/*', '../../../modules/*'],
  message: 'A core context never imports a workflow module.',
};
const floors = [
  restrict(['libs/engine/*.ts'], [DEEP_RELATIVE, ENGINE_FLOOR, deepImport(null, ['engine'])]),
  ...contextsOf('engine').map((c) =>
    restrict([`libs/${c}/**/*.ts`], [DEEP_RELATIVE, ENGINE_FLOOR, deepImport(c, ['engine'])]),
  ),
  ...contextsOf('core').map((c) =>
    restrict([`libs/${c}/**/*.ts`], [DEEP_RELATIVE, CORE_FLOOR, deepImport(c, ['engine', 'core'])]),
  ),
  ...WORKFLOWS.map((w) =>
    restrict(
      [`libs/modules/${w}/**/*.ts`],
      [
        DEEP_RELATIVE,
        {
          group: contextImports(WORKFLOWS.filter((o) => o !== w)),
          message: `A workflow (${w}) never imports another workflow: move what both need to core or the engine.`,
        },
        deepImport(`modules/${w}`, ['engine', 'core']),
      ],
    ),
  ),
  // The apps compose the contexts through their public entries too.
  restrict(['apps/**/*.ts'], [DEEP_RELATIVE, deepImport(null, ['engine', 'core', 'modules'])]),
];

// SQL in one kind of file (docs/architecture.md, "SQL"): set-based or raw SQL only in <context>.query.ts
// or <thing>.repository.ts, which take the transaction; services use the entity API for single rows;
// resolvers never touch Db (they call services). An exception names its file and says why.
// None today: every service and resolver of libs/core and libs/modules follows the rule.
export const SQL_EXCEPTIONS = {};
const SQL_CALL = {
  selector: "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(query|createQueryBuilder)$/]",
  message:
    'SQL belongs in <context>.query.ts or <thing>.repository.ts (a function or class taking the transaction); a service uses the entity API for single rows.',
};
const DB_IN_RESOLVER = {
  selector: "ImportDeclaration[source.value=/^@engine\\u002Fdatabase/] > ImportSpecifier[imported.name='Db']",
  message: 'A resolver never injects Db: it calls a service, which opens the transaction.',
};
const sqlPlacement = [
  {
    files: ['libs/core/**/*.service.ts', 'libs/modules/**/*.service.ts'],
    ignores: Object.keys(SQL_EXCEPTIONS),
    rules: { 'no-restricted-syntax': ['error', SQL_CALL] },
  },
  {
    files: ['libs/core/**/*.resolver.ts', 'libs/modules/**/*.resolver.ts'],
    ignores: Object.keys(SQL_EXCEPTIONS),
    rules: { 'no-restricted-syntax': ['error', SQL_CALL, DB_IN_RESOLVER] },
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
      'test/fixtures/**',
      'apps/console/src/gql/**',
      'test/support/gql/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../../*'],
              message: 'Use a path alias (@engine/*, @modules/*, @jm/plugin-sdk) instead of a deep relative import.',
            },
          ],
        },
      ],
    },
  },
  ...floors,
  ...sqlPlacement,
  {
    files: ['plugins/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@engine/*', '@modules/*', '../../*'],
              message: 'A plugin imports only @jm/plugin-sdk and its own files.',
            },
          ],
        },
      ],
    },
  },
);
