import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { memberUnitOf, satisfies, unitScope } from '@engine/access';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { Db } from '@engine/database';
import { AppError, PLATFORM_ERRORS } from '@engine/errors';
import { notify } from '@core/notifications';
import { tenantByCode, tenantById } from '@core/tenancy';
import type { EntityManager } from 'typeorm';
import { Meeting, MeetingStatus } from './meeting.entity';
import { meetingType } from './meeting-rules';
import { MeetingTopic, MeetingTopicPage, MeetingTopicStatus } from './meeting-topic.entity';
import { decodeTopicCursor, topicCursor, topicsOf } from './meeting-topics.query';
import { MEETING_ERRORS } from './meetings.errors';
import { ProposeMeetingTopicInput, DecideMeetingTopicInput } from './dto/meeting-topics.inputs';

async function notifyOffice(
  em: EntityManager,
  tenantId: string,
  notice: { kind: string; title: string; body: string; dedupeKey: string },
): Promise<void> {
  await notify(em, tenantId, { roles: [Role.OFFICE_DIRECTOR] }, notice);
}

/**
 * Topics (议题) proposed for a meeting: 000 art. 15 (会议议题由成员单位或办公室提出), art. 5 (重大敏感信访问题提请
 * 镇联席会研究), art. 12 and 001 art. 12 (特别重大的 / 情况复杂的提交联席会议研究处理). Who besides the office may
 * propose for a type is the plugin's `topicsProposedBy`; the office accepts a proposal onto a scheduled
 * meeting of that type (its title joins the meeting's topics) or declines it with a reason, and the
 * proposing unit is told either way.
 */
@Injectable()
export class MeetingTopicsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async propose(ctx: RequestContext, input: ProposeMeetingTopicInput): Promise<MeetingTopic> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      if (tenant.id !== ctx.caller.tenantId) throw AppError.notFound(`Tenant "${input.tenantCode}"`);
      const type = meetingType(tenant, input.typeCode);
      const office = ctx.ability.can('update', subject('Meeting', { tenantId: tenant.id }));
      const allowed = (type.topicsProposedBy ?? []) as Role[];
      const unit = memberUnitOf(ctx);
      if (!office) {
        if (!allowed.length)
          throw MEETING_ERRORS.badInput('input.typeCode', 'NO_TOPIC_PROPOSERS', {
            type: type.name,
            source: type.source,
          });
        if (!allowed.some((r) => satisfies(ctx.caller.roles, r)))
          throw MEETING_ERRORS.forbidden('TOPIC_PROPOSERS', { type: type.name, allowed, source: type.source });
      }
      const topic = em.create(MeetingTopic, {
        tenantId: tenant.id,
        id: randomUUID(),
        typeCode: type.code,
        title: input.title,
        body: input.body,
        proposingUnitId: office ? null : unit,
        proposedById: ctx.caller.userId,
        proposedAt: this.clock.now(),
        status: MeetingTopicStatus.PROPOSED,
        meetingId: null,
        decidedById: null,
        decidedAt: null,
        declineReason: null,
      });
      await em.insert(MeetingTopic, topic);
      if (!office) {
        await notifyOffice(em, tenant.id, {
          kind: 'MEETING_TOPIC_PROPOSED',
          title: `议题提请：${input.title}`,
          body: `topicId=${topic.id}（${type.name}，${type.source}）`,
          dedupeKey: `topic-proposed:${topic.id}`,
        });
      }
      return topic;
    });
  }

  async accept(ctx: RequestContext, input: DecideMeetingTopicInput): Promise<MeetingTopic> {
    if (!input.meetingId) throw MEETING_ERRORS.badInput('input.meetingId', 'MEETING_REQUIRED');
    return this.decide(ctx, input.topicId, async (em, topic) => {
      const meeting = await em.findOne(Meeting, { where: { id: input.meetingId!, tenantId: topic.tenantId } });
      if (!meeting) throw AppError.notFound('Meeting');
      if (meeting.status !== MeetingStatus.SCHEDULED)
        throw MEETING_ERRORS.conflict('MEETING_NOT_SCHEDULED', { status: meeting.status }, 'input.meetingId');
      if (meeting.typeCode !== topic.typeCode) {
        const tenant = await tenantById(em, topic.tenantId);
        throw MEETING_ERRORS.badInput('input.meetingId', 'TOPIC_WRONG_MEETING', {
          type: meetingType(tenant, meeting.typeCode).name,
          wanted: meetingType(tenant, topic.typeCode).name,
        });
      }
      await em.update(Meeting, { id: meeting.id }, { topics: [...meeting.topics, topic.title] });
      Object.assign(topic, { status: MeetingTopicStatus.ACCEPTED, meetingId: meeting.id });
    });
  }

  async decline(ctx: RequestContext, input: DecideMeetingTopicInput): Promise<MeetingTopic> {
    if (!input.reason) throw MEETING_ERRORS.badInput('input.reason', 'REASON_REQUIRED');
    return this.decide(ctx, input.topicId, async (_em, topic) => {
      Object.assign(topic, { status: MeetingTopicStatus.DECLINED, declineReason: input.reason });
    });
  }

  async page(
    ctx: RequestContext,
    tenantCode: string,
    status: MeetingTopicStatus | undefined,
    after: string | null,
    limit: number,
  ): Promise<MeetingTopicPage> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      throw PLATFORM_ERRORS.badInput('limit', 'LIMIT_OUT_OF_RANGE', { max: 200 });
    const cursor = decodeTopicCursor(after);
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      const rows = await topicsOf(em, tenant.id, { status, unitId: unitScope(ctx) }, cursor, limit + 1);
      const items = rows.slice(0, limit);
      return { items, nextCursor: rows.length > limit ? topicCursor(items[limit - 1]) : null };
    });
  }

  private async decide(
    ctx: RequestContext,
    topicId: string,
    apply: (em: EntityManager, topic: MeetingTopic) => Promise<void>,
  ): Promise<MeetingTopic> {
    return this.db.run(ctx, async ({ em }) => {
      const topic = await em.findOne(MeetingTopic, { where: { id: topicId } });
      if (!topic || (unitScope(ctx) && topic.proposingUnitId !== unitScope(ctx))) throw AppError.notFound('Topic');
      if (
        topic.tenantId !== ctx.caller.tenantId ||
        !ctx.ability.can('update', subject('Meeting', { tenantId: topic.tenantId }))
      )
        throw MEETING_ERRORS.forbidden('OFFICE_DECIDES_TOPICS');
      if (topic.status !== MeetingTopicStatus.PROPOSED)
        throw MEETING_ERRORS.conflict('TOPIC_DECIDED', { status: topic.status }, 'input.topicId');
      await apply(em, topic);
      Object.assign(topic, { decidedById: ctx.caller.userId, decidedAt: this.clock.now() });
      const saved = await em.save(topic);
      const accepted = (saved.status as MeetingTopicStatus) === MeetingTopicStatus.ACCEPTED;
      if (topic.proposingUnitId) {
        await notify(
          em,
          topic.tenantId,
          { unitId: topic.proposingUnitId },
          {
            kind: accepted ? 'MEETING_TOPIC_ACCEPTED' : 'MEETING_TOPIC_DECLINED',
            title: `${accepted ? '议题已列入会议' : '议题不予采纳'}：${topic.title}`,
            body: `topicId=${topic.id}${topic.declineReason ? `；理由：${topic.declineReason}` : ''}`,
            dedupeKey: `topic-decided:${topic.id}`,
          },
        );
      }
      return saved;
    });
  }
}
