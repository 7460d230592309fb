// One set of SWC options for the build, the tests (@swc/jest) and the plugin validator.
export function swcOptions(root, { sourceMaps = false } = {}) {
  return {
    sourceMaps,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: root,
      paths: {
        '@jm/plugin-sdk': ['libs/plugin-sdk/index.ts'],
        '@engine/*': ['libs/engine/*'],
        '@core/*': ['libs/core/*'],
        '@modules/*': ['libs/modules/*'],
        '@test/*': ['test/*'],
      },
    },
    module: { type: 'es6', resolveFully: true },
  };
}
