import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduled ticks claimed in the database: without Redis every API process keeps its own in-process
 * timer, and only the process whose INSERT of the tick's id wins runs that tick (the hourly sweeps run
 * once per period however many replicas share the database). Platform data, no tenant rows.
 */
export class JobTicks1764460000000 implements MigrationInterface {
  name = 'JobTicks1764460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_tick (
        id text PRIMARY KEY,
        claimed_at timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE job_tick ENABLE ROW LEVEL SECURITY;
      ALTER TABLE job_tick FORCE ROW LEVEL SECURITY;
      CREATE POLICY job_tick_platform ON job_tick FOR ALL USING ((SELECT app_is_platform())) WITH CHECK ((SELECT app_is_platform()));
      GRANT SELECT, INSERT, DELETE ON job_tick TO jm_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_tick`);
  }
}
