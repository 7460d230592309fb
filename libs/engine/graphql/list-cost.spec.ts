import { buildSchema, getIntrospectionQuery, parse } from 'graphql';
import { getComplexity, fieldExtensionsEstimator, simpleEstimator } from 'graphql-query-complexity';
import { listSizeEstimator } from './list-cost';

const schema = buildSchema(`
  type Query { cases(limit: Int = 50): CasePage!, tenants: [Tenant!]!, tenant: Tenant }
  type CasePage { items: [Case!]!, nextCursor: String }
  type Case { id: ID!, roles: [String!]!, earlierCases: [Case!]! }
  type Tenant { id: ID!, meetings(limit: Int! = 20): [Meeting!]! }
  type Meeting { id: ID! }
`);
const cost = (query: string, variables: Record<string, unknown> = {}): number =>
  getComplexity({
    schema,
    query: parse(query),
    variables,
    estimators: [fieldExtensionsEstimator(), listSizeEstimator(10), simpleEstimator({ defaultComplexity: 1 })],
  });

describe('listSizeEstimator', () => {
  it('multiplies a selection by the limit argument, its default included, and by variables', () => {
    expect(cost('{ cases(limit: 200) { nextCursor } }')).toBe(1 + 200 * 1);
    expect(cost('{ cases { nextCursor } }')).toBe(1 + 50 * 1);
    expect(cost('query($n: Int) { cases(limit: $n) { nextCursor } }', { n: 7 })).toBe(1 + 7);
  });
  it('multiplies lists without a limit by the assumed size; lists of scalars cost 1', () => {
    expect(cost('{ tenants { id } }')).toBe(1 + 10 * 1);
    expect(cost('{ tenant { id } }')).toBe(2);
    expect(cost('{ tenant { meetings { id } } }')).toBe(1 + (1 + 20 * 1));
    expect(cost('{ tenants { meetings(limit: 5) { id } } }')).toBe(1 + 10 * (1 + 5));
  });
  it("nested lists multiply: the issue's earlierCases chain grows with limit", () => {
    // items is a list too here (no page extension in this schema): 10 × it.
    const at = (n: number): number =>
      cost(`{ cases(limit: ${n}) { items { roles earlierCases { earlierCases { id } } } } }`);
    expect(at(200)).toBe(1 + 200 * (1 + 10 * (1 + (1 + 10 * (1 + 10 * 1)))));
    expect(at(200)).toBeGreaterThan(at(100) * 1.99);
  });
  it('introspection is costed by its selections only (development tooling keeps working)', () => {
    expect(cost(getIntrospectionQuery())).toBeLessThan(300);
  });
});

describe('list sizes below 1', () => {
  it.each([0, -1])('refuses limit %p naming the argument', (n) => {
    expect(() => cost(`{ cases(limit: ${n}) { nextCursor } }`)).toThrow(/limit: must be a whole number of at least 1/);
  });
});
