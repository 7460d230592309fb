/**
 * BullMQ's Lua scripts touch several keys of one queue at once (`<prefix>:jobs:wait`, `…:active`,
 * `…:<job id>`, …). On Redis Cluster every key of a multi-key command must hash to one slot, or the
 * script fails with CROSSSLOT. A hash tag — the first non-empty `{…}` in a key — makes Redis hash only
 * that part, so a prefix `{jm}` puts the whole queue in one slot (BullMQ, "Redis Cluster":
 * https://docs.bullmq.io/patterns/redis-cluster; Redis cluster specification, "Hash tags").
 */
export function hasHashTag(key: string): boolean {
  const open = key.indexOf('{');
  if (open < 0) return false;
  const close = key.indexOf('}', open + 1);
  return close > open + 1;
}

/** The prefix wrapped in a hash tag, unless it already carries one (then it is kept as given). */
export function hashTagged(prefix: string): string {
  return hasHashTag(prefix) ? prefix : `{${prefix}}`;
}

/**
 * The queue prefix in use. The platform's default is always hash-tagged, so the same keys serve a
 * single Redis and a cluster. An explicit QUEUE_PREFIX is taken as given on a single Redis (tools and
 * tests that open the queue by that prefix keep finding it) and hash-tagged on a cluster, where an
 * untagged one cannot work.
 */
export function queuePrefix(options: { explicit?: string; fallback: string; cluster: boolean }): string {
  if (options.explicit) return options.cluster ? hashTagged(options.explicit) : options.explicit;
  return hashTagged(options.fallback);
}
