import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The office's own documents (issue 14 item 5): annual work points (年度工作要点, 000 art. 6, 001 art. 9)
 * drafted by the office, approved by the role the plugin names (never the drafter), their points tracked
 * against agreed items; numbered briefings (简报编印, 001 art. 9) issued to member units with receipts.
 * Briefing numbers come from `document_counter`, one row per tenant, kind and year, advanced with
 * INSERT … ON CONFLICT DO UPDATE … RETURNING (two offices issuing at once get two numbers, never one).
 * Keyed by tenant_id first; agreed items and member units are checked references.
 */
export class OfficeDocuments1764620100000 implements MigrationInterface {
  name = 'OfficeDocuments1764620100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE work_plan (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        year integer NOT NULL CHECK (year BETWEEN 1900 AND 2199),
        title text NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')),
        source text NOT NULL,
        drafted_by uuid NOT NULL,
        submitted_by uuid,
        approved_by uuid,
        approved_at timestamptz,
        return_comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT work_plan_one_per_year UNIQUE (tenant_id, year),
        CHECK ((status = 'APPROVED') = (approved_at IS NOT NULL))
      );
      CREATE TABLE work_plan_point (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        work_plan_id uuid NOT NULL,
        position integer NOT NULL,
        content text NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, work_plan_id) REFERENCES work_plan (tenant_id, id) ON DELETE CASCADE,
        UNIQUE (tenant_id, work_plan_id, position)
      );
      CREATE TABLE work_plan_point_item (
        tenant_id uuid NOT NULL,
        point_id uuid NOT NULL,
        agreed_item_id uuid NOT NULL,
        linked_at timestamptz NOT NULL DEFAULT now(),
        linked_by uuid NOT NULL,
        PRIMARY KEY (tenant_id, point_id, agreed_item_id),
        FOREIGN KEY (tenant_id, point_id) REFERENCES work_plan_point (tenant_id, id) ON DELETE CASCADE
      );
      CREATE TABLE document_counter (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        kind text NOT NULL CHECK (kind IN ('BRIEFING')),
        year integer NOT NULL,
        last integer NOT NULL CHECK (last > 0),
        PRIMARY KEY (tenant_id, kind, year)
      );
      CREATE TABLE briefing (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        title text NOT NULL,
        body text NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT', 'ISSUED')),
        source text NOT NULL,
        year integer,
        seq integer,
        number text,
        drafted_by uuid NOT NULL,
        issued_by uuid,
        issued_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT briefing_number_unique UNIQUE (tenant_id, year, seq),
        CHECK ((status = 'ISSUED') = (number IS NOT NULL AND issued_at IS NOT NULL AND seq IS NOT NULL))
      );
      CREATE INDEX briefing_list_idx ON briefing (tenant_id, created_at DESC, id DESC);
      CREATE TABLE briefing_recipient (
        tenant_id uuid NOT NULL,
        briefing_id uuid NOT NULL,
        member_unit_id uuid NOT NULL,
        acknowledged_at timestamptz,
        acknowledged_by uuid,
        PRIMARY KEY (tenant_id, briefing_id, member_unit_id),
        FOREIGN KEY (tenant_id, briefing_id) REFERENCES briefing (tenant_id, id)
      );
      CREATE INDEX briefing_recipient_unit_idx ON briefing_recipient (tenant_id, member_unit_id);
    `);
    for (const table of [
      'work_plan',
      'work_plan_point',
      'work_plan_point_item',
      'document_counter',
      'briefing',
      'briefing_recipient',
    ]) {
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
    await q.query(`
      GRANT SELECT, INSERT, UPDATE ON work_plan, document_counter, briefing, briefing_recipient TO jm_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON work_plan_point, work_plan_point_item TO jm_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS briefing_recipient; DROP TABLE IF EXISTS briefing; DROP TABLE IF EXISTS document_counter;
      DROP TABLE IF EXISTS work_plan_point_item; DROP TABLE IF EXISTS work_plan_point; DROP TABLE IF EXISTS work_plan;
    `);
  }
}
