import type pg from 'pg';

/** A column of a bulk-loaded table and the PostgreSQL type its values are sent as. */
export interface Column {
  name: string;
  type: 'uuid' | 'text' | 'int' | 'bool' | 'date' | 'timestamptz' | 'jsonb' | 'text[]';
}

export type Row = Record<string, unknown>;

const BATCH = 5000;

/** `['a', 'b"c']` as a PostgreSQL array literal: `{"a","b\"c"}`. */
export function pgArray(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/**
 * Loads rows with one multi-row statement per batch: `INSERT … SELECT * FROM unnest($1::uuid[], …)`,
 * one array parameter per column, so a batch of thousands of rows costs one round trip and one plan.
 */
export class BulkLoader {
  private readonly buffers = new Map<string, { columns: Column[]; rows: Row[] }>();
  readonly counts: Record<string, number> = {};

  constructor(private readonly client: pg.Client | pg.PoolClient) {}

  async add(table: string, columns: Column[], row: Row): Promise<void> {
    let buf = this.buffers.get(table);
    if (!buf) {
      buf = { columns, rows: [] };
      this.buffers.set(table, buf);
    }
    buf.rows.push(row);
    if (buf.rows.length >= BATCH) await this.flushTable(table);
  }

  async flush(): Promise<void> {
    for (const table of this.buffers.keys()) await this.flushTable(table);
  }

  async flushTable(table: string): Promise<void> {
    const buf = this.buffers.get(table);
    if (!buf || buf.rows.length === 0) return;
    const { columns, rows } = buf;
    buf.rows = [];
    const params = columns.map((c) => rows.map((r) => encode(r[c.name], c)));
    const unnest = columns.map((c, i) => `$${i + 1}::${sendType(c)}[]`).join(', ');
    const select = columns
      .map((c, i) => (c.type === 'jsonb' || c.type === 'text[]' ? `c${i}::${c.type}` : `c${i}`))
      .join(', ');
    const aliases = columns.map((_, i) => `c${i}`).join(', ');
    await this.client.query(
      `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) SELECT ${select} FROM unnest(${unnest}) AS u(${aliases})`,
      params,
    );
    this.counts[table] = (this.counts[table] ?? 0) + rows.length;
  }
}

function sendType(c: Column): string {
  return c.type === 'jsonb' || c.type === 'text[]' ? 'text' : c.type;
}

function encode(value: unknown, c: Column): unknown {
  if (value === undefined || value === null) return null;
  if (c.type === 'jsonb') return JSON.stringify(value);
  if (c.type === 'text[]') return pgArray(value as string[]);
  if (value instanceof Date) return value.toISOString();
  return value;
}
