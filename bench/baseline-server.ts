import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { buildSchema, execute, parse, validate, type DocumentNode, type GraphQLError } from 'graphql';
import pg from 'pg';
import { scopeStatements, startEmbeddedDatabase } from '@engine/database';

/**
 * The hand-written baseline: plain graphql-js, pg and node:http answering `me` with the same tenant
 * scoping (`SET LOCAL ROLE jm_app` + transaction-local app.* settings) and HS256 token verification
 * as the platform, and nothing else (no framework, guard, validation or security middleware). A lean
 * one, as a careful hand-written server would be (issue 18 item 2): each document is parsed and
 * validated once (a cache by its text, as the platform caches its query-cost estimate), and it makes the
 * SQL floor's round trips — BEGIN with the scope in one, the read, COMMIT.
 */
const TREE_ROLES = ['SUPERIOR', 'CHIEF_CONVENER', 'CONVENER', 'OFFICE_DIRECTOR'];
const secret = process.env.JWT_SECRET ?? '';
// On the embedded default it opens the data dir itself, with one connection (PGlite is one backend).
const embedded = process.env.DATABASE_URL ? null : await startEmbeddedDatabase(process.env.DATA_DIR!);
const pool = new pg.Pool({ connectionString: embedded?.url ?? process.env.DATABASE_URL, max: embedded ? 1 : 10 });

interface Claims {
  sub: string;
  tid: string | null;
  roles: string[];
  exp: number;
}

function verify(token: string): Claims | null {
  const [h, p, s] = token.split('.');
  if (!h || !p || !s) return null;
  const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg?: string };
  if (header.alg !== 'HS256') return null;
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Claims;
  return claims.exp * 1000 > Date.now() ? claims : null;
}

const schema = buildSchema(`
  type User { id: ID! username: String! displayName: String! roles: [String!]! }
  type Query { me: User }
`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const rootValue = {
  async me(_args: unknown, ctx: { claims: Claims }) {
    const { tid, sub, roles } = ctx.claims;
    // Inlined into one simple-query round trip, as Db.run and the floor do: only checked uuids and on/off.
    if (!UUID.test(sub) || (tid !== null && !UUID.test(tid))) throw new Error('malformed token claims');
    const tree = roles.some((r) => TREE_ROLES.includes(r)) ? 'on' : 'off';
    const client = await pool.connect();
    try {
      // The API's own scope statements (SET LOCAL …), as the floor sends them.
      const scope = { kind: tid ? 'tenant' : 'platform', tenantId: tid, tree: tree === 'on', userId: sub } as const;
      await client.query(`START TRANSACTION; ${scopeStatements(scope)}`);
      const { rows } = await client.query(
        `SELECT id, username, display_name AS "displayName", roles FROM app_user WHERE id = $1 AND active`,
        [sub],
      );
      await client.query('COMMIT');
      return rows[0] ?? null;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  },
};

/** Parsed and validated documents by their text (bounded: the benchmark sends a handful). */
const documents = new Map<string, { document: DocumentNode } | { errors: readonly GraphQLError[] }>();
function documentOf(source: string): { document: DocumentNode } | { errors: readonly GraphQLError[] } {
  let entry = documents.get(source);
  if (!entry) {
    try {
      const document = parse(source);
      const errors = validate(schema, document);
      entry = errors.length ? { errors } : { document };
    } catch (err) {
      entry = { errors: [err as GraphQLError] };
    }
    if (documents.size >= 1000) documents.clear();
    documents.set(source, entry);
  }
  return entry;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
}

const server = createServer((req, res) => {
  void (async () => {
    if (req.method === 'GET' && req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (req.method !== 'POST' || req.url !== '/graphql') {
      res.writeHead(404).end();
      return;
    }
    const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const claims = auth ? verify(auth[1]) : null;
    if (!claims) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"errors":[{"message":"unauthenticated"}]}');
      return;
    }
    const { query, variables } = JSON.parse(await bodyOf(req)) as {
      query: string;
      variables?: Record<string, unknown>;
    };
    const doc = documentOf(query);
    const result =
      'errors' in doc
        ? { errors: doc.errors }
        : await execute({
            schema,
            document: doc.document,
            rootValue,
            contextValue: { claims },
            variableValues: variables,
          });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  })().catch(() => {
    res.writeHead(500).end();
  });
});
server.listen(Number(process.env.PORT ?? 3100), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool
    .end()
    .then(() => embedded?.stop())
    .then(() => process.exit(0));
});
