import type { EntityManager } from 'typeorm';
import { Finding } from './finding.entity';

/** What a sweep found: the rule it applied, the facts, and a dedupe key unique per tenant. */
export interface FindingDraft {
  tenantId: string;
  kind: string;
  rule: string;
  facts: Record<string, unknown>;
  dedupeKey: string;
}

/** Records findings once each (a repeated dedupe key records nothing); the dedupe keys recorded now. */
export async function recordFindings(em: EntityManager, findings: readonly FindingDraft[]): Promise<Set<string>> {
  if (!findings.length) return new Set();
  const result = await em
    .createQueryBuilder()
    .insert()
    .into(Finding)
    .values(findings.map((f) => ({ ...f, facts: f.facts as never })))
    .orIgnore()
    .returning(['dedupeKey'])
    .execute();
  return new Set((result.raw as { dedupe_key: string }[]).map((r) => r.dedupe_key));
}

/** Records one finding once; whether it is new (a repeated sweep finds nothing twice). */
export async function recordFinding(em: EntityManager, finding: FindingDraft): Promise<boolean> {
  return (await recordFindings(em, [finding])).size > 0;
}

/** The dedupe keys of a tenant's findings of one kind (what a set-based sweep has found before). */
export async function findingKeys(em: EntityManager, tenantId: string, kind: string): Promise<Set<string>> {
  const rows = (await em.query(`SELECT dedupe_key FROM finding WHERE tenant_id = $1 AND kind = $2`, [
    tenantId,
    kind,
  ])) as {
    dedupe_key: string;
  }[];
  return new Set(rows.map((r) => r.dedupe_key));
}
