import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { PiiCipher } from '@engine/crypto';
import { Db } from '@engine/database';
import { PLATFORM_ERRORS } from '@engine/errors';
import { groupBy } from '@engine/util';
import { CaseEvent } from './case-event.entity';
import { CaseLink, CasePetitioner } from './case-petitioner.entity';
import { CaseStatus, OPEN_CASE_STATUSES } from './case.enums';
import { PetitionCase } from './case.entity';
import { CaseProgressReport } from './case-records.entity';
import { canSeeCase, caseVisibility, tenantByCode } from './case-rules';
import { personalFieldsFor, presentPetitioner, type Petitioner } from './intake/petitioner.model';
import { presentEvent } from './reception/recusal-step';

export interface CaseFilter {
  status?: CaseStatus;
  openOnly?: boolean;
  overdueOnly?: boolean;
  /** 初信初访 (004 预测排查制度 4): cases with no earlier case of the same petitioner and matter. */
  firstPetitionOnly?: boolean;
  responsibleUnitId?: string;
}

export interface CasePageResult {
  items: PetitionCase[];
  nextCursor: string | null;
}

const cursorOf = (c: PetitionCase): string =>
  Buffer.from(`${c.receivedAt.toISOString()}|${c.id}`).toString('base64url');

/** Reads of the ledger: tenant-scoped by RLS, narrowed for member units, paginated by keyset. */
@Injectable()
export class CasesQuery {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(PiiCipher) private readonly cipher: PiiCipher,
  ) {}

  async page(
    ctx: RequestContext,
    tenantCode: string | null,
    filter: CaseFilter,
    limit: number,
    after: string | null,
  ): Promise<CasePageResult> {
    let cursor: [string, string] | null = null;
    if (after) {
      const [at, id] = Buffer.from(after, 'base64url').toString('utf8').split('|');
      if (!at || !id || Number.isNaN(Date.parse(at))) throw PLATFORM_ERRORS.badInput('after', 'CURSOR_INVALID');
      cursor = [at, id];
    }
    return this.db.run(ctx, async ({ em }) => {
      const qb = em.createQueryBuilder(PetitionCase, 'c');
      if (tenantCode) qb.where('c.tenant_id = :t', { t: (await tenantByCode(em, tenantCode)).id });
      else qb.where('c.tenant_id = :t', { t: ctx.caller.tenantId });
      const visible = caseVisibility(ctx, 'c');
      if (visible) qb.andWhere(visible.sql, visible.params);
      if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
      if (filter.openOnly || filter.overdueOnly) qb.andWhere('c.status IN (:...open)', { open: OPEN_CASE_STATUSES });
      if (filter.overdueOnly) qb.andWhere('c.due_on < :today', { today: shanghaiDateOf(this.clock.now()) });
      if (filter.firstPetitionOnly) qb.andWhere('c.repeat_count = 0');
      if (filter.responsibleUnitId) qb.andWhere('c.responsible_unit_id = :ru', { ru: filter.responsibleUnitId });
      if (cursor) qb.andWhere('(c.received_at, c.id) < (:at, :id)', { at: cursor[0], id: cursor[1] });
      const rows = await qb
        .orderBy('c.received_at', 'DESC')
        .addOrderBy('c.id', 'DESC')
        .take(limit + 1)
        .getMany();
      const items = rows.slice(0, limit);
      return { items, nextCursor: rows.length > limit ? cursorOf(items[items.length - 1]) : null };
    });
  }

  async byId(ctx: RequestContext, id: string): Promise<PetitionCase | null> {
    return this.db.run(ctx, async ({ em }) => {
      const c = await em.findOne(PetitionCase, { where: { id } });
      return c && canSeeCase(ctx, c) ? c : null;
    });
  }

  async byIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, PetitionCase>> {
    const rows = await this.db.run(ctx, ({ em }) => em.find(PetitionCase, { where: { id: In([...ids]) } }));
    return new Map(rows.filter((c) => canSeeCase(ctx, c)).map((c) => [c.id, c]));
  }

  /** Petitioners of cases, decrypted where the caller holds the field rule and masked elsewhere. */
  async petitioners(ctx: RequestContext, caseIds: readonly string[]): Promise<Map<string, Petitioner[]>> {
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(CasePetitioner, { where: { caseId: In([...caseIds]) }, order: { position: 'ASC' } }),
    );
    const allowed = new Map<string, ReturnType<typeof personalFieldsFor>>();
    const present = (r: CasePetitioner): Petitioner => {
      if (!allowed.has(r.tenantId)) allowed.set(r.tenantId, personalFieldsFor(ctx, r.tenantId));
      return presentPetitioner(this.cipher, r, allowed.get(r.tenantId)!);
    };
    return new Map([...groupBy(caseIds, rows, (r) => r.caseId)].map(([id, list]) => [id, list.map(present)]));
  }

  async events(ctx: RequestContext, caseIds: readonly string[]): Promise<Map<string, CaseEvent[]>> {
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(CaseEvent, { where: { caseId: In([...caseIds]) }, order: { seq: 'ASC' } }),
    );
    const names = new Map<string, boolean>();
    const showNames = (tenantId: string): boolean => {
      if (!names.has(tenantId)) names.set(tenantId, personalFieldsFor(ctx, tenantId).has('name'));
      return names.get(tenantId)!;
    };
    return groupBy(
      caseIds,
      rows.map((e) => presentEvent(this.cipher, e, showNames(e.tenantId))),
      (r) => r.caseId,
    );
  }

  /** The users who made case steps, by id (a DataLoader batch; row-level security decides who is visible). */
  async earlierCaseIds(ctx: RequestContext, caseIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.db.run(ctx, ({ em }) => em.find(CaseLink, { where: { caseId: In([...caseIds]) } }));
    return new Map(
      [...groupBy(caseIds, rows, (r) => r.caseId)].map(([id, list]) => [id, list.map((l) => l.earlierCaseId)]),
    );
  }

  async progressReports(ctx: RequestContext, caseIds: readonly string[]): Promise<Map<string, CaseProgressReport[]>> {
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(CaseProgressReport, {
        where: { caseId: In([...caseIds]) },
        order: { periodStart: 'ASC', reportedAt: 'ASC' },
      }),
    );
    return groupBy(caseIds, rows, (r) => r.caseId);
  }

  isOverdue(c: PetitionCase): boolean {
    return OPEN_CASE_STATUSES.includes(c.status) && c.dueOn !== null && c.dueOn < shanghaiDateOf(this.clock.now());
  }
}
