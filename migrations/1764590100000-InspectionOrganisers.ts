import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inspections as 001 art. 13 and 004 預測排查3 run them: a joint inspection organised by a member unit with
 * participating units (相关部门组织实施，相关部门派员参加), and the kinds REGULAR (scheduled on the plugin's
 * cadence: 每季度一次) and EVENT (在重大會議、節日、活動前, with the event and its day).
 */
export class InspectionOrganisers1764590100000 implements MigrationInterface {
  name = 'InspectionOrganisers1764590100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE inspection DROP CONSTRAINT inspection_kind_check,
        ADD CONSTRAINT inspection_kind_check CHECK (kind IN ('PLANNED', 'RANDOM', 'REGULAR', 'EVENT')),
        ADD COLUMN organiser_unit_id uuid,
        ADD COLUMN participant_unit_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN event_name text,
        ADD COLUMN event_on date
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE inspection SET kind = 'PLANNED' WHERE kind IN ('REGULAR', 'EVENT')`);
    await q.query(`
      ALTER TABLE inspection DROP CONSTRAINT inspection_kind_check,
        ADD CONSTRAINT inspection_kind_check CHECK (kind IN ('PLANNED', 'RANDOM')),
        DROP COLUMN organiser_unit_id, DROP COLUMN participant_unit_ids, DROP COLUMN event_name, DROP COLUMN event_on
    `);
  }
}
