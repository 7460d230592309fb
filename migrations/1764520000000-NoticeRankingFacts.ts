import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rankings that express performance (issue 13, 003 §三 "排名后3位"): each notice entry records the
 * ranking list it was ranked in (乡镇 and 部门 separately), how many units share its place (并列), its
 * adverse facts and the facts behind its score; each notice records, per list, whether a bottom band was
 * marked or why it was withheld (no adverse facts, too little data).
 */
export class NoticeRankingFacts1764520000000 implements MigrationInterface {
  name = 'NoticeRankingFacts1764520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE supervision_notice_entry
        ADD COLUMN list_code text,
        ADD COLUMN tied_with integer,
        ADD COLUMN adverse_facts integer NOT NULL DEFAULT 0,
        ADD COLUMN score_facts jsonb NOT NULL DEFAULT '[]';
      ALTER TABLE supervision_notice ADD COLUMN ranking jsonb NOT NULL DEFAULT '[]';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE supervision_notice DROP COLUMN IF EXISTS ranking;
      ALTER TABLE supervision_notice_entry DROP COLUMN IF EXISTS list_code, DROP COLUMN IF EXISTS tied_with,
        DROP COLUMN IF EXISTS adverse_facts, DROP COLUMN IF EXISTS score_facts;
    `);
  }
}
