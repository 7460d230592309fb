/**
 * Groups rows under the keys asked for, every key present (empty when no row matches): the shape a
 * DataLoader batch for a one-to-many relation returns.
 */
export function groupBy<T>(
  keys: readonly string[],
  rows: readonly T[],
  keyOf: (row: T) => string | null,
): Map<string, T[]> {
  const out = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== null) out.get(key)?.push(row);
  }
  return out;
}
