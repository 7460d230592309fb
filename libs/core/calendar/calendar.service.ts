import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { LRUCache } from 'lru-cache';
import {
  InvalidCalendarDataError,
  parseCalendarYear,
  parseOverrides,
  prcCalendar,
  type DueDate,
  type Duration,
  type Pause,
  type WorkingDayCalendar,
} from '@engine/calendar';
import { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { AppError, ErrorCode } from '@engine/errors';
import { CALENDAR_ERRORS } from './calendar.errors';
import { Tenant } from '@core/tenancy/entities';
import { CalendarOverrideRow, CalendarYearRow } from './calendar.entity';
import { loadedYears, overrideDays } from './calendar.query';
import type { LoadCalendarYearInput, SetCalendarOverrideInput } from './dto/calendar.inputs';

/**
 * Each tenant's working-day calendar: the bundled national arrangement, the years an operator loaded
 * as data (replacing or extending it), and the tenant's own overrides. Built once and cached per
 * tenant; a change here clears the cache (other replicas pick it up within a minute).
 */
@Injectable()
export class CalendarService {
  private readonly cache = new LRUCache<string, WorkingDayCalendar>({ max: 5000, ttl: 60_000 });

  constructor(@Inject(Db) private readonly db: Db) {}

  /** The calendar of a tenant; call it inside or outside a transaction of `ctx`. */
  async forTenant(ctx: RequestContext, tenantId: string): Promise<WorkingDayCalendar> {
    const hit = this.cache.get(tenantId);
    if (hit) return hit;
    const calendar = await this.db.run(ctx, async ({ em }) => {
      const years = await loadedYears(em);
      const overrides = await overrideDays(em, tenantId);
      return prcCalendar({ years, overrides });
    });
    this.cache.set(tenantId, calendar);
    return calendar;
  }

  /**
   * A due date from `from` for a tenant, flagged provisional when it depends on an unloaded year. The
   * clock stops during `pauses` of the kinds `duration.excluding` lists (e.g. a review's hearings).
   */
  async due(
    ctx: RequestContext,
    tenantId: string,
    from: string,
    duration: Duration,
    pauses: readonly Pause[] = [],
  ): Promise<DueDate> {
    return (await this.forTenant(ctx, tenantId)).due(from, duration, pauses);
  }

  async years(ctx: RequestContext): Promise<{ covered: number[]; loaded: CalendarYearRow[] }> {
    const loaded = await this.db.run(ctx, ({ em }) => loadedYears(em));
    return { covered: prcCalendar({ years: loaded }).coveredYears(), loaded };
  }

  /** A platform admin loads (or corrects) a year's national arrangement as data. */
  async loadYear(ctx: RequestContext, input: LoadCalendarYearInput): Promise<CalendarYearRow> {
    if (!ctx.ability.can('manage', 'Calendar')) throw CALENDAR_ERRORS.forbidden('PLATFORM_ADMIN_ONLY');
    const year = this.validated(() => parseCalendarYear(input), 'input');
    const row = await this.db.run(ctx.asPlatform(), async ({ em }) => {
      await em.upsert(
        CalendarYearRow,
        { year: year.year, holidays: [...year.holidays], workdays: [...year.workdays], source: year.source },
        ['year'],
      );
      return (await loadedYears(em)).find((y) => y.year === year.year)!;
    });
    this.cache.clear();
    return row;
  }

  /** `due` for a tenant named by its code (the `dueDate` query). */
  async dueByCode(ctx: RequestContext, tenantCode: string, from: string, duration: Duration): Promise<DueDate> {
    const tenant = await this.db.run(ctx, ({ em }) => this.tenant(em, tenantCode));
    return this.due(ctx, tenant.id, from, duration);
  }

  async overrides(ctx: RequestContext, tenantCode: string): Promise<CalendarOverrideRow[]> {
    return this.db.run(ctx, async ({ em }) =>
      em.find(CalendarOverrideRow, {
        where: { tenantId: (await this.tenant(em, tenantCode)).id },
        order: { date: 'ASC' },
      }),
    );
  }

  /** The office sets (or replaces) a local override for one day. */
  async setOverride(ctx: RequestContext, input: SetCalendarOverrideInput): Promise<CalendarOverrideRow> {
    const [override] = this.validated(
      () => parseOverrides([{ date: input.date, kind: input.kind, reason: input.reason }]),
      'input',
    );
    const row = await this.db.run(ctx, async ({ em }) => {
      const tenant = await this.tenant(em, input.tenantCode);
      if (!ctx.ability.can('update', subject('Calendar', { tenantId: tenant.id })))
        throw CALENDAR_ERRORS.forbidden('OFFICE_ONLY');
      await em.upsert(
        CalendarOverrideRow,
        {
          tenantId: tenant.id,
          date: override.date,
          kind: override.kind,
          reason: override.reason,
          createdById: ctx.caller.userId,
        },
        ['tenantId', 'date'],
      );
      return em.findOneOrFail(CalendarOverrideRow, { where: { tenantId: tenant.id, date: override.date } });
    });
    this.cache.delete(row.tenantId);
    return row;
  }

  async removeOverride(ctx: RequestContext, tenantCode: string, date: string): Promise<boolean> {
    const tenantId = await this.db.run(ctx, async ({ em }) => {
      const tenant = await this.tenant(em, tenantCode);
      if (!ctx.ability.can('update', subject('Calendar', { tenantId: tenant.id })))
        throw CALENDAR_ERRORS.forbidden('OFFICE_ONLY');
      const result = await em.delete(CalendarOverrideRow, { tenantId: tenant.id, date });
      if (!result.affected) throw AppError.notFound(`An override on ${date}`);
      return tenant.id;
    });
    this.cache.delete(tenantId);
    return true;
  }

  private async tenant(em: import('typeorm').EntityManager, code: string): Promise<Tenant> {
    const tenant = await em.findOne(Tenant, { where: { code } });
    if (!tenant) throw AppError.notFound(`Tenant "${code}"`);
    return tenant;
  }

  /** Calendar data problems become BAD_USER_INPUT naming the field and the date. */
  private validated<T>(parse: () => T, prefix: string): T {
    try {
      return parse();
    } catch (err) {
      if (!(err instanceof InvalidCalendarDataError)) throw err;
      const problems = err.problems.map((p) => ({
        field: `${prefix}.${p.path.replace(/^(overrides\[0\]|year)\./, '').replace(/\[(\d+)\]/g, '.$1')}`,
        message: p.message,
      }));
      throw new AppError(ErrorCode.BAD_USER_INPUT, problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
        field: problems[0]?.field,
        problems,
      });
    }
  }
}
