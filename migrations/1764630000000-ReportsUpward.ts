import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports upward (请示报告; issue 14 item 4): the office (or, on the own joint meeting's channel, a member
 * unit) drafts a report to the party committee and government, to the parent tenant's joint meeting, or —
 * a major matter of a meeting — to the convener for review; the recipient acknowledges and may answer
 * with instructions (批示), which become tracked items of the reporting tenant.
 *
 * Row-level security is narrower than the tree: a report is read by its own tenant (and a scope the
 * service widened explicitly), and by the tenant it was sent to (`recipient_tenant_id`) once sent — not by
 * the rest of the tree, so a county's superiors see neither a town's drafts nor its reports to the town's
 * party committee. Writes stay in the report's tenant; the parent's office writes its acknowledgement and
 * instructions after the service checked it is the recipient (Db.extendScope).
 *
 * Keyed (tenant_id, id) so both tables distribute by tenant; recipient_tenant_id is a checked reference
 * (the parent may be absent from an import).
 */
export class ReportsUpward1764630000000 implements MigrationInterface {
  name = 'ReportsUpward1764630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        channel text NOT NULL CHECK (channel IN ('PARTY_COMMITTEE', 'PARENT_JOINT_MEETING', 'OWN_JOINT_MEETING', 'CONVENER_REVIEW')),
        recipient_name text NOT NULL,
        recipient_tenant_id uuid,
        recipient_roles text[] NOT NULL DEFAULT '{}',
        subject_kind text,
        subject_id uuid,
        title text NOT NULL,
        body text NOT NULL,
        rule text NOT NULL,
        reporting_unit_id uuid,
        status text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'SENT', 'ACKNOWLEDGED', 'ANSWERED')),
        needs_approval boolean NOT NULL DEFAULT false,
        return_comment text,
        drafted_by uuid NOT NULL,
        drafted_at timestamptz NOT NULL,
        submitted_by uuid,
        approved_by uuid,
        approved_at timestamptz,
        sent_by uuid,
        sent_at timestamptz,
        acknowledged_by uuid,
        acknowledged_at timestamptz,
        answered_by uuid,
        answered_at timestamptz,
        reply text,
        replied_by_name text,
        replied_on date,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id),
        CHECK (channel <> 'PARENT_JOINT_MEETING' OR recipient_tenant_id IS NOT NULL),
        CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED') OR sent_at IS NOT NULL),
        CHECK (NOT needs_approval OR status IN ('DRAFT', 'SUBMITTED') OR approved_at IS NOT NULL)
      );
      CREATE INDEX report_tenant_idx ON report (tenant_id, drafted_at DESC, id DESC);
      CREATE INDEX report_recipient_idx ON report (recipient_tenant_id, sent_at DESC, id DESC) WHERE recipient_tenant_id IS NOT NULL AND sent_at IS NOT NULL;
      CREATE INDEX report_subject_idx ON report (tenant_id, subject_kind, subject_id) WHERE subject_id IS NOT NULL;
      ALTER TABLE report ENABLE ROW LEVEL SECURITY;
      ALTER TABLE report FORCE ROW LEVEL SECURITY;
      CREATE POLICY report_read ON report FOR SELECT USING (
        tenant_id = ANY ((SELECT app_write_tenants())::uuid[])
        OR (recipient_tenant_id = (SELECT app_tenant_id()) AND sent_at IS NOT NULL));
      CREATE POLICY report_write ON report FOR ALL
        USING (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]))
        WITH CHECK (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]));
      GRANT SELECT, INSERT, UPDATE ON report TO jm_app;
      SELECT audit_attach('report'::regclass);

      CREATE TABLE report_instruction (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL,
        recipient_tenant_id uuid,
        position integer NOT NULL,
        content text NOT NULL,
        due_on date,
        status text NOT NULL CHECK (status IN ('OPEN', 'DONE')),
        result text,
        completed_by uuid,
        completed_at timestamptz,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, report_id) REFERENCES report (tenant_id, id),
        CONSTRAINT report_instruction_position UNIQUE (tenant_id, report_id, position),
        CHECK (status = 'OPEN' OR completed_at IS NOT NULL)
      );
      CREATE INDEX report_instruction_open_idx ON report_instruction (tenant_id, status, due_on);
      ALTER TABLE report_instruction ENABLE ROW LEVEL SECURITY;
      ALTER TABLE report_instruction FORCE ROW LEVEL SECURITY;
      CREATE POLICY report_instruction_read ON report_instruction FOR SELECT USING (
        tenant_id = ANY ((SELECT app_write_tenants())::uuid[])
        OR recipient_tenant_id = (SELECT app_tenant_id()));
      CREATE POLICY report_instruction_write ON report_instruction FOR ALL
        USING (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]))
        WITH CHECK (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]));
      GRANT SELECT, INSERT, UPDATE ON report_instruction TO jm_app;
      SELECT audit_attach('report_instruction'::regclass);

      -- 004 復查制度 二: the review opinion is told to the petitioner in writing and reported upward.
      ALTER TABLE case_review
        ADD COLUMN petitioner_informed_on date,
        ADD COLUMN petitioner_notice_method text CHECK (petitioner_notice_method IN ('IN_PERSON', 'POST', 'ELECTRONIC')),
        ADD COLUMN petitioner_informed_by uuid,
        ADD COLUMN report_id uuid;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE case_review DROP COLUMN IF EXISTS petitioner_informed_on, DROP COLUMN IF EXISTS petitioner_notice_method, DROP COLUMN IF EXISTS petitioner_informed_by, DROP COLUMN IF EXISTS report_id`,
    );
    await q.query(`DROP TABLE IF EXISTS report_instruction; DROP TABLE IF EXISTS report`);
  }
}
