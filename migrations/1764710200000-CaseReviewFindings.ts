import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 004 复查制度 三.1, 三.3: a review opinion's finding on each check the plugin lists (事实、定性、证据、适用法律、处理意见、
 * 程序) and the correction opinion (纠正意见). Two columns of `case_review`, covered by the table's RLS and audit.
 */
export class CaseReviewFindings1764710200000 implements MigrationInterface {
  name = 'CaseReviewFindings1764710200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE case_review ADD COLUMN findings jsonb NOT NULL DEFAULT '[]', ADD COLUMN correction text`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_review DROP COLUMN findings, DROP COLUMN correction`);
  }
}
