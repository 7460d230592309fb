import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenants, the tenant tree, identity, member units, filings and notifications, with row-level
 * security. Every tenant-owned table: `tenant_id` leading its indexes, RLS ENABLED and FORCED, read
 * through `app_read_tenants()` and written through `app_write_tenants()`, both compared as a scalar
 * subquery so PostgreSQL evaluates them once per statement (an InitPlan), not once per row.
 */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jm_app') THEN
          CREATE ROLE jm_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      END $$;
    `);
    // The connecting role must be a member of jm_app to SET ROLE to it (a superuser always may).
    await q.query(`
      DO $$ BEGIN
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
          EXECUTE format('GRANT jm_app TO %I', current_user);
        END IF;
      END $$;
    `);
    await q.query(`GRANT USAGE ON SCHEMA public TO jm_app`);

    // Scope helpers. STABLE: constant within a statement; read by the policies.
    await q.query(`
      CREATE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
      CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
      CREATE FUNCTION app_is_platform() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT coalesce(current_setting('app.platform', true), '') = 'on' $$;
      CREATE FUNCTION app_extra_tenants() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT coalesce(nullif(current_setting('app.extra_tenants', true), '')::uuid[], '{}'::uuid[]) $$;
    `);

    await q.query(`
      CREATE TABLE tenant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY', 'TOWN', 'STREET')),
        parent_id uuid REFERENCES tenant (id),
        path text NOT NULL,
        plugin_id text NOT NULL,
        plugin_version text NOT NULL,
        plugin_config jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tenant_code_unique UNIQUE (code)
      );
      CREATE INDEX tenant_parent_idx ON tenant (parent_id);

      -- The tree alone (ids and paths, nothing else), readable by the app role so scope functions can
      -- walk it without seeing tenant rows. Maintained by the trigger below, never written by the app.
      CREATE TABLE tenant_tree (
        id uuid PRIMARY KEY,
        parent_id uuid,
        path text NOT NULL
      );
      CREATE INDEX tenant_tree_path_idx ON tenant_tree (path text_pattern_ops);

      CREATE FUNCTION tenant_place_in_tree() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE parent_path text;
      BEGIN
        IF NEW.parent_id IS NULL THEN
          NEW.path := '/' || NEW.id || '/';
        ELSE
          SELECT path INTO parent_path FROM tenant_tree WHERE id = NEW.parent_id;
          IF parent_path IS NULL THEN
            RAISE EXCEPTION 'parent tenant % does not exist', NEW.parent_id USING ERRCODE = 'foreign_key_violation';
          END IF;
          NEW.path := parent_path || NEW.id || '/';
        END IF;
        INSERT INTO tenant_tree (id, parent_id, path) VALUES (NEW.id, NEW.parent_id, NEW.path);
        RETURN NEW;
      END $$;
      CREATE TRIGGER tenant_place_in_tree BEFORE INSERT ON tenant FOR EACH ROW EXECUTE FUNCTION tenant_place_in_tree();

      CREATE FUNCTION tenant_tree_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.parent_id IS DISTINCT FROM OLD.parent_id OR NEW.path IS DISTINCT FROM OLD.path OR NEW.id <> OLD.id THEN
          RAISE EXCEPTION 'a tenant cannot move in the tree' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER tenant_tree_frozen BEFORE UPDATE ON tenant FOR EACH ROW EXECUTE FUNCTION tenant_tree_frozen();

      CREATE FUNCTION app_read_tenants() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN coalesce(current_setting('app.tree', true), '') = 'on'
          THEN ARRAY(SELECT t.id FROM tenant_tree t
                     WHERE t.path LIKE (SELECT p.path FROM tenant_tree p WHERE p.id = app_tenant_id()) || '%')
          ELSE ARRAY[app_tenant_id()] END || app_extra_tenants()
      $$;
      CREATE FUNCTION app_write_tenants() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT ARRAY[app_tenant_id()] || app_extra_tenants() $$;
    `);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid REFERENCES tenant (id),
        username text NOT NULL,
        display_name text NOT NULL,
        roles text[] NOT NULL,
        member_unit_id uuid,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX app_user_tenant_username_idx ON app_user (tenant_id, lower(username)) WHERE tenant_id IS NOT NULL;
      CREATE UNIQUE INDEX app_user_platform_username_idx ON app_user (lower(username)) WHERE tenant_id IS NULL;

      -- Password hashes apart from users: readable only in platform scope (login), never by a tenant.
      CREATE TABLE user_credential (
        user_id uuid PRIMARY KEY REFERENCES app_user (id),
        tenant_id uuid REFERENCES tenant (id),
        password_hash text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE member_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('DEPARTMENT', 'VILLAGE', 'COMMUNITY', 'TOWNSHIP')),
        aliases text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        child_tenant_id uuid REFERENCES tenant (id),
        source text,
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        deactivated_at timestamptz
      );
      CREATE UNIQUE INDEX member_unit_active_name_idx ON member_unit (tenant_id, name) WHERE active;
      CREATE INDEX member_unit_tenant_idx ON member_unit (tenant_id, active, position);
      ALTER TABLE app_user ADD CONSTRAINT app_user_member_unit_fk FOREIGN KEY (member_unit_id) REFERENCES member_unit (id);

      CREATE TABLE membership_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        member_unit_id uuid NOT NULL REFERENCES member_unit (id),
        kind text NOT NULL CHECK (kind IN ('ADDED', 'RENAMED', 'DEACTIVATED')),
        reason text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        filed_at timestamptz NOT NULL DEFAULT now(),
        filed_by uuid NOT NULL REFERENCES app_user (id)
      );
      CREATE INDEX membership_change_tenant_idx ON membership_change (tenant_id, filed_at DESC);

      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        user_id uuid NOT NULL REFERENCES app_user (id),
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        dedupe_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT notification_dedupe UNIQUE (tenant_id, user_id, dedupe_key)
      );
      CREATE INDEX notification_user_idx ON notification (tenant_id, user_id, created_at DESC);
    `);

    // Row-level security. Structure tables also open to platform scope (administration), which
    // petition-data tables added later will not.
    await q.query(`
      ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
      ALTER TABLE tenant FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_read ON tenant FOR SELECT
        USING (id = ANY ((SELECT app_read_tenants())::uuid[]) OR (SELECT app_is_platform()));
      CREATE POLICY tenant_insert ON tenant FOR INSERT
        WITH CHECK (parent_id = ANY ((SELECT app_write_tenants())::uuid[]) OR (SELECT app_is_platform()));
      CREATE POLICY tenant_update ON tenant FOR UPDATE
        USING (id = ANY ((SELECT app_write_tenants())::uuid[]) OR (SELECT app_is_platform()));
    `);
    for (const table of ['member_unit', 'membership_change', 'notification']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_read ON ${table} FOR SELECT
          USING (tenant_id = ANY ((SELECT app_read_tenants())::uuid[]) OR (SELECT app_is_platform()));
        CREATE POLICY ${table}_write ON ${table} FOR ALL
          USING (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]) OR (SELECT app_is_platform()))
          WITH CHECK (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]) OR (SELECT app_is_platform()));
      `);
    }
    await q.query(`
      ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
      ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
      CREATE POLICY app_user_read ON app_user FOR SELECT
        USING (tenant_id = ANY ((SELECT app_read_tenants())::uuid[]) OR (SELECT app_is_platform()) OR id = (SELECT app_user_id()) OR tenant_id IS NULL);
      CREATE POLICY app_user_write ON app_user FOR ALL
        USING (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]) OR (SELECT app_is_platform()))
        WITH CHECK (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]) OR (SELECT app_is_platform()));

      ALTER TABLE user_credential ENABLE ROW LEVEL SECURITY;
      ALTER TABLE user_credential FORCE ROW LEVEL SECURITY;
      CREATE POLICY user_credential_read ON user_credential FOR SELECT USING ((SELECT app_is_platform()));
      CREATE POLICY user_credential_write ON user_credential FOR ALL
        USING (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]) OR (SELECT app_is_platform()))
        WITH CHECK (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]) OR (SELECT app_is_platform()));
    `);
    await q.query(`
      GRANT SELECT, INSERT, UPDATE ON tenant, app_user, user_credential, member_unit, membership_change, notification TO jm_app;
      GRANT SELECT ON tenant_tree TO jm_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS notification, membership_change, user_credential;
      ALTER TABLE app_user DROP CONSTRAINT IF EXISTS app_user_member_unit_fk;
      DROP TABLE IF EXISTS member_unit, app_user;
      DROP TABLE IF EXISTS tenant, tenant_tree;
      DROP FUNCTION IF EXISTS app_read_tenants(), app_write_tenants(), tenant_place_in_tree(), tenant_tree_frozen(),
        app_tenant_id(), app_user_id(), app_is_platform(), app_extra_tenants();
      REVOKE USAGE ON SCHEMA public FROM jm_app;
    `);
    // The role jm_app is cluster-wide and may serve other databases: it is left in place.
  }
}
