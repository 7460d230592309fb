import { LRUCache } from 'lru-cache';

/**
 * Failed sign-ins are counted per account and per client address within a window; past the limit the
 * account (or address) is locked until the window ends. Memory is bounded; counts are per process
 * (behind several replicas, each replica counts on its own).
 */
export class LoginLimiter {
  private readonly failures: LRUCache<string, { count: number; since: number }>;

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.failures = new LRUCache({ max: 50_000, ttl: windowMs });
  }

  /** Seconds until the key may try again, or 0 when it may now. */
  retryAfter(keys: readonly string[]): number {
    let wait = 0;
    for (const key of keys) {
      const entry = this.failures.get(key);
      const limit = key.startsWith('ip:') ? this.maxFailures * 10 : this.maxFailures;
      if (entry && entry.count >= limit) wait = Math.max(wait, Math.ceil((entry.since + this.windowMs - this.now()) / 1000));
    }
    return Math.max(wait, 0);
  }

  fail(keys: readonly string[]): void {
    for (const key of keys) {
      const entry = this.failures.get(key);
      if (entry && this.now() - entry.since < this.windowMs) entry.count += 1;
      else this.failures.set(key, { count: 1, since: this.now() });
    }
  }

  succeed(accountKey: string): void {
    this.failures.delete(accountKey);
  }
}
