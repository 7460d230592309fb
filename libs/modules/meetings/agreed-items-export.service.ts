import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { MemberUnit } from '@core/joint-meeting/entities';
import { AgreedItemOwner, AgreedItemStatus, ImplementationReport, ReportStatus } from './agreed-item.entity';
import { AgreedItemsService } from './agreed-items.service';
import { renderAgreedItemsXlsx, type AgreedItemRow } from './documents';
import { Meeting } from './meeting.entity';
import { Minutes } from './minutes.entity';
import { tenantByCode } from './meetings.service';

/** The agreed-items ledger (议定事项台账) as XLSX: what the caller may see, as the list shows it. */
@Injectable()
export class AgreedItemsExportService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(AgreedItemsService) private readonly items: AgreedItemsService,
  ) {}

  async xlsx(ctx: RequestContext, tenantCode: string): Promise<{ filename: string; content: Buffer }> {
    const items = await this.items.list(ctx, tenantCode, {}, 5000);
    const rows = await this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      const ids = items.map((i) => i.id);
      const none = ['00000000-0000-0000-0000-000000000000'];
      const [owners, reports, minutes] = await Promise.all([
        em.find(AgreedItemOwner, { where: { agreedItemId: In(ids.length ? ids : none) } }),
        em.find(ImplementationReport, {
          where: { agreedItemId: In(ids.length ? ids : none) },
          order: { createdAt: 'ASC' },
        }),
        em.find(Minutes, { where: { id: In(items.length ? [...new Set(items.map((i) => i.minutesId))] : none) } }),
      ]);
      const meetings = new Map(
        (await em.find(Meeting, { where: { id: In(minutes.length ? minutes.map((m) => m.meetingId) : none) } })).map(
          (m) => [m.id, m],
        ),
      );
      const units = new Map((await em.find(MemberUnit, { where: { tenantId: tenant.id } })).map((u) => [u.id, u.name]));
      const byMinutes = new Map(minutes.map((m) => [m.id, m]));
      return {
        tenantName: tenant.name,
        rows: items.map((item, n): AgreedItemRow => {
          const m = byMinutes.get(item.minutesId);
          const own = reports.filter((r) => r.agreedItemId === item.id);
          const status =
            item.status === AgreedItemStatus.DONE
              ? 'DONE'
              : own.some((r) => r.status === ReportStatus.SUBMITTED)
                ? 'REPORTED'
                : 'OPEN';
          return {
            number: n + 1,
            meeting: m ? (meetings.get(m.meetingId)?.title ?? '') : '',
            minutesNumber: m?.number ?? '',
            content: item.content,
            owners: owners.filter((o) => o.agreedItemId === item.id).map((o) => units.get(o.memberUnitId) ?? ''),
            dueOn: item.dueOn ?? '',
            provisional: item.dueProvisional,
            status,
            overdue: this.items.isOverdue(item),
            lastReport: own.at(-1)?.body,
            acceptedAt: item.doneAt?.toISOString(),
          };
        }),
      };
    });
    const content = await renderAgreedItemsXlsx({
      tenantName: rows.tenantName,
      generatedAt: this.clock.now().toISOString(),
      items: rows.rows,
    });
    return { filename: `${rows.tenantName}议定事项台账.xlsx`, content };
  }
}
