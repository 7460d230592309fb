import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Member persons (issue 14 item 1): the register of the joint meeting's members (成员) — person, post
 * (职务), the unit they sit for, their role (召集人, 成员, 联络员) — loaded from the plugin at onboarding
 * (001 annex 2; 000 art. 4's unit heads) and kept by the office; every change of member person
 * (分工调整) is filed (备案) and reported to the convener (000 art. 7, 001 art. 10); proposals to adjust the
 * member units go to the party committee as a record (000 art. 7).
 *
 * Keyed (tenant_id, id) so they distribute by tenant; the member unit is a checked reference (member_unit
 * is keyed by id alone, NOT_YET_DISTRIBUTABLE).
 */
export class MemberPersons1764620000000 implements MigrationInterface {
  name = 'MemberPersons1764620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE member_person (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text,
        post text NOT NULL,
        member_unit_id uuid,
        role text NOT NULL CHECK (role IN ('CONVENER', 'MEMBER', 'LIAISON')),
        convener_key text,
        position integer NOT NULL DEFAULT 0,
        source text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        CHECK (active OR removed_at IS NOT NULL)
      );
      CREATE INDEX member_person_unit_idx ON member_person (tenant_id, member_unit_id) WHERE member_unit_id IS NOT NULL;

      CREATE TABLE member_person_change (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        member_person_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('APPOINTED', 'CHANGED', 'REMOVED')),
        reason text NOT NULL,
        before jsonb,
        after jsonb,
        reported_roles text[] NOT NULL,
        filed_at timestamptz NOT NULL DEFAULT now(),
        filed_by uuid NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, member_person_id) REFERENCES member_person (tenant_id, id)
      );
      CREATE INDEX member_person_change_filed_idx ON member_person_change (tenant_id, filed_at DESC, id DESC);

      CREATE TABLE member_unit_proposal (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('ADD', 'REMOVE', 'RENAME')),
        member_unit_id uuid,
        unit_name text,
        unit_kind text,
        reason text NOT NULL,
        deciding_body text NOT NULL,
        source text NOT NULL,
        status text NOT NULL CHECK (status IN ('PROPOSED', 'ADOPTED', 'NOT_ADOPTED')),
        proposed_at timestamptz NOT NULL DEFAULT now(),
        proposed_by uuid NOT NULL,
        decided_at timestamptz,
        decision_basis text,
        decision_recorded_by uuid,
        PRIMARY KEY (tenant_id, id),
        CHECK ((kind = 'ADD') = (member_unit_id IS NULL)),
        CHECK (kind = 'REMOVE' OR unit_name IS NOT NULL),
        CHECK ((status = 'PROPOSED') = (decided_at IS NULL))
      );
      CREATE INDEX member_unit_proposal_idx ON member_unit_proposal (tenant_id, proposed_at DESC, id DESC);
    `);
    for (const table of ['member_person', 'member_person_change', 'member_unit_proposal']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (tenant_id = ANY ((SELECT app_read_tenants())::uuid[]));
        CREATE POLICY ${table}_write ON ${table} FOR ALL
          USING (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]))
          WITH CHECK (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]));
        SELECT audit_attach('${table}'::regclass);
      `);
    }
    await q.query(
      `GRANT SELECT, INSERT, UPDATE ON member_person, member_unit_proposal TO jm_app; GRANT SELECT, INSERT ON member_person_change TO jm_app`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE IF EXISTS member_unit_proposal; DROP TABLE IF EXISTS member_person_change; DROP TABLE IF EXISTS member_person`,
    );
  }
}
