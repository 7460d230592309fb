import type { TestApp } from './test-app';

type Items = { items: { id: string }[]; nextCursor: string | null };

/**
 * The one page shape (docs/api-conventions.md) checked in the suite that makes its list's data, for lists
 * whose data `test/e2e/pages.e2e-spec.ts` does not make: limit 0 and 201 and a forged cursor are refused
 * naming the argument; walked one item at a time the page gives the items of one page of 200, in the
 * same order, none twice; and the deprecated list (`old`: its field with arguments) answers the same set.
 * Returns what was refused and what was walked, for the caller to assert.
 */
export async function walkPage(
  t: TestApp,
  p: { page: string; args: string; old: string; token: string },
): Promise<{
  refused: { limit: number; code: unknown; field: unknown }[];
  walked: string[];
  all: Items;
  old: string[];
}> {
  const read = (limit: number, after: string | null) =>
    t.gql<{ p: Items }>(
      `query($limit: Int!, $after: String) { p: ${p.page}(${p.args}, limit: $limit, after: $after) { items { id } nextCursor } }`,
      { limit, after },
      p.token,
    );
  const refused = [];
  for (const [limit, after] of [
    [0, null],
    [201, null],
    [5, 'bm90LWEtY3Vyc29y'],
  ] as const) {
    const e = (await read(limit, after)).errors?.[0]?.extensions;
    refused.push({ limit, code: e?.code, field: e?.field });
  }
  const all = (await read(200, null)).data!.p;
  const walked: string[] = [];
  let after: string | null = null;
  do {
    const page: Items = (await read(1, after)).data!.p;
    walked.push(...page.items.map((i) => i.id));
    after = page.nextCursor;
  } while (after && walked.length <= all.items.length);
  const old = (await t.gql<{ l: { id: string }[] }>(`{ l: ${p.old} { id } }`, {}, p.token)).data!.l.map((i) => i.id);
  return { refused, walked, all, old };
}

/** What `walkPage` finds on a page that keeps the convention. */
export function keepsThePageShape(found: Awaited<ReturnType<typeof walkPage>>, atLeast: number): void {
  expect(found.refused).toEqual([
    { limit: 0, code: 'BAD_USER_INPUT', field: 'limit' },
    { limit: 201, code: 'BAD_USER_INPUT', field: 'limit' },
    { limit: 5, code: 'BAD_USER_INPUT', field: 'after' },
  ]);
  expect(found.all.items.length).toBeGreaterThanOrEqual(atLeast);
  expect(found.all.nextCursor).toBeNull();
  expect(found.walked).toEqual(found.all.items.map((i) => i.id));
  expect([...found.old].sort()).toEqual([...found.walked].sort());
}
