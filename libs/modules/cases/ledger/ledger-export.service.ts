import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { MemberUnit } from '@core/joint-meeting/entities';
import { TenantLevel } from '@core/tenancy/entities';
import { PetitionCase } from '../case.entity';
import { LedgerLevel } from '../case-records.entity';
import { pluginOf, tenantByCode } from '../case-rules';
import { renderCaseLedgerXlsx, type CaseLedgerRow } from './ledger-export.xlsx';
import { LedgerService } from './ledger.service';

const EXPORT_CAP = 10_000;

/**
 * The case ledger as XLSX: the entries the caller may see (as `caseLedger` lists them), by list.
 * Cases appear by number only; no petitioner data is read for the file.
 */
@Injectable()
export class LedgerExportService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(LedgerService) private readonly ledger: LedgerService,
  ) {}

  async xlsx(
    ctx: RequestContext,
    tenantCode: string,
    level: LedgerLevel | null,
  ): Promise<{ filename: string; content: Buffer }> {
    const entries = await this.ledger.list(ctx, tenantCode, { level: level ?? undefined }, EXPORT_CAP);
    const data = await this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      const none = ['00000000-0000-0000-0000-000000000000'];
      const caseIds = [...new Set(entries.map((e) => e.caseId))];
      const numbers = new Map(
        (
          await em.find(PetitionCase, {
            where: { id: In(caseIds.length ? caseIds : none) },
            select: { id: true, number: true },
          })
        ).map((c) => [c.id, c.number]),
      );
      const units = new Map((await em.find(MemberUnit, { where: { tenantId: tenant.id } })).map((u) => [u.id, u.name]));
      return { tenant, numbers, units };
    });
    const { tenant, numbers, units } = data;
    const ledgers = pluginOf(tenant).cases.ledgers!;
    const town = tenant.level === TenantLevel.STREET ? '街道' : '镇';
    const levelName = (l: `${LedgerLevel}`): string => (l === 'TOWN' ? town : '社区');
    const row = (e: (typeof entries)[number]): CaseLedgerRow => ({
      caseNumber: numbers.get(e.caseId) ?? '',
      level: levelName(e.level),
      community: e.communityUnitId ? (units.get(e.communityUnitId) ?? null) : null,
      content: e.content,
      classification: e.classification,
      measures: e.measures,
      owningLeader: e.owningLeader,
      responsibleUnit: e.responsibleUnitId ? (units.get(e.responsibleUnitId) ?? null) : null,
      responsiblePerson: e.responsiblePerson,
      dueOn: e.dueOn,
      doneAt: e.doneAt?.toISOString() ?? null,
      overdue: this.ledger.isOverdue(e),
    });
    const scope = level
      ? `${levelName(level)}级`
      : ledgers.levels.map(levelName).join('、') + (ledgers.levels.length > 1 ? '两级' : '级');
    const content = await renderCaseLedgerXlsx({
      tenantName: tenant.name,
      scope,
      generatedAt: this.clock.now().toISOString(),
      lists: ledgers.lists.map((list) => ({ list, rows: entries.filter((e) => (e.list as string) === list).map(row) })),
    });
    return { filename: `${tenant.name}信访问题解决工作台账（${scope}）.xlsx`, content };
  }
}
