import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail written per statement instead of per row (issue 18 item 3). The row-level trigger of
 * `…-AuditTrail.ts` paid, for every row a bulk sweep wrote, a trigger call, the tenant's chain lock and an
 * index probe for the chain's last entry before its own insert. Now three statement-level triggers per
 * table (INSERT, UPDATE, DELETE: a trigger with transition tables has one event) read the statement's
 * rows from its transition tables (`REFERENCING NEW TABLE / OLD TABLE`), lock each tenant's chain once,
 * read its last entry once, and append the entries in multi-row inserts. The entries are the same as
 * before, row for row: the whole row (or the changed columns of an update, nothing for an update that
 * changed nothing), no password hashes, the actor, `at` taken per row, chained per tenant in the order
 * the statement wrote the rows. Tenants' chains are locked in id order (a statement touching several
 * tenants cannot deadlock with another). The INSERT trigger keeps the name `audit_record`.
 */
export class AuditStatementTriggers1764760000000 implements MigrationInterface {
  name = 'AuditStatementTriggers1764760000000';

  async up(q: QueryRunner): Promise<void> {
    const tables = await audited(q, 'audit_record');
    await q.query(`
      CREATE FUNCTION audit_record_statement() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        actor uuid := nullif(current_setting('app.user_id', true), '')::uuid;
        r record;
        cur uuid;
        last_seq bigint;
        last_hash text;
        entry audit_entry;
        batch audit_entry[] := '{}';
        tenant_key text := CASE WHEN TG_TABLE_NAME = 'tenant' THEN 'id' ELSE 'tenant_id' END;
      BEGIN
        -- The statement's rows in the order it wrote them (a transition table is read in that order; an
        -- update's old and new rows are appended pairwise), grouped by tenant for the chain.
        FOR r IN EXECUTE CASE TG_OP
          WHEN 'INSERT' THEN
            'SELECT (d ->> $1)::uuid AS tenant, d AS data, NULL::jsonb AS diff FROM (SELECT row_number() OVER () AS ord, to_jsonb(n) AS d FROM audit_new n) s WHERE d ->> $1 IS NOT NULL ORDER BY 1, ord'
          WHEN 'DELETE' THEN
            'SELECT (d ->> $1)::uuid AS tenant, d AS data, NULL::jsonb AS diff FROM (SELECT row_number() OVER () AS ord, to_jsonb(o) AS d FROM audit_old o) s WHERE d ->> $1 IS NOT NULL ORDER BY 1, ord'
          ELSE
            'SELECT (n.d ->> $1)::uuid AS tenant, n.d AS data, x.diff FROM (SELECT row_number() OVER () AS ord, to_jsonb(o) AS d FROM audit_old o) o
               JOIN (SELECT row_number() OVER () AS ord, to_jsonb(n) AS d FROM audit_new n) n USING (ord)
               CROSS JOIN LATERAL (SELECT jsonb_object_agg(e.key, e.value) AS diff FROM jsonb_each(n.d) e WHERE e.value IS DISTINCT FROM (o.d -> e.key)) x
              WHERE n.d ->> $1 IS NOT NULL AND x.diff IS NOT NULL ORDER BY 1, o.ord'
          END USING tenant_key
        LOOP
          IF cur IS DISTINCT FROM r.tenant THEN
            cur := r.tenant;
            PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || cur::text, 0));
            last_seq := NULL;
            last_hash := NULL;
            SELECT e.seq, e.hash INTO last_seq, last_hash FROM audit_entry e WHERE e.tenant_id = cur ORDER BY e.seq DESC LIMIT 1;
            last_seq := coalesce(last_seq, 0);
            last_hash := coalesce(last_hash, 'genesis');
          END IF;
          entry.tenant_id := cur;
          entry.seq := last_seq + 1;
          entry.at := clock_timestamp();
          entry.actor := actor;
          entry.table_name := TG_TABLE_NAME;
          entry.operation := TG_OP;
          -- Passwords never enter the trail.
          entry.row_data := CASE WHEN TG_TABLE_NAME = 'user_credential' THEN r.data - 'password_hash' ELSE r.data END;
          entry.changed := CASE WHEN TG_TABLE_NAME = 'user_credential' THEN r.diff - 'password_hash' ELSE r.diff END;
          entry.prev_hash := last_hash;
          entry.hash := audit_hash(entry.prev_hash, entry);
          last_seq := entry.seq;
          last_hash := entry.hash;
          batch := batch || entry;
          IF cardinality(batch) >= 500 THEN
            INSERT INTO audit_entry SELECT * FROM unnest(batch);
            batch := '{}';
          END IF;
        END LOOP;
        IF cardinality(batch) > 0 THEN INSERT INTO audit_entry SELECT * FROM unnest(batch); END IF;
        RETURN NULL;
      END $$;

      CREATE OR REPLACE FUNCTION audit_attach(target regclass) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        EXECUTE format('CREATE TRIGGER audit_record AFTER INSERT ON %s REFERENCING NEW TABLE AS audit_new FOR EACH STATEMENT EXECUTE FUNCTION audit_record_statement()', target);
        EXECUTE format('CREATE TRIGGER audit_record_update AFTER UPDATE ON %s REFERENCING OLD TABLE AS audit_old NEW TABLE AS audit_new FOR EACH STATEMENT EXECUTE FUNCTION audit_record_statement()', target);
        EXECUTE format('CREATE TRIGGER audit_record_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS audit_old FOR EACH STATEMENT EXECUTE FUNCTION audit_record_statement()', target);
      END $$;
    `);
    for (const table of tables) {
      await q.query(`DROP TRIGGER audit_record ON ${table}`);
      await q.query(`SELECT audit_attach($1::regclass)`, [table]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const tables = await audited(q, 'audit_record');
    for (const table of tables) {
      await q.query(`DROP TRIGGER audit_record ON ${table}`);
      await q.query(`DROP TRIGGER IF EXISTS audit_record_update ON ${table}`);
      await q.query(`DROP TRIGGER IF EXISTS audit_record_delete ON ${table}`);
    }
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_attach(target regclass) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        EXECUTE format('CREATE TRIGGER audit_record AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION audit_record()', target);
      END $$;
      DROP FUNCTION audit_record_statement();
    `);
    for (const table of tables) await q.query(`SELECT audit_attach($1::regclass)`, [table]);
  }
}

/** The tables carrying the audit trigger of that name, schema-qualified and quoted. */
async function audited(q: QueryRunner, trigger: string): Promise<string[]> {
  const rows: { name: string }[] = await q.query(
    `SELECT DISTINCT format('%I.%I', event_object_schema, event_object_table) AS name FROM information_schema.triggers WHERE trigger_name = $1 ORDER BY 1`,
    [trigger],
  );
  return rows.map((r) => r.name);
}
