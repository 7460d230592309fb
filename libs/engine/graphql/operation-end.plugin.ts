import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '@engine/context';

/**
 * Ends what an operation shared (the one read transaction of a query, see Db.run) once its response
 * is ready, whatever happened: errors included. Without it the transaction's connection would be held.
 */
export function operationEndPlugin(): ApolloServerPlugin<{ req?: { ctx?: RequestContext } }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          await contextValue.req?.ctx?.operation.shared?.finish();
        },
      };
    },
  };
}
