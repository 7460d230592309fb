// Type-aware linting; the rules that matter most here: no floating promises (a dropped promise is a
// lost write or an unhandled failure) and exhaustive switches over domain enums.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
const floors = [
  {
    files: ['libs/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            DEEP_RELATIVE,
            {
              group: ['@core/*', '@modules/*', '../../core/*', '../../modules/*'],
              message: 'The engine knows no context: register what it needs from the context instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            DEEP_RELATIVE,
            {
              group: ['@modules/*', '../../modules/*', '../../../modules/*'],
              message: 'A core context never imports a workflow module.',
            },
          ],
        },
      ],
    },
  },
  ...WORKFLOWS.map((w) => ({
    files: [`libs/modules/${w}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            DEEP_RELATIVE,
            {
              group: contextImports(WORKFLOWS.filter((o) => o !== w)),
              message: `A workflow (${w}) never imports another workflow: move what both need to core or the engine.`,
            },
          ],
        },
      ],
    },
  })),
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
