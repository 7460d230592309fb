import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { RequestContext } from '@engine/context';
import type { Role } from '@core/identity';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { Report, ReportChannel, ReportsService } from '@core/reporting';
import { tenantById } from '@core/tenancy';
import { Meeting, MeetingStatus } from './meeting.entity';
import { meetingType } from './meeting-rules';
import { MEETING_ERRORS } from './meetings.errors';
import { ReferMeetingMatterInput } from './dto/meeting-matters.inputs';

/**
 * Major matters of a meeting referred for review (000 art. 15: 重大问题报镇联席会议召集人审阅): where the
 * meeting type names `escalatesToRoles`, the office refers a matter of a held meeting; it becomes a
 * CONVENER_REVIEW report of the reporting context, sent at once to the holders of those roles, who
 * acknowledge it and answer with instructions (acknowledgeReport, answerReport). The meeting shows its
 * referred matters (`Meeting.referredMatters`), so the referral is visible where the meeting is.
 */
@Injectable()
export class MeetingMattersService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(ReportsService) private readonly reports: ReportsService,
  ) {}

  async refer(ctx: RequestContext, input: ReferMeetingMatterInput): Promise<Report> {
    return this.db.run(ctx, async (tx) => {
      const meeting = await tx.em.findOne(Meeting, { where: { id: input.meetingId } });
      if (!meeting) throw AppError.notFound('Meeting');
      if (
        !ctx.ability.can('update', subject('Meeting', { tenantId: meeting.tenantId })) ||
        meeting.tenantId !== ctx.caller.tenantId
      )
        throw MEETING_ERRORS.forbidden('OFFICE_REFERS');
      const tenant = await tenantById(tx.em, meeting.tenantId);
      const type = meetingType(tenant, meeting.typeCode, 'input.meetingId');
      if (!type.escalatesToRoles?.length)
        throw MEETING_ERRORS.badInput('input.meetingId', 'NO_REVIEW_ROLES', { type: type.name });
      if (meeting.status !== MeetingStatus.HELD)
        throw MEETING_ERRORS.conflict('MATTER_AFTER_HELD', {}, 'input.meetingId');
      return this.reports.draftFor(ctx, tx, {
        tenant,
        channel: ReportChannel.CONVENER_REVIEW,
        title: input.title,
        body: input.body,
        subjectKind: 'MEETING',
        subjectId: meeting.id,
        rule: type.source,
        recipientRoles: type.escalatesToRoles as Role[],
        sendNow: true,
      });
    });
  }
}
