import { unitScope } from '@engine/access';
import { Inject, Injectable } from '@nestjs/common';
import { shanghaiDateOf } from '@engine/calendar';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { Tenant } from '@core/tenancy/entities';
import { SupervisionAction } from '../action.entity';
import { concernedAction } from '../actions.query';
import { SupervisionActionKind } from '../../enums';
import type { Evidence } from '../ladder';
import { concernSql, openAncestors, pluginOf, unitsByIds } from '../../supervision-rules';
import { renderReminderLetter, type ReminderLetter } from './reminder-letter';

function evidenceLine(e: Evidence): string {
  switch (e.kind) {
    case 'NOTICE':
      return `${e.number ?? ''}（${e.periodStart ?? ''}至${e.periodEnd ?? ''}）排名第${e.rank ?? '-'}位，共${e.rankedOf ?? '-'}个单位`;
    case 'FLAG':
      return `经办公室认定：${e.reason ?? ''}`;
    case 'REMINDER':
    case 'INTERVIEW':
    case 'LISTING':
      return e.number ?? e.id;
    case 'ASSESSMENT':
      return `考核（${e.periodStart ?? ''}起）不合格`;
  }
}

/**
 * The reminder letter (提醒函) of a KEY reminder sent by letter, for the supervising tenant's readers and
 * for the reminded unit (a township's leaders, or the unit's users).
 */
@Injectable()
export class ReminderLetterService {
  constructor(@Inject(Db) private readonly db: Db) {}

  async docx(ctx: RequestContext, actionId: string): Promise<{ filename: string; content: Buffer }> {
    const letter = await this.db.run(ctx, async (tx) => {
      let action = await tx.em.findOne(SupervisionAction, { where: { id: actionId } });
      const unit = unitScope(ctx);
      if (action && unit && action.targetUnitId !== unit) action = null;
      if (!action) {
        const concern = concernSql(ctx, 'a', 'read');
        if (concern) {
          await openAncestors(this.db, tx, ctx);
          action = await concernedAction(tx.em, actionId, concern);
        }
      }
      if (!action || action.kind !== SupervisionActionKind.REMINDER || action.channel !== 'LETTER')
        throw AppError.notFound('Reminder letter');
      const tenant = await tx.em.findOneByOrFail(Tenant, { id: action.tenantId });
      const target = (await unitsByIds(tx.em, [action.targetUnitId])).get(action.targetUnitId);
      const facts = action.facts as {
        summary?: string;
        reason?: { name?: string };
        evidence?: Evidence[];
        note?: string | null;
      };
      const doc: ReminderLetter = {
        number: action.number,
        jointMeetingName: pluginOf(tenant).structure.jointMeetingName,
        unitName: target?.name ?? '',
        reason: facts.reason?.name ?? facts.summary ?? '',
        ruleSource: action.ruleSource,
        evidence: (facts.evidence ?? []).map(evidenceLine),
        note: facts.note ?? null,
        issuedOn: shanghaiDateOf(action.openedAt),
      };
      return doc;
    });
    return { filename: `${letter.number}.docx`, content: await renderReminderLetter(letter) };
  }
}
