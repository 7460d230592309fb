import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { schemaSdl } from '../../apps/api/schema-sdl';
import { startTestApp, type TestApp } from '@test/support/test-app';

describe('platform foundation (over HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 600_000); // generous: the 60 s default broke on a loaded machine
  afterAll(async () => {
    await t.close();
  });

  it('serves /health with the database reachable', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { reachable: true } });
  });

  it('signs in the bootstrap admin, whose `me` is PLATFORM_ADMIN without a tenant', async () => {
    const token = await t.login(null, 'admin');
    const res = await t.gql<{ me: { username: string; roles: string[]; tenant: null } }>(
      '{ me { username roles tenant { code } } }',
      {},
      token,
    );
    expect(res.data?.me).toEqual({ username: 'admin', roles: ['PLATFORM_ADMIN'], tenant: null });
  });

  it('keeps schema.graphql in sync with the code (run `npm run schema` after changing the API)', () => {
    const committed = readFileSync(join(process.cwd(), 'schema.graphql'), 'utf8');
    expect(schemaSdl(t.app)).toBe(committed);
  });

  it('answers UNAUTHENTICATED to every operation but login without a token', async () => {
    const { schema } = t.app.get(GraphQLSchemaHost);
    const dummy = (field: GraphQLField<unknown, unknown>): string =>
      field.args
        .filter((a) => isNonNullType(a.type))
        .map((a) => `${a.name}: $${a.name}`)
        .join(', ');
    const ops = [
      ...Object.values(schema.getQueryType()!.getFields()).map((f) => ({ kind: 'query', f })),
      ...Object.values(schema.getMutationType()!.getFields()).map((f) => ({ kind: 'mutation', f })),
    ].filter(({ f }) => f.name !== 'login');
    expect(ops.length).toBeGreaterThan(5);
    for (const { kind, f } of ops) {
      const required = f.args.filter((a) => isNonNullType(a.type));
      const vars = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const args = dummy(f);
      const selection =
        /^[A-Z]/.test(f.type.toString().replace(/[[\]!]/g, '')) &&
        !['String', 'Boolean', 'ID', 'Int', 'JSON'].includes(f.type.toString().replace(/[[\]!]/g, ''))
          ? '{ __typename }'
          : '';
      const query = `${kind} Op${vars ? `(${vars})` : ''} { ${f.name}${args ? `(${args})` : ''} ${selection} }`;
      const variables = Object.fromEntries(required.map((a) => [a.name, fakeValue(a.type)]));
      const res = await t.gql(query, variables);
      expect({ op: f.name, code: res.errors?.[0]?.extensions?.code }).toEqual({ op: f.name, code: 'UNAUTHENTICATED' });
    }
  });

  it('rejects a forged or malformed token', async () => {
    const token = await t.login(null, 'admin');
    const forged = `${token.slice(0, -4)}AAAA`;
    for (const bad of [forged, 'not-a-token']) {
      const res = await t.gql('{ me { username } }', {}, bad);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('never says which part of a failed sign-in was wrong, and locks after repeated failures', async () => {
    const attempt = (input: Record<string, string>) =>
      t.gql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: input });
    const unknownUser = await attempt({ tenantCode: 'shizi', username: 'nobody', password: 'whatever-password' });
    const wrongPassword = await attempt({ tenantCode: 'shizi', username: 'office', password: 'wrong-password' });
    const unknownTenant = await attempt({ tenantCode: 'no-such-town', username: 'office', password: 'wrong-password' });
    for (const r of [unknownUser, wrongPassword, unknownTenant]) {
      expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(r.errors?.[0]?.message).toBe(wrongPassword.errors?.[0]?.message);
    }
    for (let i = 0; i < t.config.loginMaxFailures; i += 1)
      await attempt({ tenantCode: 'xiacang', username: 'office', password: 'wrong-password' });
    const locked = await attempt({ tenantCode: 'xiacang', username: 'office', password: 'demo-password' });
    expect(locked.errors?.[0]?.message).toMatch(/Too many failed sign-in attempts/);
    expect(locked.data).toBeNull();
  });

  it('answers client mistakes with BAD_USER_INPUT, never a stack trace', async () => {
    const res = await t.gql('{ me { nosuchfield } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.js:\d+/);
    const syntax = await t.gql('{ me { ');
    expect(syntax.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('limits query depth', async () => {
    const token = await t.login(null, 'admin');
    const deep = `{ tenants { ${'children { '.repeat(12)} code ${'} '.repeat(12)} } }`;
    const res = await t.gql(deep, {}, token);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/depth/);
  });

  it('blocks CSRF-prone GET requests without a preflight header', async () => {
    const res = await t.http().get('/graphql').query({ query: '{ __typename }' });
    expect(res.status).toBe(400);
  });

  it('serves a GraphQL IDE that loads nothing from a CDN, with security headers and CORS closed by default', async () => {
    const page = await t.http().get('/graphiql');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/graphiql/assets/graphiql.js');
    expect(page.text).not.toMatch(/https?:\/\//);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const asset = await t.http().get('/graphiql/assets/graphiql.js');
    expect(asset.status).toBe(200);
    const cors = await t
      .http()
      .options('/graphql')
      .set('Origin', 'https://example.org')
      .set('Access-Control-Request-Method', 'POST');
    expect(cors.headers['access-control-allow-origin']).toBeUndefined();
  });
});

/** A value of the right GraphQL shape (so the request reaches the guard, not variable coercion). */
function fakeValue(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [];
  const named = getNamedType(inner);
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, fakeValue(f.type)]),
    );
  }
  if (isEnumType(named)) return named.getValues()[0].value;
  switch (named.name) {
    case 'ID':
      return '00000000-0000-4000-8000-000000000000';
    case 'Int':
      return 1;
    case 'Boolean':
      return true;
    case 'DateTime':
      // A well-formed value: the strict DateTime refuses 'x' before authentication is even asked.
      return '2026-11-05T09:00:00+08:00';
    case 'Date':
      return '2026-11-05';
    default:
      return 'x';
  }
}
