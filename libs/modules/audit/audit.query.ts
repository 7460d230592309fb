import type { EntityManager } from 'typeorm';

export interface AuditRow {
  seq: string;
  at: Date;
  actor: string | null;
  table_name: string;
  operation: string;
  changed: Record<string, unknown> | null;
  hash: string;
}

/** A tenant's entries, newest first (row-level security keeps them in the caller's tree). */
export function auditRows(
  em: EntityManager,
  tenantId: string,
  limit: number,
  beforeSeq: number | string | null,
): Promise<AuditRow[]> {
  return em.query(
    `SELECT seq, at, actor, table_name, operation, changed, hash FROM audit_entry WHERE tenant_id = $1 AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3`,
    [tenantId, beforeSeq, limit],
  ) as Promise<AuditRow[]>;
}

/** The first broken link of a tenant's chain (none when intact) and the chain's length. */
export async function auditChain(
  em: EntityManager,
  tenantId: string,
): Promise<{ broken: { seq: string; expected: string; found: string } | undefined; entries: number }> {
  const [broken] = (await em.query(`SELECT seq, expected, found FROM audit_verify($1)`, [tenantId])) as {
    seq: string;
    expected: string;
    found: string;
  }[];
  const [{ n }] = (await em.query(`SELECT count(*) AS n FROM audit_entry WHERE tenant_id = $1`, [tenantId])) as {
    n: string;
  }[];
  return { broken, entries: Number(n) };
}
