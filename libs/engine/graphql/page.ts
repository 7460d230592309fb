import type { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType, type ArgsOptions } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { PLATFORM_ERRORS } from '@engine/errors';
import { PAGE_ITEMS_COMPLEXITY } from './list-cost';

/**
 * The one page shape of docs/api-conventions.md ("Lists: one page shape"), written once: a page type,
 * the `after` and `limit` arguments, the limit check and the keyset query. A list becomes a page with
 * `@ObjectType('XPage') class XPage extends PageOf(X) {}`, `@Args('after', AFTER_ARG)`,
 * `@Args('limit', LIMIT_ARG)` and `keysetPage(qb, …)` in its query.
 */
export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 200;

export interface Page<T> {
  items: T[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** The GraphQL page of `item`: `items` and `nextCursor` (the subclass names the type). */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  @ObjectType({ isAbstract: true })
  abstract class PageType implements Page<T> {
    @Field(() => [item], { complexity: PAGE_ITEMS_COMPLEXITY })
    items: T[];

    @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
    nextCursor: string | null;
  }
  return PageType as Type<Page<T>>;
}

export const LIMIT_ARG: ArgsOptions = {
  type: () => Int,
  defaultValue: PAGE_DEFAULT,
  description: `At most ${PAGE_MAX}; below 1 or above it is refused (BAD_USER_INPUT naming limit).`,
};

export const AFTER_ARG: ArgsOptions = {
  type: () => String,
  nullable: true,
  description: "The previous page's nextCursor.",
};

/**
 * A list's arguments class with the page's `after` and `limit` after its own fields (`Base`, its filters), for a
 * query that takes its arguments as one class: `@ArgsType() class XPageArgs extends PageArgsOf(XArgs) {}`. The
 * arguments are those of `AFTER_ARG` and `LIMIT_ARG`; the resolver still checks the limit (`checkLimit`).
 */
export function PageArgsOf<B extends Type<object>>(
  Base: B,
): Type<InstanceType<B> & { after?: string | null; limit: number }> {
  @ArgsType()
  class PageArgs extends (Base as Type<object>) {
    @Field(() => String, { nullable: true, description: AFTER_ARG.description })
    @IsOptional()
    after?: string | null;

    @Field(() => Int, { defaultValue: PAGE_DEFAULT, description: LIMIT_ARG.description })
    @IsOptional()
    limit: number = PAGE_DEFAULT;
  }
  return PageArgs as Type<InstanceType<B> & { after?: string | null; limit: number }>;
}

/** 1‥PAGE_MAX, refused outside (never clamped), naming `limit`. */
export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX)
    throw PLATFORM_ERRORS.badInput('limit', 'LIMIT_OUT_OF_RANGE', { max: PAGE_MAX });
  return limit;
}

/** A keyset position: the sort key of the last row of a page and its id. */
export interface Keyset {
  key: string;
  id: string;
}

export function encodeCursor(key: Date | string, id: string): string {
  const k = key instanceof Date ? key.toISOString() : key;
  return Buffer.from(JSON.stringify({ k, i: id }), 'utf8').toString('base64url');
}

export function decodeCursor(after: string | null | undefined): Keyset | null {
  if (after === null || after === undefined) return null;
  try {
    const { k, i } = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as { k?: unknown; i?: unknown };
    if (typeof k === 'string' && !Number.isNaN(Date.parse(k)) && typeof i === 'string' && /^[0-9a-f-]{36}$/i.test(i))
      return { key: k, id: i };
  } catch {
    // fall through: not one of ours
  }
  throw PLATFORM_ERRORS.badInput('after', 'CURSOR_INVALID');
}

/**
 * The cursor of a list not keyed by a date and a uuid (the audit trail's `seq`, a plugin's versions): the
 * last item's key, opaque to the client.
 */
export function encodeKeyCursor(key: string): string {
  return Buffer.from(JSON.stringify({ s: key }), 'utf8').toString('base64url');
}

/** The key `encodeKeyCursor` wrote, when `isKey` accepts it; anything else is refused naming `after`. */
export function decodeKeyCursor(after: string | null | undefined, isKey: (key: string) => boolean): string | null {
  if (after === null || after === undefined) return null;
  try {
    const { s } = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as { s?: unknown };
    if (typeof s === 'string' && isKey(s)) return s;
  } catch {
    // fall through: not one of ours
  }
  throw PLATFORM_ERRORS.badInput('after', 'CURSOR_INVALID');
}

/**
 * One page of a list already whole in memory and in its order (keys unique), for lists that are not
 * rows of one table (a plugin's installed and published versions): the items after the cursor's key.
 * A key no longer in the list is refused as CURSOR_INVALID.
 */
export function pageOfSorted<T>(
  sorted: readonly T[],
  opts: { keyOf: (item: T) => string; isKey: (key: string) => boolean; after?: string | null; limit: number },
): Page<T> {
  const limit = checkLimit(opts.limit);
  const key = decodeKeyCursor(opts.after, opts.isKey);
  let from = 0;
  if (key !== null) {
    from = sorted.findIndex((item) => opts.keyOf(item) === key) + 1;
    if (from === 0) throw PLATFORM_ERRORS.badInput('after', 'CURSOR_INVALID');
  }
  const items = sorted.slice(from, from + limit);
  const last = items[items.length - 1];
  return { items, nextCursor: from + limit < sorted.length && last ? encodeKeyCursor(opts.keyOf(last)) : null };
}

/**
 * One page of `qb`, newest first by `alias.column` (a non-null date or timestamp column) then by id:
 * the limit is checked, the cursor decoded, `limit + 1` rows read to know whether a next page exists.
 * `keyOf` reads the sort key back from a row (to build the next cursor).
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  opts: { alias: string; column: string; keyOf: (row: T) => Date | string; after?: string | null; limit: number },
): Promise<Page<T>> {
  const limit = checkLimit(opts.limit);
  const cursor = decodeCursor(opts.after);
  // The cursor carries the key as a JavaScript date (milliseconds); PostgreSQL keeps microseconds. Order and
  // compare at the cursor's precision, or rows within the last row's millisecond would be skipped.
  const col = `date_trunc('milliseconds', ${opts.alias}.${opts.column})`;
  if (cursor)
    qb.andWhere(`(${col}, ${opts.alias}.id) < (:pageKey, CAST(:pageId AS uuid))`, {
      pageKey: cursor.key,
      pageId: cursor.id,
    });
  const rows = await qb
    .orderBy(col, 'DESC')
    .addOrderBy(`${opts.alias}.id`, 'DESC')
    .take(limit + 1)
    .getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(opts.keyOf(last), last.id) : null };
}
