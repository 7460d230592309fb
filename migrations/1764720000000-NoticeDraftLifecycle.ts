import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A drafted notice until the office publishes it (issue 13 item 2): the office may recompute a draft when
 * late facts arrive (`recomputed_at`, `recomputed_by`, `recomputed_count`: the entries are computed again,
 * so the draft's entries may be deleted — never a published notice's, a trigger refuses it) or discard it
 * with a reason (status DISCARDED, `discarded_at`, `discarded_by`, `discard_reason`). A discarded draft
 * keeps the sweep from drafting its period again, but does not stop the office composing that period's
 * notice itself: the one-regular-notice-per-period index leaves discarded rows out.
 */
export class NoticeDraftLifecycle1764720000000 implements MigrationInterface {
  name = 'NoticeDraftLifecycle1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE supervision_notice DROP CONSTRAINT IF EXISTS supervision_notice_status_check;
      ALTER TABLE supervision_notice
        ADD CONSTRAINT supervision_notice_status_check CHECK (status IN ('DRAFT', 'PUBLISHED', 'DISCARDED')),
        ADD COLUMN recomputed_at timestamptz,
        ADD COLUMN recomputed_by uuid REFERENCES app_user (id),
        ADD COLUMN recomputed_count integer NOT NULL DEFAULT 0,
        ADD COLUMN discarded_at timestamptz,
        ADD COLUMN discarded_by uuid REFERENCES app_user (id),
        ADD COLUMN discard_reason text,
        ADD CONSTRAINT supervision_notice_discarded CHECK (
          (status = 'DISCARDED') = (discarded_at IS NOT NULL AND discard_reason IS NOT NULL)),
        ADD CONSTRAINT supervision_notice_discard_unpublished CHECK (status <> 'DISCARDED' OR published_at IS NULL);
      DROP INDEX IF EXISTS supervision_notice_regular;
      CREATE UNIQUE INDEX supervision_notice_regular ON supervision_notice (tenant_id, period, period_start)
        WHERE kind = 'REGULAR' AND status <> 'DISCARDED';

      CREATE FUNCTION supervision_notice_entry_draft_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM supervision_notice n WHERE n.id = OLD.notice_id AND n.status <> 'DRAFT') THEN
          RAISE EXCEPTION 'only a draft notice''s entries may be recomputed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN OLD;
      END $$;
      CREATE TRIGGER supervision_notice_entry_draft_only BEFORE DELETE ON supervision_notice_entry
        FOR EACH ROW EXECUTE FUNCTION supervision_notice_entry_draft_only();
      GRANT DELETE ON supervision_notice_entry TO jm_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      REVOKE DELETE ON supervision_notice_entry FROM jm_app;
      DROP TRIGGER IF EXISTS supervision_notice_entry_draft_only ON supervision_notice_entry;
      DROP FUNCTION IF EXISTS supervision_notice_entry_draft_only();
      -- A discarded draft was never sent nor counted: it goes with the status it needs.
      DELETE FROM supervision_notice_entry e USING supervision_notice n WHERE n.id = e.notice_id AND n.status = 'DISCARDED';
      DELETE FROM supervision_notice WHERE status = 'DISCARDED';
      DROP INDEX IF EXISTS supervision_notice_regular;
      CREATE UNIQUE INDEX supervision_notice_regular ON supervision_notice (tenant_id, period, period_start) WHERE kind = 'REGULAR';
      ALTER TABLE supervision_notice
        DROP CONSTRAINT IF EXISTS supervision_notice_discard_unpublished,
        DROP CONSTRAINT IF EXISTS supervision_notice_discarded,
        DROP COLUMN IF EXISTS discard_reason,
        DROP COLUMN IF EXISTS discarded_by,
        DROP COLUMN IF EXISTS discarded_at,
        DROP COLUMN IF EXISTS recomputed_count,
        DROP COLUMN IF EXISTS recomputed_by,
        DROP COLUMN IF EXISTS recomputed_at,
        DROP CONSTRAINT IF EXISTS supervision_notice_status_check;
      ALTER TABLE supervision_notice ADD CONSTRAINT supervision_notice_status_check CHECK (status IN ('DRAFT', 'PUBLISHED'));
    `);
  }
}
