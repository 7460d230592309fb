import type { EntityManager } from 'typeorm';
import type { CalendarYearRow } from './calendar.entity';

/** Loaded years with their dates as YYYY-MM-DD text (the driver would turn `date[]` into Dates). */
export async function loadedYears(em: EntityManager): Promise<CalendarYearRow[]> {
  return em.query(
    `SELECT year, holidays::text[] AS holidays, workdays::text[] AS workdays, source, loaded_at AS "loadedAt" FROM calendar_year ORDER BY year`,
  );
}

/** A tenant's overrides in date order, dates as YYYY-MM-DD text (what `prcCalendar` reads). */
export async function overrideDays(
  em: EntityManager,
  tenantId: string,
): Promise<{ date: string; kind: 'WORKDAY' | 'HOLIDAY'; reason: string }[]> {
  return em.query(`SELECT date::text AS date, kind, reason FROM calendar_override WHERE tenant_id = $1 ORDER BY date`, [
    tenantId,
  ]);
}
