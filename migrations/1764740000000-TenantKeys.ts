import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keys ready for distribution by tenant (issue 18 item 4; docs/scale.md, "Distribution by tenant"):
 * - every tenant table keyed by `id` alone gets the primary key `(tenant_id, id)` (`case_link`:
 *   `(tenant_id, case_id, earlier_case_id)`); a plain, non-unique index on `id` keeps lookups by id alone
 *   (owner-run sweeps, `memberUnitById` under a policy with `OR app_is_platform()`) as fast as before —
 *   nothing needs `id` to be unique on its own (uuids; every `ON CONFLICT` target includes tenant_id);
 * - every foreign key between tenant tables becomes `(tenant_id, x) → (tenant_id, id)`: a row can no
 *   longer point into another tenant by accident (adding them validates the existing rows);
 * - unique constraints and indexes that lacked tenant_id get it in front (Citus enforces uniqueness only
 *   with the distribution column; within a tenant the meaning is unchanged, case and notice ids being
 *   unique);
 * - the references that point into another tenant by design are no longer foreign keys:
 *   `supervision_action.case_id` and `supervision_flag.case_id` name a case of the office's tenant or of
 *   the township the target unit stands for (`target_tenant_id`, beside it), checked by the writing
 *   service (`checkCase`, libs/modules/supervision/actions.service.ts; cases are never deleted);
 *   `app_user.member_unit_id` (a reference table pointing into a tenant table, which Citus refuses) is
 *   checked by identity's `assertUnitFits`.
 */
export class TenantKeys1764740000000 implements MigrationInterface {
  name = 'TenantKeys1764740000000';

  async up(q: QueryRunner): Promise<void> {
    for (const fk of [...SAME_TENANT, ...CROSS_TENANT])
      await q.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.old}`);
    for (const t of REKEYED) {
      await q.query(`ALTER TABLE ${t} DROP CONSTRAINT ${t}_pkey`);
      await q.query(`ALTER TABLE ${t} ADD CONSTRAINT ${t}_pkey PRIMARY KEY (tenant_id, id)`);
      await q.query(`CREATE INDEX ${t}_id_idx ON ${t} (id)`);
    }
    await q.query(`ALTER TABLE case_link DROP CONSTRAINT case_link_pkey`);
    await q.query(
      `ALTER TABLE case_link ADD CONSTRAINT case_link_pkey PRIMARY KEY (tenant_id, case_id, earlier_case_id)`,
    );
    for (const fk of SAME_TENANT)
      await q.query(
        `ALTER TABLE ${fk.table} ADD CONSTRAINT ${newName(fk)} FOREIGN KEY (tenant_id, ${fk.column}) REFERENCES ${fk.references} (tenant_id, id)`,
      );
    for (const fk of CROSS_TENANT) await q.query(`COMMENT ON COLUMN ${fk.table}.${fk.column} IS ${quote(fk.comment)}`);
    await q.query(`
      ALTER TABLE case_petitioner DROP CONSTRAINT case_petitioner_position;
      ALTER TABLE case_petitioner ADD CONSTRAINT case_petitioner_position UNIQUE (tenant_id, case_id, "position");
      ALTER TABLE supervision_notice_entry DROP CONSTRAINT supervision_notice_entry_unique;
      ALTER TABLE supervision_notice_entry ADD CONSTRAINT supervision_notice_entry_unique UNIQUE (tenant_id, notice_id, target_unit_id);
      DROP INDEX case_extension_pending;
      CREATE UNIQUE INDEX case_extension_pending ON case_extension (tenant_id, case_id) WHERE status = 'REQUESTED';
      DROP INDEX case_review_open;
      CREATE UNIQUE INDEX case_review_open ON case_review (tenant_id, case_id) WHERE status = 'OPEN';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX case_review_open;
      CREATE UNIQUE INDEX case_review_open ON case_review (case_id) WHERE status = 'OPEN';
      DROP INDEX case_extension_pending;
      CREATE UNIQUE INDEX case_extension_pending ON case_extension (case_id) WHERE status = 'REQUESTED';
      ALTER TABLE supervision_notice_entry DROP CONSTRAINT supervision_notice_entry_unique;
      ALTER TABLE supervision_notice_entry ADD CONSTRAINT supervision_notice_entry_unique UNIQUE (notice_id, target_unit_id);
      ALTER TABLE case_petitioner DROP CONSTRAINT case_petitioner_position;
      ALTER TABLE case_petitioner ADD CONSTRAINT case_petitioner_position UNIQUE (case_id, "position");
    `);
    for (const fk of CROSS_TENANT) await q.query(`COMMENT ON COLUMN ${fk.table}.${fk.column} IS NULL`);
    for (const fk of SAME_TENANT) await q.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${newName(fk)}`);
    await q.query(`ALTER TABLE case_link DROP CONSTRAINT case_link_pkey`);
    await q.query(`ALTER TABLE case_link ADD CONSTRAINT case_link_pkey PRIMARY KEY (case_id, earlier_case_id)`);
    for (const t of REKEYED) {
      await q.query(`DROP INDEX ${t}_id_idx`);
      await q.query(`ALTER TABLE ${t} DROP CONSTRAINT ${t}_pkey`);
      await q.query(`ALTER TABLE ${t} ADD CONSTRAINT ${t}_pkey PRIMARY KEY (id)`);
    }
    for (const fk of [...SAME_TENANT, ...CROSS_TENANT])
      await q.query(
        `ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.old} FOREIGN KEY (${fk.column}) REFERENCES ${fk.references} (id)`,
      );
  }
}

