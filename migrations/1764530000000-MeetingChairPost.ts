import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The post of whoever actually chaired a meeting (主持人职务), chosen among the plugin's posts when the
 * meeting is held, so the minutes print it rather than the first post holding the type's chair role.
 * Existing meetings keep null (their minutes print the role, or the only post holding it).
 */
export class MeetingChairPost1764530000000 implements MigrationInterface {
  name = 'MeetingChairPost1764530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meeting ADD COLUMN chair_post text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meeting DROP COLUMN chair_post`);
  }
}
