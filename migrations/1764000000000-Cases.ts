import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenant-owned tables of the ledger, parents first (down drops them in reverse). */
const TABLES = [
  'case_sequence',
  'petition_case',
  'case_petitioner',
  'case_link',
  'case_event',
  'case_progress_report',
  'case_ledger_entry',
  'case_extension',
  'case_review',
  'reception_roster',
  'case_screening',
  'case_screening_run',
];

/**
 * The petition ledger (台账, 002 §五, 003 §二, 004): cases with their petitioners (personal data
 * encrypted, matched by keyed hash), repeat links, a visible history, leader ownership and weekly
 * progress reports, the two-level problem/responsibility/task lists, time-limit extensions, reviews,
 * the reception rota and monthly forecast screening. Tenant-owned, RLS enabled and forced, audited.
 */
export class Cases1764000000000 implements MigrationInterface {
  name = 'Cases1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Per-tenant, per-year case numbers (信访件编号) handed out under a row lock.
      CREATE TABLE case_sequence (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        year integer NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (tenant_id, year)
      );

      CREATE TABLE petition_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        number text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('LETTER', 'VISIT', 'PHONE', 'ONLINE', 'ASSIGNED', 'GRID_REPORT')),
        assigned_by_level text CHECK (assigned_by_level IN ('PROVINCE', 'CITY', 'COUNTY', 'DISTRICT', 'TOWN')),
        source text NOT NULL,
        matter text NOT NULL,
        category text,
        location_unit_id uuid REFERENCES member_unit (id),
        grid text,
        location text,
        attachments jsonb NOT NULL DEFAULT '[]',
        people_count integer NOT NULL CHECK (people_count >= 1),
        group_petition boolean NOT NULL DEFAULT false,
        signed boolean NOT NULL DEFAULT false,
        joint_signed boolean NOT NULL DEFAULT false,
        skip_level boolean NOT NULL DEFAULT false,
        repeat_count integer NOT NULL DEFAULT 0,
        status text NOT NULL CHECK (status IN ('RECEIVED', 'ASSIGNED', 'RESOLVED', 'CLOSED', 'TRANSFERRED', 'GUIDED')),
        received_at timestamptz NOT NULL,
        received_on date NOT NULL,
        received_by uuid NOT NULL REFERENCES app_user (id),
        first_inquiry_user_id uuid NOT NULL REFERENCES app_user (id),
        reception_leader text,
        handling_level text CHECK (handling_level IN ('GRID', 'COMMUNITY', 'TOWN')),
        first_responsible text,
        responsible_unit_id uuid REFERENCES member_unit (id),
        responsible_person text,
        owner_tier text CHECK (owner_tier IN ('PRINCIPAL', 'IN_CHARGE')),
        owner_rule text,
        owner_leader text,
        owned_on date,
        roadmap text CHECK (roadmap IN ('RESOLVE', 'STABILISE', 'STRIKE')),
        team text[] NOT NULL DEFAULT '{}',
        plan text,
        due_on date,
        due_provisional boolean NOT NULL DEFAULT false,
        due_rule text,
        resolution text,
        resolved_at timestamptz,
        closed_at timestamptz,
        referral text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT petition_case_number UNIQUE (tenant_id, number),
        CHECK (status = 'RECEIVED' OR status IN ('TRANSFERRED', 'GUIDED') OR responsible_unit_id IS NOT NULL),
        CHECK (status NOT IN ('RESOLVED', 'CLOSED') OR resolved_at IS NOT NULL)
      );
      CREATE INDEX petition_case_tenant_idx ON petition_case (tenant_id, received_at DESC);
      CREATE INDEX petition_case_open_idx ON petition_case (tenant_id, status, due_on);
      CREATE INDEX petition_case_unit_idx ON petition_case (tenant_id, responsible_unit_id, status);
      CREATE INDEX petition_case_location_idx ON petition_case (tenant_id, location_unit_id, status);

      -- Personal data is stored encrypted (AES-256-GCM); person_key is a keyed hash (HMAC-SHA256) of the
      -- ID number, or of name and phone without one, so repeat petitions match without decrypting.
      CREATE TABLE case_petitioner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        case_id uuid NOT NULL REFERENCES petition_case (id),
        position integer NOT NULL,
        name_enc text NOT NULL,
        id_number_enc text,
        phone_enc text,
        address_enc text,
        person_key text NOT NULL,
        organiser boolean NOT NULL DEFAULT false,
        CONSTRAINT case_petitioner_position UNIQUE (case_id, position)
      );
      CREATE INDEX case_petitioner_case_idx ON case_petitioner (tenant_id, case_id);
      CREATE INDEX case_petitioner_person_idx ON case_petitioner (tenant_id, person_key);

      -- Links detected at intake: this case repeats an earlier one of the same petitioner and matter.
      CREATE TABLE case_link (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        case_id uuid NOT NULL REFERENCES petition_case (id),
        earlier_case_id uuid NOT NULL REFERENCES petition_case (id),
        kind text NOT NULL CHECK (kind IN ('REPEAT')),
        PRIMARY KEY (case_id, earlier_case_id)
      );
      CREATE INDEX case_link_tenant_idx ON case_link (tenant_id, earlier_case_id);

      -- The case's visible history: every step, who, when, the rule behind it.
      CREATE TABLE case_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED BY DEFAULT AS IDENTITY,
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        case_id uuid NOT NULL REFERENCES petition_case (id),
        kind text NOT NULL,
        at timestamptz NOT NULL,
        by_user_id uuid REFERENCES app_user (id),
        note text,
        rule text,
        data jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX case_event_case_idx ON case_event (tenant_id, case_id, seq);

      CREATE TABLE case_progress_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        case_id uuid NOT NULL REFERENCES petition_case (id),
        period_start date NOT NULL,
        period_end date NOT NULL,
        content text NOT NULL,
        reported_at timestamptz NOT NULL,
        reported_by uuid NOT NULL REFERENCES app_user (id)
      );
      CREATE INDEX case_progress_report_idx ON case_progress_report (tenant_id, case_id, period_start);

      -- 002 §五(四): problem, responsibility and task lists at street/town and community level.
      CREATE TABLE case_ledger_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        case_id uuid NOT NULL REFERENCES petition_case (id),
        level text NOT NULL CHECK (level IN ('TOWN', 'COMMUNITY')),
        list text NOT NULL CHECK (list IN ('PROBLEM', 'RESPONSIBILITY', 'TASK')),
        community_unit_id uuid REFERENCES member_unit (id),
        content text NOT NULL,
        classification text,
        measures text,
        owning_leader text,
        responsible_unit_id uuid REFERENCES member_unit (id),
        responsible_person text,
        due_on date,
        done_at timestamptz,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        -- A community-level entry names its community (002: 街道、社区两级台账).
        CHECK (level = 'TOWN' OR community_unit_id IS NOT NULL)
      );
      CREATE INDEX case_ledger_entry_idx ON case_ledger_entry (tenant_id, level, list, case_id);
      CREATE INDEX case_ledger_entry_case_idx ON case_ledger_entry (case_id);

      CREATE TABLE case_extension (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        case_id uuid NOT NULL REFERENCES petition_case (id),
        current_due_on date NOT NULL,
        requested_due_on date NOT NULL,
        reason text NOT NULL,
        status text NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED')),
        requested_by uuid NOT NULL REFERENCES app_user (id),
        requested_at timestamptz NOT NULL,
        decided_by uuid REFERENCES app_user (id),
        decided_at timestamptz,
        decision_note text,
        CHECK (requested_due_on > current_due_on)
      );
      CREATE INDEX case_extension_idx ON case_extension (tenant_id, case_id, requested_at);
      CREATE UNIQUE INDEX case_extension_pending ON case_extension (case_id) WHERE status = 'REQUESTED';

      -- 004 复查制度: opinion due within the plugin's limit from acceptance, hearings not counted.
      CREATE TABLE case_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        case_id uuid NOT NULL REFERENCES petition_case (id),
        basis text NOT NULL CHECK (basis IN ('ASSIGNED_FROM_ABOVE', 'OWN_DECISION')),
        status text NOT NULL CHECK (status IN ('OPEN', 'DECIDED')),
        accepted_on date NOT NULL,
        pauses jsonb NOT NULL DEFAULT '[]',
        due_on date NOT NULL,
        due_provisional boolean NOT NULL DEFAULT false,
        rule text NOT NULL,
        opinion text,
        outcome text CHECK (outcome IN ('UPHELD', 'AMENDED', 'OVERTURNED')),
        decided_on date,
        in_time boolean,
        appealed_to text,
        appealed_at timestamptz,
        opened_by uuid NOT NULL REFERENCES app_user (id),
        opened_at timestamptz NOT NULL,
        CHECK (status = 'OPEN' OR (opinion IS NOT NULL AND outcome IS NOT NULL AND decided_on IS NOT NULL))
      );
      CREATE INDEX case_review_idx ON case_review (tenant_id, case_id);
      CREATE UNIQUE INDEX case_review_open ON case_review (case_id) WHERE status = 'OPEN';

      -- 004 領導接待日制度: the leaders taking rotating reception duty, from a start date.
      CREATE TABLE reception_roster (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        starts_on date NOT NULL,
        leaders jsonb NOT NULL,
        rrule text NOT NULL,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reception_roster_start UNIQUE (tenant_id, starts_on)
      );

      -- 004 預測排查制度: what a monthly screening found, and what each screened case was given.
      CREATE TABLE case_screening (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        period_start date NOT NULL,
        period_end date NOT NULL,
        case_id uuid NOT NULL REFERENCES petition_case (id),
        criteria text[] NOT NULL,
        rule text NOT NULL,
        owning_leader text,
        responsible_person text,
        due_on date,
        settled_by uuid REFERENCES app_user (id),
        settled_at timestamptz,
        screened_at timestamptz NOT NULL,
        CONSTRAINT case_screening_unique UNIQUE (tenant_id, period_start, case_id)
      );

      -- Which screening periods ran (a period may find nothing), so the sweep screens each period once.
      CREATE TABLE case_screening_run (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        period_start date NOT NULL,
        period_end date NOT NULL,
        screened_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, period_start)
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
    // A county's rules reach its towns (plugin `supervision.appliesToDescendants`, e.g. 003's ownership
    // tiers): the app role may not read ancestors' tenant rows, so this returns only the rules part of
    // the nearest such ancestor's plugin snapshot — plugin data, never tenant data.
    await q.query(`
      CREATE FUNCTION app_inherited_rules(t uuid) RETURNS TABLE (tenant_id uuid, plugin_id text, level text, cases jsonb, supervision jsonb)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT a.id, a.plugin_id, a.level, a.plugin_config -> 'cases', a.plugin_config -> 'supervision'
        FROM tenant_tree me JOIN tenant a ON me.path LIKE '%/' || a.id || '/%' AND a.id <> me.id
        WHERE me.id = t AND (a.plugin_config -> 'supervision' ->> 'appliesToDescendants')::boolean
        ORDER BY length(a.path) DESC
      $$;
      REVOKE ALL ON FUNCTION app_inherited_rules(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_inherited_rules(uuid) TO jm_app;
    `);
    // A link and an event are facts: never rewritten.
    await q.query(`REVOKE UPDATE ON case_link, case_event FROM jm_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS app_inherited_rules(uuid)`);
    await q.query(`DROP TABLE IF EXISTS ${[...TABLES].reverse().join(', ')}`);
  }
}
