import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per database (issue 12 item 8): the deployment's id, from which the default queue prefix is
 * made (two deployments on one Redis never share jobs; the replicas of one, on one database, do), and
 * the check value of PII_KEY (a keyed hash of a constant), so a wrong key stops the API at start
 * instead of turning every later petitioner read into an internal error. Platform data, no tenant rows.
 */
export class Deployment1764510001000 implements MigrationInterface {
  name = 'Deployment1764510001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deployment (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        pii_key_check text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE deployment ENABLE ROW LEVEL SECURITY;
      ALTER TABLE deployment FORCE ROW LEVEL SECURITY;
      CREATE POLICY deployment_platform ON deployment FOR ALL USING ((SELECT app_is_platform())) WITH CHECK ((SELECT app_is_platform()));
      GRANT SELECT, INSERT, UPDATE (pii_key_check) ON deployment TO jm_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deployment`);
  }
}
