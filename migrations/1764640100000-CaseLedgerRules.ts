import type { MigrationInterface, QueryRunner } from 'typeorm';

/** New tenant-owned tables (parents first; down drops them in reverse). */
const TABLES = ['case_line', 'case_working_group', 'case_working_group_case'];

/**
 * The ledger's open rules (issue 14 item 6):
 * - 004 领导接待日制度 5: the principal leader's assignment (主要领导批转) of a registered case — pending
 *   from registration, recorded with the instruction, by whom and when;
 * - 004 分线报案制度 1: the lines (categories, units) of each leader in charge (`case_line`), and the
 *   leader a petition in a line was routed to;
 * - 004 预测排查制度 5: participating units (参与单位) beside the lead unit (the responsible unit), with
 *   the basis of that decision (党委、政府确定);
 * - 003 二: a county leader co-owning a township's case (县级领导包案) beside the township's leader;
 * - 002 四(三): special working groups (专项工作小组) spanning the cases of one field.
 * Tables keyed (tenant_id, id), RLS enabled and forced, audited, like every tenant table. A line set is
 * replaced as a whole and a case leaves a group, so those two may delete (the audit trail keeps the rows).
 */
export class CaseLedgerRules1764640100000 implements MigrationInterface {
  name = 'CaseLedgerRules1764640100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE petition_case
        ADD COLUMN principal_status text CHECK (principal_status IN ('PENDING', 'DONE')),
        ADD COLUMN principal_rule text,
        ADD COLUMN principal_instruction text,
        ADD COLUMN principal_by uuid,
        ADD COLUMN principal_at timestamptz,
        ADD COLUMN line_leader text,
        ADD COLUMN line_leader_user_id uuid,
        ADD COLUMN line_rule text,
        ADD COLUMN participating_unit_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN participation_basis text,
        ADD COLUMN county_owner_tier text CHECK (county_owner_tier IN ('PRINCIPAL', 'IN_CHARGE')),
        ADD COLUMN county_owner_rule text,
        ADD COLUMN county_owner_leader text,
        ADD COLUMN county_owned_at timestamptz;
      CREATE INDEX petition_case_participants_idx ON petition_case USING gin (participating_unit_ids);

      CREATE TABLE case_line (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        position integer NOT NULL,
        leader text NOT NULL,
        post text NOT NULL,
        user_id uuid,
        categories text[] NOT NULL DEFAULT '{}',
        unit_ids uuid[] NOT NULL DEFAULT '{}',
        set_by uuid NOT NULL,
        set_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT case_line_leader_unique UNIQUE (tenant_id, leader)
      );

      CREATE TABLE case_working_group (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        field text NOT NULL,
        category text,
        leader text NOT NULL,
        members text[] NOT NULL DEFAULT '{}',
        unit_ids uuid[] NOT NULL DEFAULT '{}',
        rule text NOT NULL,
        set_up_by uuid NOT NULL,
        set_up_at timestamptz NOT NULL,
        dissolved_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT case_working_group_name_unique UNIQUE (tenant_id, name)
      );

      CREATE TABLE case_working_group_case (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        group_id uuid NOT NULL,
        case_id uuid NOT NULL,
        added_by uuid NOT NULL,
        added_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, group_id, case_id),
        FOREIGN KEY (tenant_id, group_id) REFERENCES case_working_group (tenant_id, id)
      );
      CREATE INDEX case_working_group_case_case_idx ON case_working_group_case (tenant_id, case_id);
    `);
    for (const table of TABLES) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (tenant_id = ANY ((SELECT app_read_tenants())::uuid[]));
        CREATE POLICY ${table}_write ON ${table} FOR ALL
          USING (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]))
          WITH CHECK (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]));
        GRANT SELECT, INSERT, UPDATE${table === 'case_working_group' ? '' : ', DELETE'} ON ${table} TO jm_app;
        SELECT audit_attach('${table}'::regclass);
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS ${[...TABLES].reverse().join(', ')}`);
    await q.query(`DROP INDEX IF EXISTS petition_case_participants_idx`);
    await q.query(`
      ALTER TABLE petition_case
        DROP COLUMN principal_status, DROP COLUMN principal_rule, DROP COLUMN principal_instruction, DROP COLUMN principal_by, DROP COLUMN principal_at,
        DROP COLUMN line_leader, DROP COLUMN line_leader_user_id, DROP COLUMN line_rule,
        DROP COLUMN participating_unit_ids, DROP COLUMN participation_basis,
        DROP COLUMN county_owner_tier, DROP COLUMN county_owner_rule, DROP COLUMN county_owner_leader, DROP COLUMN county_owned_at
    `);
  }
}
