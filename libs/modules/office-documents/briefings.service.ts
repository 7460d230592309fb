import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In } from 'typeorm';
import { unitScope } from '@engine/access';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import type { Page } from '@engine/graphql';
import { groupBy } from '@engine/util';
import { MemberUnit } from '@core/joint-meeting/entities';
import { notify } from '@core/notifications';
import { pluginOf, tenantByCode, tenantById } from '@core/tenancy';
import type {
  DraftAgreedItemsProgressInput,
  DraftBriefingInput,
  IssueBriefingInput,
} from './dto/office-documents.inputs';
import { agreedItemsProgressBody, briefingNumber, chineseDay } from './briefing-text';
import { Briefing, BriefingRecipient, BriefingStatus, OfficePaperKind } from './office-documents.entity';
import { OFFICE_DOCUMENTS_ERRORS as E } from './office-documents.errors';
import { officeDocumentsQuery as q, type PageArgs } from './office-documents.query';
import { requireOffice, seriesOf } from './office-rules';

/**
 * Briefings (简报编印, 001 art. 9) and circulars (通报, 000 art. 6; 002 §六(二)): the office drafts and issues;
 * the number is the next of the tenant's year in the paper's own series (document_counter); each receiving
 * unit acknowledges receipt.
 */
@Injectable()
export class BriefingsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async draftBriefing(ctx: RequestContext, input: DraftBriefingInput): Promise<Briefing> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      requireOffice(ctx, 'Briefing', tenant.id);
      const now = this.clock.now();
      let briefing: Briefing;
      if (input.briefingId) {
        const found = await em.findOne(Briefing, { where: { tenantId: tenant.id, id: input.briefingId } });
        if (!found) throw AppError.notFound('Briefing');
        if (found.status === BriefingStatus.ISSUED)
          throw E.conflict('BRIEFING_ISSUED', { number: found.number }, 'input.briefingId');
        if (input.kind && input.kind !== found.kind)
          throw E.badInput('input.kind', 'KIND_OF_DRAFT', { kind: found.kind });
        briefing = found;
      } else {
        const kind = input.kind ?? OfficePaperKind.BRIEFING;
        const series = seriesOf(tenant, kind);
        briefing = em.create(Briefing, {
          tenantId: tenant.id,
          status: BriefingStatus.DRAFT,
          kind,
          series: series.name,
          source: series.source,
          drawnFromReportIds: [],
          createdAt: now,
        });
      }
      if (input.drawnFromReportIds?.length) {
        if (briefing.kind !== OfficePaperKind.CIRCULAR)
          throw E.badInput('input.drawnFromReportIds', 'DRAWN_FROM_CIRCULARS_ONLY');
        const wanted = [...new Set(input.drawnFromReportIds)];
        const received = new Set(await q.receivedWorkReports(em, tenant.id, wanted));
        input.drawnFromReportIds.forEach((id, i) => {
          if (!received.has(id)) throw E.badInput(`input.drawnFromReportIds.${i}`, 'NOT_A_RECEIVED_WORK_REPORT');
        });
        briefing.drawnFromReportIds = wanted;
      }
      return em.save(
        Object.assign(briefing, {
          title: input.title,
          body: input.body,
          draftedById: ctx.caller.userId,
          updatedAt: now,
        }),
      );
    });
  }

  /**
   * The office drafts a circular of the agreed items' progress (002 §六(二) 督促落实联席会议议定的事项并定期通报进展
   * 情况) from the issued agreed items' own state on today's date (Beijing): how many there are, done, open and
   * overdue, then each with its owners, its time limit and where it stands. The office edits it (draftBriefing)
   * and issues it to the member units (issueBriefing).
   */
  async draftAgreedItemsProgress(ctx: RequestContext, input: DraftAgreedItemsProgressInput): Promise<Briefing> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      requireOffice(ctx, 'Briefing', tenant.id);
      const series = seriesOf(tenant, OfficePaperKind.AGREED_ITEMS_PROGRESS);
      const now = this.clock.now();
      const today = shanghaiDateOf(now);
      const items = await q.agreedItemsProgress(em, tenant.id);
      return em.save(
        em.create(Briefing, {
          tenantId: tenant.id,
          status: BriefingStatus.DRAFT,
          kind: OfficePaperKind.AGREED_ITEMS_PROGRESS,
          series: series.name,
          source: series.source,
          drawnFromReportIds: [],
          title: input.title ?? `${series.name}（截至${chineseDay(today)}）`,
          body: agreedItemsProgressBody(pluginOf(tenant).structure.jointMeetingName, items, today),
          draftedById: ctx.caller.userId,
          createdAt: now,
          updatedAt: now,
        }),
      );
    });
  }

  /** Numbers the briefing (the next of the tenant's year, Asia/Shanghai), records its recipients, tells their users. */
  async issueBriefing(ctx: RequestContext, input: IssueBriefingInput): Promise<Briefing> {
    return this.db.run(ctx, async ({ em }) => {
      const briefing = await em.findOne(Briefing, { where: { id: input.briefingId } });
      if (!briefing) throw AppError.notFound('Briefing');
      requireOffice(ctx, 'Briefing', briefing.tenantId);
      if (briefing.status === BriefingStatus.ISSUED)
        throw E.conflict('BRIEFING_ISSUED', { number: briefing.number }, 'input.briefingId');
      const tenant = await tenantById(em, briefing.tenantId);
      const units = await em.find(MemberUnit, {
        where: { tenantId: tenant.id, active: true },
        order: { position: 'ASC' },
      });
      let recipients: string[];
      if (input.memberUnitIds) {
        const active = new Set(units.map((u) => u.id));
        input.memberUnitIds.forEach((id, i) => {
          if (!active.has(id)) throw E.badInput(`input.memberUnitIds.${i}`, 'NOT_AN_ACTIVE_UNIT');
        });
        recipients = [...new Set(input.memberUnitIds)];
      } else {
        recipients = units.map((u) => u.id);
      }
      if (!recipients.length) throw E.badInput('input.memberUnitIds', 'NO_RECIPIENTS');
      const now = this.clock.now();
      const year = Number(shanghaiDateOf(now).slice(0, 4));
      const seq = await q.nextNumber(em, tenant.id, briefing.kind, year);
      Object.assign(briefing, {
        status: BriefingStatus.ISSUED,
        year,
        seq,
        number: briefingNumber(tenant, year, seq, briefing.series),
        issuedById: ctx.caller.userId,
        issuedAt: now,
        updatedAt: now,
      });
      await em.save(briefing);
      await em.insert(
        BriefingRecipient,
        recipients.map((memberUnitId) => ({
          tenantId: tenant.id,
          briefingId: briefing.id,
          memberUnitId,
          acknowledgedAt: null,
          acknowledgedById: null,
        })),
      );
      for (const unitId of recipients) {
        await notify(
          em,
          tenant.id,
          { unitId },
          {
            kind: 'BRIEFING_ISSUED',
            title: `${briefing.series}：${briefing.number} ${briefing.title}`,
            body: `briefingId=${briefing.id}`,
            dedupeKey: `briefing:${briefing.id}`,
          },
        );
      }
      return briefing;
    });
  }

  /** A receiving unit acknowledges receipt (签收); acknowledging twice changes nothing. */
  async acknowledgeBriefing(ctx: RequestContext, briefingId: string): Promise<Briefing> {
    return this.db.run(ctx, async ({ em }) => {
      const unit = ctx.caller.memberUnitId;
      const briefing = await em.findOne(Briefing, { where: { id: briefingId } });
      const row =
        briefing && unit
          ? await em.findOne(BriefingRecipient, {
              where: { tenantId: briefing.tenantId, briefingId, memberUnitId: unit },
            })
          : null;
      if (!briefing || (unitScope(ctx) && !row)) throw AppError.notFound('Briefing');
      if (!row || !ctx.ability.can('acknowledge', subject('Briefing', { tenantId: briefing.tenantId })))
        throw E.forbidden('RECIPIENTS_ACKNOWLEDGE');
      if (!row.acknowledgedAt) {
        await em.update(
          BriefingRecipient,
          { tenantId: row.tenantId, briefingId, memberUnitId: unit! },
          { acknowledgedAt: this.clock.now(), acknowledgedById: ctx.caller.userId },
        );
      }
      return briefing;
    });
  }

  /** The tenant's briefings, one page, newest first; a member unit sees only those issued to it. */
  async briefings(ctx: RequestContext, tenantCode: string, page: PageArgs): Promise<Page<Briefing>> {
    return this.db.run(ctx, async ({ em }) =>
      q.briefingsPage(em, (await tenantByCode(em, tenantCode)).id, unitScope(ctx), page),
    );
  }

  /** Recipients per briefing; a member unit sees only its own receipt. */
  async recipientsOf(ctx: RequestContext, briefingIds: readonly string[]): Promise<Map<string, BriefingRecipient[]>> {
    const unit = unitScope(ctx);
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(BriefingRecipient, {
        where: { briefingId: In([...briefingIds]), ...(unit ? { memberUnitId: unit } : {}) },
      }),
    );
    return groupBy(briefingIds, rows, (r) => r.briefingId);
  }
}
