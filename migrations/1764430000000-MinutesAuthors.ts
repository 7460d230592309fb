import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who drafted and who submitted each minutes, so that neither can approve them (separation of duties),
 * and who approved them is shown. Existing minutes keep null authors (nobody is refused for them).
 */
export class MinutesAuthors1764430000000 implements MigrationInterface {
  name = 'MinutesAuthors1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE minutes ADD COLUMN drafted_by uuid, ADD COLUMN submitted_by uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE minutes DROP COLUMN drafted_by, DROP COLUMN submitted_by`);
  }
}
