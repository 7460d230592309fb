import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { PLATFORM_ERRORS } from '@engine/errors';
import { Report, ReportInstruction, type ReportChannel, type ReportStatus } from './report.entity';

export interface ReportFilter {
  channel?: ReportChannel;
  status?: ReportStatus;
  /** A member unit sees only its own reports. */
  reportingUnitId?: string;
}

type Cursor = { at: string; id: string };

export const encodeReportCursor = (at: Date, id: string): string =>
  Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

export function decodeReportCursor(after: string | null | undefined): Cursor | null {
  if (!after) return null;
  const [at, id] = Buffer.from(after, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id))
    throw PLATFORM_ERRORS.badInput('after', 'CURSOR_INVALID');
  return { at, id };
}

/** A tenant's own reports, newest draft first (RLS: the tenant itself, or sent reports addressed to the caller's tenant). */
export async function reportsOf(
  em: EntityManager,
  tenantId: string,
  filter: ReportFilter,
  cursor: Cursor | null,
  take: number,
): Promise<Report[]> {
  const qb = em.createQueryBuilder(Report, 'r').where('r.tenant_id = :t', { t: tenantId });
  if (filter.channel) qb.andWhere('r.channel = :c', { c: filter.channel });
  if (filter.status) qb.andWhere('r.status = :s', { s: filter.status });
  if (filter.reportingUnitId) qb.andWhere('r.reporting_unit_id = :u', { u: filter.reportingUnitId });
  if (cursor) qb.andWhere('(r.drafted_at, r.id) < (:at, :id)', cursor);
  return qb.orderBy('r.drafted_at', 'DESC').addOrderBy('r.id', 'DESC').take(take).getMany();
}

/** Reports other tenants sent to this one (its children, to the parent joint meeting), newest sent first. */
export async function reportsSentTo(
  em: EntityManager,
  tenantId: string,
  status: ReportStatus | undefined,
  cursor: Cursor | null,
  take: number,
): Promise<Report[]> {
  const qb = em
    .createQueryBuilder(Report, 'r')
    .where('r.recipient_tenant_id = :t AND r.sent_at IS NOT NULL', { t: tenantId });
  if (status) qb.andWhere('r.status = :s', { s: status });
  if (cursor) qb.andWhere('(r.sent_at, r.id) < (:at, :id)', cursor);
  return qb.orderBy('r.sent_at', 'DESC').addOrderBy('r.id', 'DESC').take(take).getMany();
}

export async function instructionsOf(em: EntityManager, reportIds: readonly string[]): Promise<ReportInstruction[]> {
  if (!reportIds.length) return [];
  return em.find(ReportInstruction, { where: { reportId: In([...reportIds]) }, order: { position: 'ASC' } });
}

export async function reportsAbout(
  em: EntityManager,
  subjectKind: string,
  subjectIds: readonly string[],
): Promise<Report[]> {
  if (!subjectIds.length) return [];
  return em.find(Report, { where: { subjectKind, subjectId: In([...subjectIds]) }, order: { draftedAt: 'ASC' } });
}
