import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode } from 'graphql';
import { getComplexity, simpleEstimator, fieldExtensionsEstimator } from 'graphql-query-complexity';

/**
 * Refuses operations whose estimated cost exceeds `maxCost` before any resolver runs. Fields cost 1;
 * list fields may declare `complexity` in their extensions.
 */
export function complexityPlugin(maxCost: number): ApolloServerPlugin {
  // Apollo hands the same parsed document for the same query text (its document cache), so the cost
  // of a document with the same operation and variables is computed once, not on every request.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const key = `${request.operationName ?? ''}|${JSON.stringify(request.variables ?? {})}`;
          let known = costs.get(document);
          let cost = known?.get(key);
          if (cost === undefined) {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
            if (!known) costs.set(document, (known = new Map()));
            // Bounded: a client varying its variables endlessly only refills this small map.
            if (known.size >= 100) known.clear();
            known.set(key, cost);
          }
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
