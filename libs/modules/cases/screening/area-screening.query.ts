import { In, IsNull, type EntityManager } from 'typeorm';
import { keysetPage, type Page } from '@engine/graphql';
import { MemberUnit, MemberUnitKind } from '@core/joint-meeting/entities';
import { PetitionCase } from '../case.entity';
import { CaseAreaCadre, CaseAreaScreening } from './area-screening.entity';

/** The tenant's areas (片: active villages and communities), one page, newest first; `onlyIds` narrows (a cadre's own). */
export function areasPage(
  em: EntityManager,
  tenantId: string,
  opts: { onlyIds: string[] | null; after: string | null; limit: number },
): Promise<Page<MemberUnit>> {
  const qb = em.createQueryBuilder(MemberUnit, 'u').where('u.tenant_id = :t AND u.active AND u.kind IN (:...kinds)', {
    t: tenantId,
    kinds: [MemberUnitKind.VILLAGE, MemberUnitKind.COMMUNITY],
  });
  if (opts.onlyIds) qb.andWhere('u.id IN (:...ids)', { ids: opts.onlyIds.length ? opts.onlyIds : [null] });
  return keysetPage(qb, {
    alias: 'u',
    column: 'created_at',
    keyOf: (u) => u.createdAt,
    after: opts.after,
    limit: opts.limit,
  });
}

/** The current cadre of each of these areas. */
export function currentCadres(em: EntityManager, tenantId: string, areaIds: string[]): Promise<CaseAreaCadre[]> {
  if (!areaIds.length) return Promise.resolve([]);
  return em.find(CaseAreaCadre, { where: { tenantId, areaUnitId: In(areaIds), endedAt: IsNull() } });
}

/** The areas a cadre currently covers. */
export async function areasOfCadre(em: EntityManager, tenantId: string, userId: string): Promise<string[]> {
  const rows = await em.find(CaseAreaCadre, { where: { tenantId, cadreUserId: userId, endedAt: IsNull() } });
  return rows.map((r) => r.areaUnitId);
}

/** Ends an area's current assignment (a reassignment keeps the earlier row). */
export async function endCurrentCadre(em: EntityManager, tenantId: string, areaId: string, at: Date): Promise<void> {
  await em.update(CaseAreaCadre, { tenantId, areaUnitId: areaId, endedAt: IsNull() }, { endedAt: at });
}

/** The screenings of these areas for one period. */
export function screeningsOfPeriod(
  em: EntityManager,
  tenantId: string,
  areaIds: string[],
  periodStart: string,
): Promise<CaseAreaScreening[]> {
  if (!areaIds.length) return Promise.resolve([]);
  return em.find(CaseAreaScreening, { where: { tenantId, areaUnitId: In(areaIds), periodStart } });
}

/** The tenant's cases among these ids (the cases a screening's disputes were registered as), by id: one query. */
export async function casesByIds(
  em: EntityManager,
  tenantId: string,
  ids: string[],
): Promise<Map<string, PetitionCase>> {
  if (!ids.length) return new Map();
  const rows = await em.find(PetitionCase, { where: { tenantId, id: In([...new Set(ids)]) } });
  return new Map(rows.map((c) => [c.id, c]));
}
