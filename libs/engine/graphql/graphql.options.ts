import type { ApolloDriverConfig } from '@nestjs/apollo';
import depthLimit from 'graphql-depth-limit';
import type { AppConfig } from '@engine/config';
import { formatGraphQLError } from '@engine/errors';
import { aliasLimit } from './alias-limit.rule';
import { complexityPlugin } from './complexity.plugin';
import { operationEndPlugin } from './operation-end.plugin';
import { JSONScalar } from './json.scalar';

/** Apollo Server options: production hygiene on in every mode; introspection only outside production. */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
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
    plugins: [complexityPlugin(config.queryMaxCost), operationEndPlugin()],
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
  };
}
