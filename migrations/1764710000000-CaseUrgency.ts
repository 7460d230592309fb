import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 002 §三 (办公室…协调处理紧急信访问题): a case marked urgent keeps its urgency record — the reason, who marked
 * it and when, the coordination time limit with the basis of its figure, and the office's coordination
 * (measures, who, when). One nullable jsonb column of `petition_case`, covered by the table's RLS and audit.
 */
export class CaseUrgency1764710000000 implements MigrationInterface {
  name = 'CaseUrgency1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE petition_case ADD COLUMN urgency jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE petition_case DROP COLUMN urgency`);
  }
}
