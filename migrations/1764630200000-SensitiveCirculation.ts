import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 001 art. 11 (视情向相关部门和各村通报): the units an important sensitive report was circulated to. */
export class SensitiveCirculation1764630200000 implements MigrationInterface {
  name = 'SensitiveCirculation1764630200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sensitive_report ADD COLUMN circulated_unit_ids uuid[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sensitive_report DROP COLUMN circulated_unit_ids`);
  }
}
