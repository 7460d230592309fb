import fc from 'fast-check';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLInputType } from 'graphql';
import { startTestApp, type TestApp } from '@test/support/test-app';

/**
 * Property-based input fuzzing over every mutation, read from the live schema: arbitrary
 * (type-correct) inputs never cause an INTERNAL_SERVER_ERROR, and a rejected mutation changes
 * nothing (no audit entry anywhere, no platform row).
 */
describe('mutation input fuzzing', () => {
  let t: TestApp;
  let tokens: string[];
  let knownIds: string[];

  beforeAll(async () => {
    t = await startTestApp();
    tokens = [await t.login('shizi', 'office'), await t.login(null, 'admin'), await t.login('shizi', 'member')];
    const units = await t.gql<{ tenant: { memberUnits: { id: string }[] } }>(
      '{ tenant(code: "shizi") { memberUnits { id } } }',
      {},
      tokens[0],
    );
    knownIds = units.data!.tenant.memberUnits.slice(0, 3).map((u) => u.id);
  });
  afterAll(async () => {
    await t.close();
  });

  const state = async (): Promise<string> =>
    JSON.stringify(
      await t.database.dataSource.query(
        `SELECT (SELECT count(*) FROM audit_entry)::int AS audit, (SELECT count(*) FROM calendar_year)::int AS years, (SELECT count(*) FROM app_user WHERE tenant_id IS NULL)::int AS platform_users`,
      ),
    );

  const text = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.constantFrom(
      '',
      ' ',
      "x'); DROP TABLE tenant; --",
      '\u202E综合办',
      'a'.repeat(600),
      '测试单位',
      '2026-10-10',
      'shizi',
      'WORKING',
    ),
  );

  function arbitraryFor(type: GraphQLInputType, name: string, depth = 0): fc.Arbitrary<unknown> {
    const required = isNonNullType(type);
    const inner = required ? type.ofType : type;
    let arb: fc.Arbitrary<unknown>;
    if (isListType(inner)) {
      arb = fc.array(arbitraryFor(inner.ofType as GraphQLInputType, name, depth + 1), { maxLength: 3 });
    } else {
      const named = getNamedType(inner);
      if (isInputObjectType(named)) {
        const fields = Object.values(named.getFields());
        arb =
          depth > 3
            ? fc.constant({})
            : fc.record(Object.fromEntries(fields.map((f) => [f.name, arbitraryFor(f.type, f.name, depth + 1)])), {
                requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
              });
      } else if (isEnumType(named)) {
        arb = fc.constantFrom(...named.getValues().map((v) => v.value as string));
      } else if (named.name === 'Int') {
        arb = fc.oneof(fc.integer(), fc.constantFrom(0, 1, -1, 2 ** 31 - 1));
      } else if (named.name === 'Boolean') {
        arb = fc.boolean();
      } else if (named.name === 'ID') {
        arb = fc.oneof(fc.uuid(), fc.constantFrom(...knownIds), text);
      } else if (named.name === 'DateTime') {
        arb = fc.oneof(
          fc
            .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
            .map((d) => d.toISOString()),
          fc.constant('2026-10-10T09:00:00+08:00'),
        );
      } else if (/code$/i.test(name)) {
        arb = fc.oneof(fc.constantFrom('shizi', 'xiacang', 'county-petition-mechanisms'), text);
      } else {
        arb = text;
      }
    }
    return required ? arb : fc.option(arb, { nil: undefined });
  }

  // Signing in and out concern the caller's own session: logging out here would leave every later
  // mutation to answer UNAUTHENTICATED (test/e2e/sessions.e2e-spec.ts covers them).
  const OWN_SESSION = ['login', 'logout', 'logoutEverywhere'];

  // The ~150 mutations in 8 groups (every 8th in schema order), one test each: each test stays far inside the
  // time-out on a loaded machine, and together they cover every mutation exactly once.
  const GROUPS = 8;
  it.each(Array.from({ length: GROUPS }, (_, g) => g))(
    'no mutation answers INTERNAL_SERVER_ERROR, and rejected ones write nothing (group %i of 0–7)',
    async (group) => {
      const mutations = Object.values(t.app.get(GraphQLSchemaHost).schema.getMutationType()!.getFields())
        .filter((f) => !OWN_SESSION.includes(f.name))
        .filter((_, i) => i % GROUPS === group);
      expect(mutations.length).toBeGreaterThan(0);
      for (const field of mutations) {
        const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
        const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
        const query =
          `mutation Op${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} { __typename } }`.replace(
            /\{ __typename \}/,
            getNamedType(field.type).name === 'Boolean' ? '' : '{ __typename }',
          );
        const input = fc.record(Object.fromEntries(field.args.map((a) => [a.name, arbitraryFor(a.type, a.name)])));
        await fc.assert(
          fc.asyncProperty(input, fc.constantFrom(...tokens), async (variables, token) => {
            await t.queue.whenIdle(); // jobs of earlier successful calls write their own rows
            const before = await state();
            const res = await t.gql(query, variables, token);
            const codes = (res.errors ?? []).map((e) => e.extensions?.code);
            if (codes.includes('INTERNAL_SERVER_ERROR' as never))
              throw new Error(`${field.name}: ${JSON.stringify(res.errors)} for ${JSON.stringify(variables)}`);
            if (res.errors) expect({ op: field.name, state: await state() }).toEqual({ op: field.name, state: before });
          }),
          { numRuns: 12, seed: 20261122 },
        );
      }
    },
  );
});
