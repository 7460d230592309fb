import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode } from 'graphql';
import { getComplexity, simpleEstimator, fieldExtensionsEstimator } from 'graphql-query-complexity';
import { ListSizeError, listSizeEstimator } from './list-cost';

export interface CostLimits {
  maxCost: number;
  /** What a list without a `limit` argument is assumed to hold. */
  assumedListSize: number;
}

/** A refused request: a client error with HTTP 400 (Apollo answers 500 for a plugin's error otherwise). */
function refused(message: string, reason: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason, ...extra, http: { status: 400 } } });
}

/**
 * Refuses operations whose estimated cost exceeds `maxCost` before any resolver runs. A field costs
 * 1 plus its selection times its list size (list-cost.ts); fields may declare `complexity` in their
 * extensions (a page's items: PAGE_ITEMS_COMPLEXITY).
 */
export function complexityPlugin({ maxCost, assumedListSize }: CostLimits): ApolloServerPlugin {
  // Apollo hands the same parsed document for the same query text (its document cache), so the cost
  // of a document with the same operation and variables is computed once, not on every request.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const estimators = [
    fieldExtensionsEstimator(),
    listSizeEstimator(assumedListSize),
    simpleEstimator({ defaultComplexity: 1 }),
  ];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          // Variables are bounded in depth before they get here (request-budget.ts), so this cannot overflow.
          const key = `${request.operationName ?? ''}|${JSON.stringify(request.variables ?? {})}`;
          let known = costs.get(document);
          let cost = known?.get(key);
          if (cost === undefined) {
            try {
              cost = getComplexity({
                schema,
                query: document,
                operationName: request.operationName ?? undefined,
                variables: request.variables ?? {},
                estimators,
              });
            } catch (err) {
              if (err instanceof ListSizeError) throw err;
              // The library's node limit (10,000 evaluated selections): far beyond any cost we accept.
              if (err instanceof GraphQLError && /maximum allowed number of nodes/.test(err.message)) {
                throw refused(`The query is too expensive: ${err.message}`, 'QUERY_TOO_EXPENSIVE', { maxCost });
              }
              // Variables that do not coerce: execution reports them, naming the field.
              if (err instanceof GraphQLError) return;
              throw err;
            }
            if (!known) costs.set(document, (known = new Map()));
            // Bounded: a client varying its variables endlessly only refills this small map.
            if (known.size >= 100) known.clear();
            known.set(key, cost);
          }
          if (cost > maxCost) {
            throw refused(
              `The query is too expensive: cost ${cost} exceeds the limit of ${maxCost}`,
              'QUERY_TOO_EXPENSIVE',
              { cost, maxCost },
            );
          }
        },
      };
    },
  };
}
