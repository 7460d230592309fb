import { GraphQLError, getNullableType, isListType } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

/** Arguments that bound how many items a field returns (the field's own page size). */
const SIZE_ARGUMENTS = ['limit', 'first'] as const;

/**
 * Field extension for a page's `items`: the page size was already counted on the field that took
 * the `limit` argument, so the items are not multiplied a second time.
 */
export const PAGE_ITEMS_COMPLEXITY = ({ childComplexity }: { childComplexity: number }): number => childComplexity;

/**
 * Cost that sees list sizes: a field costs 1 plus its selection times how many items it can return —
 * its `limit`/`first` argument (defaults included), or `assumedListSize` for a list without one. So
 * `cases(limit: 200) { items { earlierCases { earlierCases { id } } } }` costs about 200 × 10 × 10
 * instead of 4, and a client pays for the objects it asks for.
 */
/**
 * A page size below 1 is never what the client meant (some resolvers clamped it silently to 1): refused
 * here, for every list field at once, naming the argument.
 */
export class ListSizeError extends GraphQLError {
  constructor(readonly argument: string) {
    const message = `${argument}: must be a whole number of at least 1`;
    super(message, {
      extensions: {
        code: 'BAD_USER_INPUT',
        field: argument,
        problems: [{ field: argument, message }],
        http: { status: 400 },
      },
    });
  }
}

/**
 * Field extension for a list without a `limit` whose size is known to run larger (or smaller) than the
 * assumed one: `earlierCases` follows a repeat petitioner's whole chain.
 */
export const listOf =
  (size: number) =>
  ({ childComplexity }: { childComplexity: number }): number =>
    1 + size * childComplexity;

export function listSizeEstimator(assumedListSize: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    // Introspection (development only: off in production) is the schema's size, not the data's.
    if (type.name.startsWith('__') || field.name.startsWith('__')) return 1 + childComplexity;
    for (const name of SIZE_ARGUMENTS) {
      const size: unknown = args[name];
      if (typeof size === 'number') {
        if (!Number.isInteger(size) || size < 1) throw new ListSizeError(name);
        return 1 + size * childComplexity;
      }
    }
    if (isListType(getNullableType(field.type))) return 1 + assumedListSize * childComplexity;
    return undefined;
  };
}
