/** Reads the public schema's tables, tenant_id columns, primary and foreign keys (one row per table). */
export const catalogQuery = `
  SELECT c.relname AS "table",
         a.attnum IS NOT NULL AS "hasTenantId",
         COALESCE(NOT a.attnotnull, false) AS "tenantIdNullable",
         COALESCE((SELECT array_agg(k.attname::text ORDER BY u.ord) FROM pg_constraint p
                     CROSS JOIN LATERAL unnest(p.conkey) WITH ORDINALITY AS u(attnum, ord)
                     JOIN pg_attribute k ON k.attrelid = p.conrelid AND k.attnum = u.attnum
                    WHERE p.conrelid = c.oid AND p.contype = 'p'), '{}'::text[]) AS "primaryKey",
         COALESCE((SELECT json_agg(json_build_object('columns', (SELECT array_agg(k.attname::text ORDER BY u.ord) FROM unnest(f.conkey) WITH ORDINALITY AS u(attnum, ord)
                                                                   JOIN pg_attribute k ON k.attrelid = f.conrelid AND k.attnum = u.attnum),
                                                     'references', f.confrelid::regclass::text) ORDER BY f.conname)
                     FROM pg_constraint f WHERE f.conrelid = c.oid AND f.contype = 'f'), '[]') AS "foreignKeys"
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
   WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
   ORDER BY c.relname`;
