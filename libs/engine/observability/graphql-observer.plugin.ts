import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FieldNode } from 'graphql';
import type { Metrics } from './metrics';

/** What the request log says about a GraphQL request (never its variables, never its document). */
export interface GraphqlSummary {
  /** Bounded: the operation type and its first root field, e.g. `mutation.login`. */
  operation: string;
  /** The client's operation name when it is a plain GraphQL name. */
  operationName?: string;
  /** `OK`, or the first error's `extensions.code`. */
  result?: string;
}

export interface ObservedRequest {
  graphql?: GraphqlSummary;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Times every GraphQL request, counts results and errors by code, and leaves a summary on the request for its log line. */
export function observerPlugin(metrics: Metrics): ApolloServerPlugin<{ req?: ObservedRequest }> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      const summary: GraphqlSummary = { operation: 'invalid' };
      if (contextValue.req) contextValue.req.graphql = summary;
      return {
        async didResolveOperation({ operation, operationName }) {
          if (!operation) return;
          const first = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
          summary.operation = `${operation.operation}.${first?.name.value ?? 'fragment'}`;
          if (operationName && NAME.test(operationName)) summary.operationName = operationName;
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = errors.map((e) =>
            typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR',
          );
          summary.result = codes[0] ?? 'OK';
          for (const code of codes) metrics.errors.inc({ code });
          metrics.requests.inc({ operation: summary.operation, result: summary.result });
          metrics.requestDuration.observe(
            { operation: summary.operation },
            Number(process.hrtime.bigint() - started) / 1e9,
          );
        },
      };
    },
  };
}
