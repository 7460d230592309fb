import { Injectable } from '@nestjs/common';

/**
 * The platform's notion of "now". Cadence periods, due dates and overdue detection read it, never
 * `new Date()`, so tests can run a tenant through months: `clock.set('2026-03-01T09:00:00+08:00')`.
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Freezes time (tests, replays); `null` returns to the system clock. */
  set(instant: Date | string | null): void {
    this.fixed = instant === null ? null : new Date(instant);
  }

  advanceDays(days: number): void {
    this.fixed = new Date(this.now().getTime() + days * 86_400_000);
  }
}
