import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '@test/support/test-app';

interface Refusal {
  status: number;
  body: {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string; reason?: string; cost?: number } }[];
  };
}

/**
 * Issue 12, item 6 — query cost that sees list sizes, and a request budget before parsing: each
 * reproduction of the issue answers a 400-class GraphQL error (code BAD_USER_INPUT, a stable reason),
 * never HTTP 500 or an internal message.
 */
describe('query cost and request budget (issue 12 item 6)', () => {
  let t: TestApp;
  let office: string;
  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('shizi', 'office');
  }, 120_000);
  afterAll(async () => t.close());

  const post = async (body: unknown, token?: string): Promise<Refusal> => {
    const r = t.http().post('/graphql').set('content-type', 'application/json');
    if (token) r.set('authorization', `Bearer ${token}`);
    const res = await r.send(typeof body === 'string' ? body : (body as object));
    return { status: res.status, body: res.body as Refusal['body'] };
  };
  const expectRefused = (r: Refusal, status: number, reason: string): void => {
    expect(r.status).toBe(status);
    expect(r.body.data ?? null).toBeNull();
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(r.body.errors![0].message).not.toMatch(/internal|stack|Maximum call stack/i);
  };

  it('cases(limit: 200) { items { earlierCases { earlierCases { id } } } } is refused before it runs; the cost grows with limit', async () => {
    const query = (limit: number): string =>
      `{ cases(limit: ${limit}) { items { earlierCases { earlierCases { id } } } } }`;
    const at200 = await post({ query: query(200) }, office);
    expectRefused(at200, 400, 'QUERY_TOO_EXPENSIVE');
    const at100 = await post({ query: query(100) }, office);
    expectRefused(at100, 400, 'QUERY_TOO_EXPENSIVE');
    expect(at200.body.errors![0].extensions!.cost!).toBeGreaterThan(1.9 * at100.body.errors![0].extensions!.cost!);
    // The same shape on a small page is affordable, and so is a flat page of 200.
    expect((await post({ query: query(5) }, office)).body.errors).toBeUndefined();
    expect(
      (await post({ query: '{ cases(limit: 200) { items { id status } } }' }, office)).body.errors,
    ).toBeUndefined();
  });

  it('lists without a limit count as several items each: nested lists multiply', async () => {
    const nested = `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: tenants { children { children { memberUnits { id name kind active } } } }`).join(' ')} }`;
    expectRefused(await post({ query: nested }, office), 400, 'QUERY_TOO_EXPENSIVE');
    expect((await post({ query: '{ tenants { code memberUnits { id name } } }' }, office)).body.errors).toBeUndefined();
  });

  it('ten anonymous 75 kB { me { id } … ×11000 } requests are refused by size before parsing; /health and sign-in keep answering', async () => {
    const doc = `{ ${'me { id } '.repeat(11000)}}`;
    expect(doc.length).toBeGreaterThan(75 * 1024);
    const refusals = await Promise.all(Array.from({ length: 10 }, () => post({ query: doc })));
    for (const r of refusals) expectRefused(r, 413, 'REQUEST_TOO_LARGE');
    expect((await t.http().get('/health')).status).toBe(200);
    await expect(t.login('shizi', 'office')).resolves.toEqual(expect.any(String));
  });

  it('anonymous documents under the size budget but over 1,000 tokens are refused; signed in, the budget is 5,000 tokens', async () => {
    const doc = `{ ${'me { id } '.repeat(300)}}`; // ~3 kB, 1,202 tokens
    expectRefused(await post({ query: doc }), 400, 'QUERY_TOO_LARGE');
    expect((await post({ query: doc }, office)).body.errors).toBeUndefined();
    // A forged token is no token.
    expectRefused(await post({ query: doc }, `${office.slice(0, -4)}AAAA`), 400, 'QUERY_TOO_LARGE');
    // The 75 kB document, signed in: over the token budget.
    expectRefused(await post({ query: `{ ${'me { id } '.repeat(11000)}}` }, office), 400, 'QUERY_TOO_LARGE');
  });

  it('10,000 fragment spreads answer a 400 GraphQL error, signed in or not', async () => {
    const query = `query { ${'...F '.repeat(10000)}} fragment F on Query { me { id } }`;
    expectRefused(await post({ query }, office), 400, 'QUERY_TOO_LARGE');
    expectRefused(await post({ query }), 413, 'REQUEST_TOO_LARGE');
    // Below the token budget the library's node limit still answers as a client error, not HTTP 500.
    const spreads = await post(
      { query: `query { ${'...F '.repeat(2400)}} fragment F on Query { me { id } tenants { id } }` },
      office,
    );
    expect(spreads.status).toBeLessThan(500);
    expect(JSON.stringify(spreads.body)).not.toMatch(/INTERNAL_SERVER_ERROR/);
  });

  it('variables nested 50,000 deep (objects or lists) answer a 400 GraphQL error', async () => {
    const objects = '{"":'.repeat(50000) + '1' + '}'.repeat(50000);
    const lists = '['.repeat(50000) + ']'.repeat(50000);
    for (const deep of [objects, lists]) {
      const body = `{"query":"query($v: String!) { tenant(code: $v) { id } }","variables":{"v":${deep}}}`;
      expectRefused(await post(body, office), 400, 'VARIABLES_TOO_DEEP');
    }
    // A normal nested input is well inside the depth budget.
    const ok = await post(
      { query: 'query($v: String!) { tenant(code: $v) { code } }', variables: { v: 'shizi' } },
      office,
    );
    expect(ok.body.errors).toBeUndefined();
  });

  it('every document of the console, at the largest page size it asks for, stays under the cost limit', async () => {
    const county = await t.login('county-petition-mechanisms', 'superior');
    const root = join(process.cwd(), 'apps/console/src');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter(
      (f) => f.endsWith('.tsx') || f.endsWith('.ts'),
    );
    const docs = files.flatMap((f) =>
      [...readFileSync(join(root, f), 'utf8').matchAll(/graphql\(`([\s\S]*?)`\)/g)].map((m) => m[1]),
    );
    const operations = docs.filter((d) => !/^\s*fragment/.test(d));
    expect(operations.length).toBeGreaterThanOrEqual(5);
    const fragments = docs.filter((d) => /^\s*fragment/.test(d)).join('\n');
    const variables = {
      tenantCode: 'shizi',
      code: 'county-petition-mechanisms',
      limit: 200,
      offset: 0,
      metric: 'OPEN_CASES',
      input: { username: 'x', password: 'y' },
    };
    for (const op of operations) {
      const used = fragments && /\.\.\./.test(op) ? `${op}\n${fragments}` : op;
      // The ledger pages by 50 (pages/CasesPage.tsx); the status table offers up to 200 a page.
      const res = await post(
        { query: used, variables: { ...variables, limit: /query Cases\b/.test(op) ? 50 : 200 } },
        county,
      );
      expect(res.status).toBeLessThan(500);
      for (const e of res.body.errors ?? [])
        expect({ op: op.trim().split('\n')[0], reason: e.extensions?.reason, message: e.message }).not.toMatchObject({
          reason: 'QUERY_TOO_EXPENSIVE',
        });
    }
  });

  it('a body that is not JSON answers a GraphQL-shaped 400', async () => {
    expectRefused(await post('{"query": "{ me { id } }"', office), 400, 'MALFORMED_REQUEST');
  });
});
