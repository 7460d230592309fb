import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rules changes that apply (issue 17 item 3: upgradeTenantRules, rollbackTenantRules).
 * - `tenant.rules_revision` counts the tenant's rules changes: a change writes the new snapshot only
 *   where the revision is still the one it was computed from, so of two concurrent changes one wins and
 *   the other is CONFLICT (also across a rollback that returns to the same version).
 * - `tenant.rules_changed_at`: when the rules in force were applied (NULL: since onboarding); a cadence
 *   of the new rules counts its periods from that day.
 * - `tenant_rules_change.from_revision`: the revision a change was computed from (checked when a
 *   superior approves it later); at most one change per tenant waits for approval.
 * - `cadence_obligation.status` SUPERSEDED: an open obligation of a cadence the new rules no longer
 *   have (neither met nor missed; compliance counts MET and MISSED only).
 */
export class TenantRulesChanges1764660000000 implements MigrationInterface {
  name = 'TenantRulesChanges1764660000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tenant ADD COLUMN rules_revision integer NOT NULL DEFAULT 0;
      ALTER TABLE tenant ADD COLUMN rules_changed_at timestamptz;
      ALTER TABLE tenant_rules_change ADD COLUMN from_revision integer NOT NULL DEFAULT 0;
      CREATE UNIQUE INDEX tenant_rules_change_one_waiting ON tenant_rules_change (tenant_id) WHERE status = 'AWAITING_APPROVAL';
      ALTER TABLE cadence_obligation DROP CONSTRAINT cadence_obligation_status_check;
      ALTER TABLE cadence_obligation ADD CONSTRAINT cadence_obligation_status_check CHECK (status IN ('OPEN', 'MET', 'MISSED', 'SUPERSEDED'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE cadence_obligation SET status = 'OPEN' WHERE status = 'SUPERSEDED';
      ALTER TABLE cadence_obligation DROP CONSTRAINT cadence_obligation_status_check;
      ALTER TABLE cadence_obligation ADD CONSTRAINT cadence_obligation_status_check CHECK (status IN ('OPEN', 'MET', 'MISSED'));
      DROP INDEX tenant_rules_change_one_waiting;
      ALTER TABLE tenant_rules_change DROP COLUMN from_revision;
      ALTER TABLE tenant DROP COLUMN rules_changed_at;
      ALTER TABLE tenant DROP COLUMN rules_revision;
    `);
  }
}
