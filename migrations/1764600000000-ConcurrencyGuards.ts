import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Floors under concurrent requests (issue 12 item 7): one key period per tenant and dates (a repeated
 * declaration answers the existing one: `ON CONFLICT`), and at most one pending implementation report per
 * agreed item and unit. Duplicates that parallel requests left behind are resolved first: the earliest
 * key period of a tenant and dates stays, the rest are deleted (nothing references a key period; the
 * audit trail keeps them); of several pending reports the latest stays pending and the earlier ones are
 * sent back with a note saying why. Both keys lead with tenant_id (Citus distributes on it).
 */
export class ConcurrencyGuards1764600000000 implements MigrationInterface {
  name = 'ConcurrencyGuards1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM key_period k USING key_period e
       WHERE e.tenant_id = k.tenant_id AND e.starts_on = k.starts_on AND e.ends_on = k.ends_on
         AND (e.created_at, e.id) < (k.created_at, k.id);
      CREATE UNIQUE INDEX key_period_dates_unique ON key_period (tenant_id, starts_on, ends_on);

      UPDATE implementation_report r SET status = 'SENT_BACK', review_comment = 'duplicate submission (concurrent request): superseded by a later report', reviewed_at = r.created_at
       WHERE r.status = 'SUBMITTED' AND EXISTS (
         SELECT 1 FROM implementation_report l WHERE l.tenant_id = r.tenant_id AND l.agreed_item_id = r.agreed_item_id AND l.member_unit_id = r.member_unit_id
            AND l.status = 'SUBMITTED' AND (l.created_at, l.id) > (r.created_at, r.id));
      CREATE UNIQUE INDEX implementation_report_one_pending ON implementation_report (tenant_id, agreed_item_id, member_unit_id) WHERE status = 'SUBMITTED';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX implementation_report_one_pending; DROP INDEX key_period_dates_unique;`);
  }
}
