import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { buildSchema, graphql } from 'graphql';
import pg from 'pg';
import { startEmbeddedDatabase } from '@engine/database';

/**
 * The hand-written baseline: plain graphql-js, pg and node:http answering `me` with the same tenant
 * scoping (`SET LOCAL ROLE jm_app` + transaction-local app.* settings) and HS256 token verification
 * as the platform, and nothing else (no framework, guard, validation or security middleware).
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

const rootValue = {
  async me(_args: unknown, ctx: { claims: Claims }) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `SELECT set_config('role', 'jm_app', true), set_config('app.tenant_id', $1, true), set_config('app.tree', $2, true),
                set_config('app.platform', $3, true), set_config('app.user_id', $4, true), set_config('app.extra_tenants', '', true)`,
        [
          ctx.claims.tid ?? '',
          ctx.claims.roles.some((r) => TREE_ROLES.includes(r)) ? 'on' : 'off',
          ctx.claims.tid ? 'off' : 'on',
          ctx.claims.sub,
        ],
      );
      const { rows } = await client.query(
        `SELECT id, username, display_name AS "displayName", roles FROM app_user WHERE id = $1 AND active`,
        [ctx.claims.sub],
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
    const result = await graphql({
      schema,
      source: query,
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
