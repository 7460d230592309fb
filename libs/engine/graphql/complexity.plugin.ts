import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { getComplexity, simpleEstimator, fieldExtensionsEstimator } from 'graphql-query-complexity';

/**
 * Refuses operations whose estimated cost exceeds `maxCost` before any resolver runs. Fields cost 1;
 * list fields may declare `complexity` in their extensions.
 */
export function complexityPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > maxCost) {
            throw new GraphQLError(`The query is too expensive: cost ${cost} exceeds the limit of ${maxCost}`, {
              extensions: { code: 'BAD_USER_INPUT', cost, maxCost },
            });
          }
        },
      };
    },
  };
}
