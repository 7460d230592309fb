import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: every insert, update and delete on a tenant-owned table writes an entry in the
 * same transaction (a trigger, so no write path can forget it). Entries are append-only — the app
 * role may not update or delete them, and a trigger refuses it for everyone else — and hash-chained
 * per tenant: each entry's hash covers the previous one, so a changed or removed entry breaks the
 * chain at that point. `audit_attach(table)` attaches the trigger; later migrations call it for new
 * tenant-owned tables.
 */
export class AuditTrail1763970000000 implements MigrationInterface {
  name = 'AuditTrail1763970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_entry (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        seq bigint NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor uuid,
        table_name text NOT NULL,
        operation text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
        row_data jsonb NOT NULL,
        changed jsonb,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (tenant_id, seq)
      );
      ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY;
      ALTER TABLE audit_entry FORCE ROW LEVEL SECURITY;
      CREATE POLICY audit_entry_read ON audit_entry FOR SELECT USING (tenant_id = ANY ((SELECT app_read_tenants())::uuid[]) OR (SELECT app_is_platform()));
      GRANT SELECT ON audit_entry TO jm_app;

      -- What an entry's hash covers, in one place for writing and verifying.
      CREATE FUNCTION audit_hash(prev text, e audit_entry) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(concat_ws('|', prev, e.tenant_id::text, e.seq::text, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
          coalesce(e.actor::text, ''), e.table_name, e.operation, e.row_data::text, coalesce(e.changed::text, '')), 'UTF8')), 'hex')
      $$;

      CREATE FUNCTION audit_record() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        tenant uuid;
        data jsonb;
        diff jsonb;
        last audit_entry;
        entry audit_entry;
      BEGIN
        data := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
        tenant := CASE WHEN TG_TABLE_NAME = 'tenant' THEN (data ->> 'id')::uuid ELSE (data ->> 'tenant_id')::uuid END;
        IF tenant IS NULL THEN RETURN NULL; END IF;  -- platform users have no tenant chain
        IF TG_OP = 'UPDATE' THEN
          SELECT jsonb_object_agg(n.key, n.value) INTO diff FROM jsonb_each(to_jsonb(NEW)) n
            WHERE n.value IS DISTINCT FROM (to_jsonb(OLD) -> n.key);
          IF diff IS NULL THEN RETURN NULL; END IF;
        END IF;
        -- Passwords never enter the trail.
        IF TG_TABLE_NAME = 'user_credential' THEN data := data - 'password_hash'; diff := diff - 'password_hash'; END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || tenant::text, 0));
        SELECT * INTO last FROM audit_entry WHERE tenant_id = tenant ORDER BY seq DESC LIMIT 1;
        entry.tenant_id := tenant;
        entry.seq := coalesce(last.seq, 0) + 1;
        entry.at := clock_timestamp();
        entry.actor := nullif(current_setting('app.user_id', true), '')::uuid;
        entry.table_name := TG_TABLE_NAME;
        entry.operation := TG_OP;
        entry.row_data := data;
        entry.changed := diff;
        entry.prev_hash := coalesce(last.hash, 'genesis');
        entry.hash := audit_hash(entry.prev_hash, entry);
        INSERT INTO audit_entry VALUES (entry.*);
        RETURN NULL;
      END $$;

      CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_append_only();

      CREATE FUNCTION audit_attach(target regclass) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        EXECUTE format('CREATE TRIGGER audit_record AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION audit_record()', target);
      END $$;

      -- The first broken link of a tenant's chain, or nothing when intact.
      CREATE FUNCTION audit_verify(tenant uuid) RETURNS TABLE (seq bigint, expected text, found text) LANGUAGE sql STABLE AS $$
        WITH chain AS (
          SELECT e.*, lag(e.hash, 1, 'genesis') OVER (ORDER BY e.seq) AS prior, lag(e.seq, 1, 0::bigint) OVER (ORDER BY e.seq) AS prior_seq
          FROM audit_entry e WHERE e.tenant_id = tenant
        )
        SELECT c.seq,
               CASE WHEN c.seq <> c.prior_seq + 1 THEN 'entry ' || (c.prior_seq + 1) ELSE audit_hash(c.prior, (c.tenant_id, c.seq, c.at, c.actor, c.table_name, c.operation, c.row_data, c.changed, c.prev_hash, c.hash)::audit_entry) END,
               CASE WHEN c.seq <> c.prior_seq + 1 THEN 'entry ' || c.seq ELSE c.hash END
        FROM chain c
        WHERE c.seq <> c.prior_seq + 1 OR c.prev_hash <> c.prior
           OR c.hash <> audit_hash(c.prior, (c.tenant_id, c.seq, c.at, c.actor, c.table_name, c.operation, c.row_data, c.changed, c.prev_hash, c.hash)::audit_entry)
        ORDER BY c.seq LIMIT 1
      $$;
    `);
    const tables: { table_name: string }[] = await q.query(`
      SELECT c.relname AS table_name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT IN ('audit_entry', 'migrations')
        AND (c.relname = 'tenant' OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped))
      ORDER BY 1`);
    for (const { table_name } of tables) await q.query(`SELECT audit_attach($1::regclass)`, [table_name]);
  }

  async down(q: QueryRunner): Promise<void> {
    const tables: { table_name: string }[] = await q.query(
      `SELECT DISTINCT event_object_table AS table_name FROM information_schema.triggers WHERE trigger_name = 'audit_record'`,
    );
    for (const { table_name } of tables) await q.query(`DROP TRIGGER audit_record ON ${table_name}`);
    await q.query(`
      DROP TABLE audit_entry;
      DROP FUNCTION audit_verify(uuid), audit_attach(regclass), audit_append_only(), audit_record(), audit_hash(text, audit_entry);
    `);
  }
}
