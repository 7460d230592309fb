import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = [
  'supervision_notice',
  'supervision_notice_entry',
  'supervision_action',
  'outbox_message',
  'inspection',
  'inspection_finding',
  'assessment',
];

/**
 * Supervision (督查督办): notices with rankings (通报排名), the escalation ladder's actions (reminders 提醒,
 * listed supervision 挂牌督办, interviews 约谈, accountability 问责, named criticism), the notification
 * outbox, inspections (督查, random samples included) and periodic assessments (考核).
 *
 * Rows belong to the supervising tenant (`tenant_id`: the county issuing a notice about its towns);
 * `target_unit_id` is the supervised member unit of that tenant and, for a TOWNSHIP unit,
 * `target_tenant_id` the child tenant it stands for. RLS enabled and forced; audited.
 */
export class Supervision1764100000000 implements MigrationInterface {
  name = 'Supervision1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervision_notice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        number text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('REGULAR', 'SPECIAL')),
        period text CHECK (period IN ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'ANNUAL')),
        period_start date NOT NULL,
        period_end date NOT NULL,
        title text NOT NULL,
        body text,
        status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
        rule text NOT NULL,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES app_user (id),
        published_at timestamptz,
        CONSTRAINT supervision_notice_number UNIQUE (tenant_id, number),
        CHECK (kind = 'SPECIAL' OR period IS NOT NULL),
        CHECK (period_end >= period_start)
      );
      CREATE UNIQUE INDEX supervision_notice_regular ON supervision_notice (tenant_id, period, period_start) WHERE kind = 'REGULAR';
      CREATE INDEX supervision_notice_idx ON supervision_notice (tenant_id, kind, published_at DESC);

      -- One supervised unit in a notice: its metrics, score and rank (ranked notices), named criticism,
      -- and its read receipt.
      CREATE TABLE supervision_notice_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        notice_id uuid NOT NULL REFERENCES supervision_notice (id),
        target_unit_id uuid NOT NULL REFERENCES member_unit (id),
        target_tenant_id uuid REFERENCES tenant (id),
        metrics jsonb NOT NULL DEFAULT '{}',
        score numeric,
        rank integer,
        ranked_of integer,
        bottom boolean NOT NULL DEFAULT false,
        criticised boolean NOT NULL DEFAULT false,
        criticism text,
        read_at timestamptz,
        read_by uuid REFERENCES app_user (id),
        CONSTRAINT supervision_notice_entry_unique UNIQUE (notice_id, target_unit_id)
      );
      CREATE INDEX supervision_notice_entry_target_idx ON supervision_notice_entry (tenant_id, target_unit_id);
      CREATE INDEX supervision_notice_entry_child_idx ON supervision_notice_entry (target_tenant_id);

      -- A step of the escalation ladder taken against a unit, with the rule that fired and its facts.
      --   REMINDER        提醒: severity GENERAL (SMS) or KEY (numbered letter 提醒函); status ISSUED → RESPONDED
      --   LISTING         挂牌督办: status ACTIVE through the plugin's steps (current_step) → DELISTED after acceptance
      --   INTERVIEW       约谈: status PLANNED → HELD (both sides signed) → AWAITING_RECTIFICATION → RECTIFIED, or OVERDUE
      --   ACCOUNTABILITY  问责: status OPEN → DECIDED, with recommendations and the evidence chain
      --   NAMED_CRITICISM 点名批评
      CREATE TABLE supervision_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        number text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('REMINDER', 'LISTING', 'INTERVIEW', 'ACCOUNTABILITY', 'NAMED_CRITICISM')),
        target_unit_id uuid NOT NULL REFERENCES member_unit (id),
        target_tenant_id uuid REFERENCES tenant (id),
        case_id uuid REFERENCES petition_case (id),
        rule_id text,
        rule_source text NOT NULL,
        facts jsonb NOT NULL DEFAULT '{}',
        severity text CHECK (severity IN ('GENERAL', 'KEY', 'SERIOUS')),
        channel text CHECK (channel IN ('SMS', 'LETTER', 'IN_APP')),
        status text NOT NULL,
        current_step text,
        steps jsonb NOT NULL DEFAULT '[]',
        detail jsonb NOT NULL DEFAULT '{}',
        due_on date,
        due_provisional boolean NOT NULL DEFAULT false,
        caused_by uuid REFERENCES supervision_action (id),
        dedupe_key text NOT NULL,
        opened_by uuid REFERENCES app_user (id),
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        CONSTRAINT supervision_action_number UNIQUE (tenant_id, number),
        CONSTRAINT supervision_action_dedupe UNIQUE (tenant_id, dedupe_key)
      );
      CREATE INDEX supervision_action_target_idx ON supervision_action (tenant_id, target_unit_id, kind, opened_at DESC);
      CREATE INDEX supervision_action_child_idx ON supervision_action (target_tenant_id, kind, status);
      CREATE INDEX supervision_action_due_idx ON supervision_action (tenant_id, status, due_on);

      -- Outbound notifications through channel adapters (in-app, SMS, e-mail, letters): written in the
      -- transaction that decides them, delivered by a job, never twice (dedupe key, status).
      CREATE TABLE outbox_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        channel text NOT NULL CHECK (channel IN ('IN_APP', 'SMS', 'EMAIL', 'LETTER')),
        recipient text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        dedupe_key text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT outbox_message_dedupe UNIQUE (tenant_id, channel, dedupe_key)
      );
      CREATE INDEX outbox_message_pending_idx ON outbox_message (status, created_at) WHERE status = 'PENDING';

      -- 督查: proposed, approved by the convener, carried out with findings per unit, reported upward.
      CREATE TABLE inspection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        kind text NOT NULL CHECK (kind IN ('PLANNED', 'RANDOM')),
        title text NOT NULL,
        scope text,
        status text NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED', 'CARRIED_OUT', 'REPORTED')),
        period_start date,
        period_end date,
        sample jsonb,
        rule text NOT NULL,
        proposed_by uuid REFERENCES app_user (id),
        proposed_at timestamptz NOT NULL,
        decided_by uuid REFERENCES app_user (id),
        decided_at timestamptz,
        decision_note text,
        carried_out_at timestamptz,
        report text,
        reported_to text,
        reported_at timestamptz,
        dedupe_key text,
        CONSTRAINT inspection_dedupe UNIQUE (tenant_id, dedupe_key)
      );
      CREATE INDEX inspection_idx ON inspection (tenant_id, status, proposed_at DESC);

      CREATE TABLE inspection_finding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        inspection_id uuid NOT NULL REFERENCES inspection (id),
        unit_id uuid NOT NULL REFERENCES member_unit (id),
        target_tenant_id uuid REFERENCES tenant (id),
        finding text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('GENERAL', 'SERIOUS')),
        rectification_due_on date,
        recorded_by uuid REFERENCES app_user (id),
        recorded_at timestamptz NOT NULL
      );
      CREATE INDEX inspection_finding_idx ON inspection_finding (tenant_id, inspection_id);

      -- 考核: a unit's periodic assessment from notices, listings, interviews, accountability and metrics.
      CREATE TABLE assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        period text NOT NULL CHECK (period IN ('QUARTERLY', 'HALF_YEARLY', 'ANNUAL')),
        period_start date NOT NULL,
        period_end date NOT NULL,
        target_unit_id uuid NOT NULL REFERENCES member_unit (id),
        target_tenant_id uuid REFERENCES tenant (id),
        counts jsonb NOT NULL,
        score numeric NOT NULL,
        passed boolean NOT NULL,
        vetoed boolean NOT NULL DEFAULT false,
        veto_reason text,
        rule text NOT NULL,
        computed_at timestamptz NOT NULL,
        CONSTRAINT assessment_unique UNIQUE (tenant_id, period, period_start, target_unit_id)
      );
    `);
    for (const table of TABLES) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (tenant_id = ANY ((SELECT app_read_tenants())::uuid[]));
        CREATE POLICY ${table}_write ON ${table} FOR ALL
          USING (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]))
          WITH CHECK (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]));
        GRANT SELECT, INSERT, UPDATE ON ${table} TO jm_app;
        SELECT audit_attach('${table}'::regclass);
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS ${[...TABLES].reverse().join(', ')}`);
  }
}
