import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The office's circulars beside its briefings (000 art. 6 收集、综合、通报有关工作情况; 001 art. 9; 002 §三;
 * 002 §六(二) 定期通报进展情况): a `briefing` row now has a kind — BRIEFING (简报), CIRCULAR (工作情况通报, drawn
 * from the member units' work reports it lists in `drawn_from`) or AGREED_ITEMS_PROGRESS (议定事项进展通报) — and
 * the series name its number carries; each kind is numbered on its own (the unique number includes the kind).
 * Columns of `briefing`, covered by the table's RLS and audit.
 */
export class OfficeCirculars1764700000000 implements MigrationInterface {
  name = 'OfficeCirculars1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE briefing ADD COLUMN kind text NOT NULL DEFAULT 'BRIEFING'
        CHECK (kind IN ('BRIEFING', 'CIRCULAR', 'AGREED_ITEMS_PROGRESS'));
      ALTER TABLE briefing ADD COLUMN series text NOT NULL DEFAULT '简报';
      ALTER TABLE briefing ADD COLUMN drawn_from uuid[] NOT NULL DEFAULT '{}';
      ALTER TABLE briefing DROP CONSTRAINT briefing_number_unique;
      ALTER TABLE briefing ADD CONSTRAINT briefing_number_unique UNIQUE (tenant_id, kind, year, seq);
      ALTER TABLE document_counter DROP CONSTRAINT document_counter_kind_check;
      ALTER TABLE document_counter ADD CONSTRAINT document_counter_kind_check
        CHECK (kind IN ('BRIEFING', 'CIRCULAR', 'AGREED_ITEMS_PROGRESS'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM briefing_recipient r USING briefing b
       WHERE b.tenant_id = r.tenant_id AND b.id = r.briefing_id AND b.kind <> 'BRIEFING';
      DELETE FROM briefing WHERE kind <> 'BRIEFING';
      DELETE FROM document_counter WHERE kind <> 'BRIEFING';
      ALTER TABLE document_counter DROP CONSTRAINT document_counter_kind_check;
      ALTER TABLE document_counter ADD CONSTRAINT document_counter_kind_check CHECK (kind IN ('BRIEFING'));
      ALTER TABLE briefing DROP CONSTRAINT briefing_number_unique;
      ALTER TABLE briefing ADD CONSTRAINT briefing_number_unique UNIQUE (tenant_id, year, seq);
      ALTER TABLE briefing DROP COLUMN drawn_from;
      ALTER TABLE briefing DROP COLUMN series;
      ALTER TABLE briefing DROP COLUMN kind;
    `);
  }
}
