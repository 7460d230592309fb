import { readFileSync } from 'node:fs';

/** What a V8 heap snapshot holds, by kind of object: how many and their own bytes. */
export type HeapSummary = Map<string, { count: number; bytes: number }>;

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/**
 * Sums a `.heapsnapshot` (Node's `--heapsnapshot-signal` or `v8.writeHeapSnapshot`) by constructor: objects
 * and closures by their name, strings, arrays, code and V8's own structures each as one group. Enough to
 * say what grows between two snapshots of one process; a retainer analysis is the DevTools' job.
 */
export function summariseHeap(file: string): HeapSummary {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const out: HeapSummary = new Map();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]];
    const key =
      type === 'object' || type === 'closure' || type === 'regexp'
        ? `${type} ${snap.strings[snap.nodes[i + nameAt]]}`
        : `(${type})`;
    const entry = out.get(key) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += snap.nodes[i + sizeAt];
    out.set(key, entry);
  }
  return out;
}

export interface HeapGrowth {
  kind: string;
  countBefore: number;
  countAfter: number;
  bytesBefore: number;
  bytesAfter: number;
}

/** The kinds whose own bytes grew most from `before` to `after`, largest first, and the totals. */
export function heapGrowth(
  before: HeapSummary,
  after: HeapSummary,
  top = 15,
): { totalBefore: number; totalAfter: number; largest: HeapGrowth[] } {
  const total = (s: HeapSummary): number => [...s.values()].reduce((n, e) => n + e.bytes, 0);
  const kinds = new Set([...before.keys(), ...after.keys()]);
  const rows = [...kinds].map((kind) => ({
    kind,
    countBefore: before.get(kind)?.count ?? 0,
    countAfter: after.get(kind)?.count ?? 0,
    bytesBefore: before.get(kind)?.bytes ?? 0,
    bytesAfter: after.get(kind)?.bytes ?? 0,
  }));
  rows.sort((a, b) => b.bytesAfter - b.bytesBefore - (a.bytesAfter - a.bytesBefore));
  return { totalBefore: total(before), totalAfter: total(after), largest: rows.slice(0, top) };
}
