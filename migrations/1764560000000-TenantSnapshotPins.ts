import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tenant's plugin snapshot records the plugin-SDK version that wrote it (the snapshot is parsed on
 * read with that version's reader, never cast) and pins the code hooks by plugin id and version, like
 * its data: a later plugin upgrade on disk no longer silently changes a tenant's scoring hook.
 * Existing tenants (and the default): snapshots written by SDK 1.0.0; hooks NULL = those of
 * plugin_id@plugin_version.
 */
export class TenantSnapshotPins1764560000000 implements MigrationInterface {
  name = 'TenantSnapshotPins1764560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tenant ADD COLUMN plugin_sdk_version text NOT NULL DEFAULT '1.0.0';
      ALTER TABLE tenant ADD COLUMN plugin_hooks jsonb;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenant DROP COLUMN plugin_hooks, DROP COLUMN plugin_sdk_version`);
  }
}
