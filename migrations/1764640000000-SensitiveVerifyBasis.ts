import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * D5, sensitive-report part: the basis of the verification deadline as it was when the report was
 * notified (the article that states the figure, or that it is a default), so that the API never cites
 * 000/001 art. 11 for a figure the article does not state.
 */
export class SensitiveVerifyBasis1764640000000 implements MigrationInterface {
  name = 'SensitiveVerifyBasis1764640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sensitive_report ADD COLUMN verify_basis jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sensitive_report DROP COLUMN verify_basis`);
  }
}
