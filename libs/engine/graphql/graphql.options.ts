import type { ApolloDriverConfig } from '@nestjs/apollo';
import depthLimit from 'graphql-depth-limit';
import type { AppConfig } from '@engine/config';
import { formatGraphQLError } from '@engine/errors';
import { aliasLimit } from './alias-limit.rule';
import { complexityPlugin } from './complexity.plugin';
import { DateTimeScalar } from './date-time.scalar';
import { operationEndPlugin } from './operation-end.plugin';
import { JSONScalar } from './json.scalar';

/** Apollo Server options: production hygiene on in every mode; introspection only outside production. */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    // Date fields use the strict DateTime (date-time.scalar.ts), not the framework's `new Date(value)`.
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    resolvers: { JSON: JSONScalar },
    playground: false,
    introspection: !config.production,
    csrfPrevention: true,
    cache: 'bounded',
    hideSchemaDetailsFromClientErrors: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    validationRules: [depthLimit(config.queryMaxDepth), aliasLimit(config.queryMaxAliases)],
    // One operation per HTTP request: batching would multiply every other limit.
    allowBatchedHttpRequests: false,
    plugins: [
      complexityPlugin({ maxCost: config.queryMaxCost, assumedListSize: config.queryAssumedListSize }),
      operationEndPlugin(),
    ],
    // Also checked before Apollo (request-budget.ts); here for any document that reaches the parser another way.
    parseOptions: { maxTokens: config.queryMaxTokens },
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
  };
}
