import { unitScope } from '@engine/access';
import { Inject, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { keysetPage, type Page } from '@engine/graphql';
import { Tenant } from '@core/tenancy/entities';
import { SupervisionAction } from './action.entity';
import type { SupervisionActionKind } from '../enums';
import { concernSql, openAncestors, tenantByCode, unitsByIds } from '../supervision-rules';

export interface ActionFilter {
  kind?: SupervisionActionKind;
  status?: string;
  unitId?: string;
  limit: number;
}

/** How far back an evidence chain is followed (問責 ← 约谈 ← 挂牌 ← 提醒…): far beyond any real ladder. */
const MAX_CHAIN = 20;

/**
 * Reading supervision actions: a tenant's own (its office, conveners and superiors see all; a member unit
 * those about itself), and what ancestors decided about the caller's township. Every action comes with
 * its unit, its issuer and its evidence chain (the actions that led to it, through caused_by).
 */
@Injectable()
export class ActionsQuery {
  constructor(@Inject(Db) private readonly db: Db) {}

  async list(ctx: RequestContext, tenantCode: string, filter: ActionFilter): Promise<SupervisionAction[]> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      const qb = em.createQueryBuilder(SupervisionAction, 'a').where('a.tenant_id = :t', { t: tenant.id });
      this.filtered(qb, filter);
      const unit = unitScope(ctx);
      if (unit) qb.andWhere('a.target_unit_id = :mine', { mine: unit });
      return this.describe(
        em,
        await qb.orderBy('a.opened_at', 'DESC').addOrderBy('a.number', 'DESC').take(filter.limit).getMany(),
      );
    });
  }

  /** One page of a tenant's actions, latest opened first (keyset on opened_at, id). */
  async page(
    ctx: RequestContext,
    tenantCode: string,
    filter: ActionFilter,
    after: string | null,
  ): Promise<Page<SupervisionAction>> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      const qb = em.createQueryBuilder(SupervisionAction, 'a').where('a.tenant_id = :t', { t: tenant.id });
      this.filtered(qb, filter);
      const unit = unitScope(ctx);
      if (unit) qb.andWhere('a.target_unit_id = :mine', { mine: unit });
      const page = await keysetPage(qb, {
        alias: 'a',
        column: 'opened_at',
        keyOf: (a) => a.openedAt,
        after,
        limit: filter.limit,
      });
      return { items: await this.describe(em, page.items), nextCursor: page.nextCursor };
    });
  }

  /** One page of what concerns the caller (see received), latest opened first. */
  async receivedPage(
    ctx: RequestContext,
    filter: ActionFilter,
    after: string | null,
  ): Promise<Page<SupervisionAction>> {
    const concern = concernSql(ctx, 'a', 'read');
    if (!concern) return { items: [], nextCursor: null };
    return this.db.run(ctx, async (tx) => {
      await openAncestors(this.db, tx, ctx);
      const qb = tx.em.createQueryBuilder(SupervisionAction, 'a').where(concern.sql, concern.params);
      this.filtered(qb, filter);
      const page = await keysetPage(qb, {
        alias: 'a',
        column: 'opened_at',
        keyOf: (a) => a.openedAt,
        after,
        limit: filter.limit,
      });
      return { items: await this.describe(tx.em, page.items), nextCursor: page.nextCursor };
    });
  }

  async byId(ctx: RequestContext, id: string): Promise<SupervisionAction | null> {
    return this.db.run(ctx, async ({ em }) => {
      const action = await em.findOne(SupervisionAction, { where: { id } });
      const unit = unitScope(ctx);
      if (!action || (unit && action.targetUnitId !== unit)) return null;
      return (await this.describe(em, [action]))[0];
    });
  }

  /** What concerns the caller: ancestors' actions about its township, its own tenant's about its unit. */
  async received(ctx: RequestContext, filter: ActionFilter): Promise<SupervisionAction[]> {
    const concern = concernSql(ctx, 'a', 'read');
    if (!concern) return [];
    return this.db.run(ctx, async (tx) => {
      await openAncestors(this.db, tx, ctx);
      const qb = tx.em.createQueryBuilder(SupervisionAction, 'a').where(concern.sql, concern.params);
      this.filtered(qb, filter);
      return this.describe(
        tx.em,
        await qb.orderBy('a.opened_at', 'DESC').addOrderBy('a.number', 'DESC').take(filter.limit).getMany(),
      );
    });
  }

  private filtered(qb: ReturnType<EntityManager['createQueryBuilder']>, filter: ActionFilter): void {
    if (filter.kind) qb.andWhere('a.kind = :kind', { kind: filter.kind });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.unitId) qb.andWhere('a.target_unit_id = :unitId', { unitId: filter.unitId });
  }

  /** Unit, issuer and evidence chain, loaded for all actions at once, in the caller's transaction. */
  async describe(em: EntityManager, actions: SupervisionAction[], withChain = true): Promise<SupervisionAction[]> {
    if (!actions.length) return actions;
    const chains = withChain
      ? await this.chains(
          em,
          actions.map((a) => a.id),
        )
      : new Map<string, SupervisionAction[]>();
    const all = [...actions, ...[...chains.values()].flat()];
    const units = await unitsByIds(
      em,
      all.map((a) => a.targetUnitId),
    );
    const tenantIds = [...new Set(all.map((a) => a.tenantId))];
    const names = new Map(
      (await em.find(Tenant, { where: { id: In(tenantIds) }, select: { id: true, name: true } })).map((t) => [
        t.id,
        t.name,
      ]),
    );
    for (const a of all) {
      const u = units.get(a.targetUnitId);
      Object.assign(a, {
        unitName: u?.name ?? '',
        unitKind: u?.kind,
        targetTenantCode: u?.childTenantCode ?? null,
        issuerName: names.get(a.tenantId) ?? '',
      });
    }
    for (const a of actions) Object.assign(a, { evidenceChain: chains.get(a.id) ?? [] });
    return actions;
  }

  /** For each action, the actions that led to it, nearest first. */
  private async chains(em: EntityManager, ids: string[]): Promise<Map<string, SupervisionAction[]>> {
    const links: { start_id: string; id: string; depth: number }[] = await em.query(
      `WITH RECURSIVE chain AS (
         SELECT a.id AS start_id, a.caused_by AS id, 1 AS depth FROM supervision_action a WHERE a.id = ANY($1::uuid[]) AND a.caused_by IS NOT NULL
         UNION ALL
         SELECT c.start_id, b.caused_by, c.depth + 1 FROM chain c JOIN supervision_action b ON b.id = c.id
          WHERE b.caused_by IS NOT NULL AND c.depth < ${MAX_CHAIN}
       ) SELECT start_id, id, depth FROM chain ORDER BY start_id, depth`,
      [ids],
    );
    const out = new Map<string, SupervisionAction[]>();
    if (!links.length) return out;
    const found = new Map(
      (await em.find(SupervisionAction, { where: { id: In([...new Set(links.map((l) => l.id))]) } })).map((a) => [
        a.id,
        a,
      ]),
    );
    for (const l of links) {
      const a = found.get(l.id);
      if (!a) continue;
      const list = out.get(l.start_id);
      if (list) list.push({ ...a } as SupervisionAction);
      else out.set(l.start_id, [{ ...a } as SupervisionAction]);
    }
    return out;
  }
}

/** The tenant a case belongs to (read through RLS: null when the caller cannot see it). */
export async function caseTenantId(em: EntityManager, caseId: string): Promise<string | null> {
  const [row]: { tenant_id: string }[] = await em.query(`SELECT tenant_id FROM petition_case WHERE id = $1`, [caseId]);
  return row?.tenant_id ?? null;
}

/** An action by id that concerns the caller (`concernSql` over alias `a`), of `kind` when given. */
export function concernedAction(
  em: EntityManager,
  id: string,
  concern: { sql: string; params: Record<string, string> },
  kind?: SupervisionActionKind,
): Promise<SupervisionAction | null> {
  const qb = em.createQueryBuilder(SupervisionAction, 'a');
  if (kind) qb.where('a.id = :id AND a.kind = :kind', { id, kind });
  else qb.where('a.id = :id', { id });
  return qb.andWhere(concern.sql, concern.params).getOne();
}
