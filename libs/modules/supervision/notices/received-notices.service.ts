import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import type { Page } from '@engine/graphql';
import { SupervisionNotice, SupervisionNoticeEntry } from './notice.entity';
import { describeEntries, namedNotices } from './notice-composition';
import { concernedEntries, concernedEntriesOf, concernedEntry, concernedNoticesPage } from './notices.query';
import { SUPERVISION_ERRORS } from '../supervision.errors';
import { concernSql, openAncestors } from '../supervision-rules';

/**
 * The notices a caller receives (收到的通报): a township's leaders and superiors those of its ancestors about
 * it, a member unit's users those of its own tenant about the unit — each with the caller's own entry — and
 * the read receipt the unit gives.
 */
@Injectable()
export class ReceivedNoticesService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Notices of the tenant's ancestors about the caller's township (its leaders and superiors), and of its
   * own tenant about the unit the caller acts for — each with the caller's own entry.
   */
  async received(ctx: RequestContext, limit: number): Promise<SupervisionNotice[]> {
    const concern = concernSql(ctx, 'e', 'read');
    if (!concern) return [];
    return this.db.run(ctx, async (tx) => {
      await openAncestors(this.db, tx, ctx);
      const entries = await concernedEntries(tx.em, concern, limit);
      if (!entries.length) return [];
      const notices = await namedNotices(
        tx.em,
        await tx.em.find(SupervisionNotice, {
          where: { id: In(entries.map((e) => e.noticeId)) },
          order: { publishedAt: 'DESC', id: 'DESC' },
        }),
      );
      const described = await describeEntries(tx.em, entries);
      for (const n of notices) n.entries = described.filter((e) => e.noticeId === n.id);
      return notices;
    });
  }
  /** One page of what `received` answers, latest published first, each notice with the caller's own entries. */
  async receivedPage(
    ctx: RequestContext,
    page: { limit: number; after: string | null },
  ): Promise<Page<SupervisionNotice>> {
    const concern = concernSql(ctx, 'e', 'read');
    if (!concern) return { items: [], nextCursor: null };
    return this.db.run(ctx, async (tx) => {
      await openAncestors(this.db, tx, ctx);
      const found = await concernedNoticesPage(tx.em, concern, page);
      if (!found.items.length) return found;
      const notices = await namedNotices(tx.em, found.items);
      const described = await describeEntries(
        tx.em,
        await concernedEntriesOf(
          tx.em,
          concern,
          notices.map((n) => n.id),
        ),
      );
      for (const n of notices) n.entries = described.filter((e) => e.noticeId === n.id);
      return { items: notices, nextCursor: found.nextCursor };
    });
  }
  /** A read receipt, by the unit the notice concerns (a township's leaders, or the unit's own users). */
  async markRead(ctx: RequestContext, noticeId: string): Promise<SupervisionNoticeEntry> {
    const concern = concernSql(ctx, 'e', 'write');
    if (!concern) throw SUPERVISION_ERRORS.forbidden('NOTICE_UNITS_RECEIPT');
    return this.db.run(ctx, async (tx) => {
      await openAncestors(this.db, tx, ctx);
      const entry = await concernedEntry(tx.em, noticeId, concern);
      if (!entry) throw AppError.notFound('Notice');
      if (!entry.readAt) {
        entry.readAt = this.clock.now();
        entry.readById = ctx.caller.userId;
        await tx.em.update(
          SupervisionNoticeEntry,
          { id: entry.id },
          { readAt: entry.readAt, readById: entry.readById },
        );
      }
      return (await describeEntries(tx.em, [entry]))[0];
    });
  }
}
