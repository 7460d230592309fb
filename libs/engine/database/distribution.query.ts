/**
 * Reads the public schema's tables, tenant_id columns, primary keys, foreign keys (with the referenced
 * columns) and the other unique keys (constraints and unique indexes), one row per table.
 */
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
                                                     'references', f.confrelid::regclass::text,
                                                     'referencedColumns', (SELECT array_agg(k.attname::text ORDER BY u.ord) FROM unnest(f.confkey) WITH ORDINALITY AS u(attnum, ord)
                                                                   JOIN pg_attribute k ON k.attrelid = f.confrelid AND k.attnum = u.attnum)) ORDER BY f.conname)
                     FROM pg_constraint f WHERE f.conrelid = c.oid AND f.contype = 'f'), '[]') AS "foreignKeys",
         COALESCE((SELECT json_agg((SELECT array_agg(COALESCE(k.attname::text, '(expression)') ORDER BY u.ord)
                                      FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS u(attnum, ord)
                                      LEFT JOIN pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = u.attnum AND u.attnum > 0)
                                   ORDER BY i.indexrelid::regclass::text)
                     FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique AND NOT i.indisprimary), '[]') AS "uniqueKeys"
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
   WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
   ORDER BY c.relname`;
