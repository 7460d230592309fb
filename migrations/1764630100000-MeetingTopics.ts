import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Topics proposed for a meeting (议题; issue 14 item 3): 000 art. 15 会议议题由成员单位或办公室提出, 000 art. 5
 * 重大敏感信访问题提请镇联席会研究, 000 art. 12 / 001 art. 12 特别重大的（情况复杂的）提交联席会议研究处理. A member unit
 * (where the meeting type's `topicsProposedBy` lets it) proposes a topic for a type of meeting; the office
 * accepts it onto a scheduled meeting of that type or declines it with a reason. Standard tenant RLS.
 */
export class MeetingTopics1764630100000 implements MigrationInterface {
  name = 'MeetingTopics1764630100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting_topic (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL,
        type_code text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        proposing_unit_id uuid,
        proposed_by uuid NOT NULL,
        proposed_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('PROPOSED', 'ACCEPTED', 'DECLINED')),
        meeting_id uuid,
        decided_by uuid,
        decided_at timestamptz,
        decline_reason text,
        PRIMARY KEY (tenant_id, id),
        CHECK (status <> 'ACCEPTED' OR meeting_id IS NOT NULL),
        CHECK (status <> 'DECLINED' OR decline_reason IS NOT NULL)
      );
      CREATE INDEX meeting_topic_idx ON meeting_topic (tenant_id, proposed_at DESC, id DESC);
      ALTER TABLE meeting_topic ENABLE ROW LEVEL SECURITY;
      ALTER TABLE meeting_topic FORCE ROW LEVEL SECURITY;
      CREATE POLICY meeting_topic_read ON meeting_topic FOR SELECT USING (tenant_id = ANY ((SELECT app_read_tenants())::uuid[]));
      CREATE POLICY meeting_topic_write ON meeting_topic FOR ALL
        USING (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]))
        WITH CHECK (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]));
      GRANT SELECT, INSERT, UPDATE ON meeting_topic TO jm_app;
      SELECT audit_attach('meeting_topic'::regclass);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS meeting_topic`);
  }
}