interface Reference {
  table: string;
  column: string;
  references: string;
  /** The single-column constraint it replaces. */
  old: string;
}

/** Tables keyed by `id` alone until now. */
const REKEYED = [
  'agreed_item',
  'assessment',
  'cadence_obligation',
  'case_event',
  'case_extension',
  'case_ledger_entry',
  'case_petitioner',
  'case_progress_report',
  'case_review',
  'case_screening',
  'finding',
  'implementation_report',
  'inspection',
  'inspection_finding',
  'issue_list',
  'key_period',
  'meeting',
  'member_unit',
  'membership_change',
  'minutes',
  'notification',
  'outbox_message',
  'petition_case',
  'reception_roster',
  'sensitive_report',
  'supervision_action',
  'supervision_flag',
  'supervision_notice',
  'supervision_notice_entry',
];

const ref = (table: string, column: string, references: string, old = `${table}_${column}_fkey`): Reference => ({
  table,
  column,
  references,
  old,
});

/** References within one tenant: `(tenant_id, column) → references (tenant_id, id)`. */
const SAME_TENANT: Reference[] = [
  ref('agreed_item', 'minutes_id', 'minutes'),
  ref('agreed_item_owner', 'agreed_item_id', 'agreed_item'),
  ref('agreed_item_owner', 'member_unit_id', 'member_unit'),
  ref('assessment', 'target_unit_id', 'member_unit'),
  ref('cadence_obligation', 'meeting_id', 'meeting'),
  ref('case_event', 'case_id', 'petition_case'),
  ref('case_extension', 'case_id', 'petition_case'),
  ref('case_ledger_entry', 'case_id', 'petition_case'),
  ref('case_ledger_entry', 'community_unit_id', 'member_unit'),
  ref('case_ledger_entry', 'responsible_unit_id', 'member_unit'),
  ref('case_link', 'case_id', 'petition_case'),
  ref('case_link', 'earlier_case_id', 'petition_case'),
  ref('case_petitioner', 'case_id', 'petition_case'),
  ref('case_progress_report', 'case_id', 'petition_case'),
  ref('case_review', 'case_id', 'petition_case'),
  ref('case_screening', 'case_id', 'petition_case'),
  ref('implementation_report', 'agreed_item_id', 'agreed_item'),
  ref('implementation_report', 'member_unit_id', 'member_unit'),
  ref('inspection_finding', 'inspection_id', 'inspection'),
  ref('inspection_finding', 'unit_id', 'member_unit'),
  ref('meeting', 'escalated_from', 'meeting'),
  ref('meeting_unit', 'meeting_id', 'meeting'),
  ref('meeting_unit', 'member_unit_id', 'member_unit'),
  ref('membership_change', 'member_unit_id', 'member_unit'),
  ref('minutes', 'meeting_id', 'meeting'),
  ref('minutes_recipient', 'member_unit_id', 'member_unit'),
  ref('minutes_recipient', 'minutes_id', 'minutes'),
  ref('petition_case', 'location_unit_id', 'member_unit'),
  ref('petition_case', 'responsible_unit_id', 'member_unit'),
  ref('sensitive_report', 'reporting_unit_id', 'member_unit'),
  ref('sensitive_report', 'responsible_unit_id', 'member_unit'),
  ref('supervision_action', 'caused_by', 'supervision_action'),
  ref('supervision_action', 'target_unit_id', 'member_unit'),
  ref('supervision_flag', 'target_unit_id', 'member_unit'),
  ref('supervision_notice_entry', 'notice_id', 'supervision_notice'),
  ref('supervision_notice_entry', 'target_unit_id', 'member_unit'),
];

const newName = (fk: Reference) => `${fk.table}_tenant_id_${fk.column}_fkey`;

/** No longer foreign keys: they point into another tenant by design, or out of a reference table. */
const CROSS_TENANT: (Reference & { comment: string })[] = [
  {
    ...ref('supervision_action', 'case_id', 'petition_case'),
    comment:
      "A case of tenant_id or of target_tenant_id (the township the target unit stands for); checked by the writing service (checkCase), not a foreign key: it may lie in another tenant's shard.",
  },
  {
    ...ref('supervision_flag', 'case_id', 'petition_case'),
    comment:
      "A case of tenant_id or of target_tenant_id (the township the target unit stands for); checked by the writing service (checkCase), not a foreign key: it may lie in another tenant's shard.",
  },
  {
    ...ref('app_user', 'member_unit_id', 'member_unit', 'app_user_member_unit_fk'),
    comment:
      "An active member unit of the user's tenant_id, checked by identity (assertUnitFits); not a foreign key: app_user is a reference table and member_unit is distributed.",
  },
];

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
