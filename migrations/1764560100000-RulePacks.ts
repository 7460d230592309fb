import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule packs at runtime (issue 17).
 * - `plugin_version`: published jurisdiction plugins, tenant-neutral (a reference table), one immutable
 *   row per id@version: the source text as published, its hash, the effective configuration and the
 *   hook pins. `tenant_id` is the owner: NULL for the platform's (shared with every tenant), else the
 *   county that published it — visible to that county, its descendants and its ancestors only (RLS).
 *   Rows are never updated or deleted (no grant, and a trigger refuses it for everyone). A county's
 *   publication enters its hash-chained audit trail; every row records who published it and when.
 * - `tenant_rules_change`: a tenant's rules changes (备案): upgrades to another version and rollbacks,
 *   each with the snapshot before and after (so the previous one is kept), the diff, the reason, and
 *   the superior's decision where the rules require one.
 */
export class RulePacks1764560100000 implements MigrationInterface {
  name = 'RulePacks1764560100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_ancestor_tenants() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT ARRAY(SELECT a.id FROM tenant_tree me JOIN tenant_tree a ON me.path LIKE a.path || '%' WHERE me.id = app_tenant_id())
      $$;

      CREATE TABLE plugin_version (
        plugin_id text NOT NULL,
        version text NOT NULL,
        tenant_id uuid REFERENCES tenant (id),
        format text NOT NULL CHECK (format IN ('YAML', 'JSON')),
        source_text text NOT NULL,
        content_hash text NOT NULL,
        name text NOT NULL,
        level text NOT NULL,
        extends text[] NOT NULL,
        bases text[] NOT NULL,
        lineage text[] NOT NULL,
        onboardable boolean NOT NULL,
        sdk_version text NOT NULL,
        effective jsonb NOT NULL,
        hook_pins jsonb NOT NULL DEFAULT '{}',
        published_by uuid NOT NULL REFERENCES app_user (id),
        published_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plugin_id, version)
      );
      CREATE INDEX plugin_version_owner_idx ON plugin_version (tenant_id, plugin_id);
      ALTER TABLE plugin_version ENABLE ROW LEVEL SECURITY;
      ALTER TABLE plugin_version FORCE ROW LEVEL SECURITY;
      CREATE POLICY plugin_version_read ON plugin_version FOR SELECT
        USING (tenant_id IS NULL OR (SELECT app_is_platform()) OR tenant_id = ANY ((SELECT app_read_tenants())::uuid[])
               OR tenant_id = ANY ((SELECT app_ancestor_tenants())::uuid[]));
      CREATE POLICY plugin_version_insert ON plugin_version FOR INSERT
        WITH CHECK ((SELECT app_is_platform()) OR tenant_id = ANY ((SELECT app_write_tenants())::uuid[]));
      CREATE FUNCTION plugin_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a published plugin version is immutable' USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER plugin_version_immutable BEFORE UPDATE OR DELETE ON plugin_version FOR EACH ROW EXECUTE FUNCTION plugin_version_immutable();
      SELECT audit_attach('plugin_version'::regclass);
      GRANT SELECT, INSERT ON plugin_version TO jm_app;

      -- Who owns a plugin id (NULL: the platform or nobody), readable without seeing the rows, so a county
      -- is told an id is not its to publish without learning anything else about another county's plugin.
      CREATE FUNCTION plugin_id_owner(id text) RETURNS TABLE (taken boolean, owner uuid) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT count(*) > 0, (array_agg(DISTINCT tenant_id))[1] FROM plugin_version WHERE plugin_id = id
      $$;
      GRANT EXECUTE ON FUNCTION plugin_id_owner(text) TO jm_app;

      CREATE TABLE tenant_rules_change (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('UPGRADE', 'ROLLBACK')),
        status text NOT NULL CHECK (status IN ('AWAITING_APPROVAL', 'APPLIED', 'REJECTED', 'ROLLED_BACK')),
        plugin_id text NOT NULL,
        from_version text NOT NULL,
        to_version text NOT NULL,
        from_snapshot jsonb NOT NULL,
        from_sdk_version text NOT NULL,
        from_hooks jsonb,
        to_snapshot jsonb NOT NULL,
        to_sdk_version text NOT NULL,
        to_hooks jsonb,
        diff jsonb NOT NULL,
        reason text NOT NULL,
        approval_required boolean NOT NULL,
        requested_by uuid NOT NULL REFERENCES app_user (id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES app_user (id),
        decided_at timestamptz,
        decision_note text,
        applied_at timestamptz,
        reverts uuid,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, reverts) REFERENCES tenant_rules_change (tenant_id, id)
      );
      CREATE INDEX tenant_rules_change_status_idx ON tenant_rules_change (tenant_id, status, requested_at DESC);
      ALTER TABLE tenant_rules_change ENABLE ROW LEVEL SECURITY;
      ALTER TABLE tenant_rules_change FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_rules_change_read ON tenant_rules_change FOR SELECT
        USING (tenant_id = ANY ((SELECT app_read_tenants())::uuid[]) OR (SELECT app_is_platform()));
      CREATE POLICY tenant_rules_change_write ON tenant_rules_change FOR ALL
        USING (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]) OR (SELECT app_is_platform()))
        WITH CHECK (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]) OR (SELECT app_is_platform()));
      SELECT audit_attach('tenant_rules_change'::regclass);
      GRANT SELECT, INSERT, UPDATE ON tenant_rules_change TO jm_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE tenant_rules_change;
      DROP TABLE plugin_version;
      DROP FUNCTION plugin_id_owner(text);
      DROP FUNCTION plugin_version_immutable();
      DROP FUNCTION app_ancestor_tenants();
    `);
  }
}
