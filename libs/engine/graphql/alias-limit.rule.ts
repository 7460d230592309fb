import { GraphQLError, type ValidationContext, type ASTVisitor } from 'graphql';

/**
 * Refuses documents with more than `max` aliased fields: aliases let one request repeat an expensive
 * field (or a login attempt) many times, past the depth and cost limits' intent.
 */
export function aliasLimit(max: number): (context: ValidationContext) => ASTVisitor {
  return (context) => {
    let count = 0;
    return {
      Field(node) {
        if (node.alias && ++count === max + 1) {
          context.reportError(new GraphQLError(`Too many aliases: at most ${max} per request`, { nodes: [node] }));
        }
      },
    };
  };
}
