import { unitScope } from '@engine/access';
import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { MEETING_ERRORS } from './meetings.errors';
import { User } from '@core/identity/entities';
import { MemberUnit } from '@core/joint-meeting/entities';
import { principleOf } from '@core/joint-meeting';
import { Tenant } from '@core/tenancy/entities';
import { AgreedItem, AgreedItemOwner } from './agreed-item.entity';
import { renderMinutesDocx, type MinutesDocument } from './documents';
import { Attendance, Meeting, MeetingUnit } from './meeting.entity';
import { meetingType, pluginOf } from './meeting-rules';
import { documentTitleOf, postsOf, postTitleFor } from './meeting-posts';
import { Minutes, MinutesRecipient, MinutesStatus } from './minutes.entity';

/** Assembles approved or issued minutes into the official DOCX layout. */
@Injectable()
export class MinutesDocumentService {
  constructor(@Inject(Db) private readonly db: Db) {}

  async docx(ctx: RequestContext, minutesId: string): Promise<{ filename: string; content: Buffer }> {
    const doc = await this.db.run(ctx, async ({ em }) => {
      const minutes = await em.findOne(Minutes, { where: { id: minutesId } });
      const unit = unitScope(ctx);
      if (!minutes || (unit && !(await em.exists(MinutesRecipient, { where: { minutesId, memberUnitId: unit } }))))
        throw AppError.notFound('Minutes');
      if (minutes.status !== MinutesStatus.APPROVED && minutes.status !== MinutesStatus.ISSUED) {
        throw MEETING_ERRORS.conflict('MINUTES_NOT_APPROVED', { status: minutes.status });
      }
      const [meeting, tenant] = await Promise.all([
        em.findOneOrFail(Meeting, { where: { id: minutes.meetingId } }),
        em.findOneOrFail(Tenant, { where: { id: minutes.tenantId } }),
      ]);
      const type = meetingType(tenant, meeting.typeCode);
      const structure = pluginOf(tenant).structure;
      const units = new Map((await em.find(MemberUnit, { where: { tenantId: tenant.id } })).map((u) => [u.id, u.name]));
      const invited = await em.find(MeetingUnit, { where: { meetingId: meeting.id } });
      const items = await em.find(AgreedItem, { where: { minutesId }, order: { position: 'ASC' } });
      const owners = items.length
        ? await em.find(AgreedItemOwner, { where: { agreedItemId: In(items.map((i) => i.id)) } })
        : [];
      const recipients = await em.find(MinutesRecipient, { where: { minutesId } });
      const approver = minutes.approvedById ? await em.findOne(User, { where: { id: minutes.approvedById } }) : null;
      const posts = postsOf(structure);
      // The approver signs in the parent tenant under approverScope PARENT (000 art. 15): its posts then.
      const approverTenant =
        approver && approver.tenantId && approver.tenantId !== tenant.id
          ? await em.findOne(Tenant, { where: { id: approver.tenantId } })
          : null;
      const approverPosts = approverTenant ? postsOf(pluginOf(approverTenant).structure) : posts;
      const name = (id: string): string => units.get(id) ?? '';
      const document: MinutesDocument = {
        tenantName: tenant.name,
        jointMeetingName: structure.jointMeetingName,
        kind: minutes.kind,
        number: minutes.number ?? '（待编号）',
        title: documentTitleOf(meeting.title, minutes.kind),
        meetingType: type.name,
        heldAt: (meeting.heldAt ?? meeting.scheduledAt).toISOString(),
        location: meeting.location ?? undefined,
        chair: { title: postTitleFor(posts, type.chairRole, meeting.chairPost), name: meeting.chairName ?? undefined },
        present: invited.filter((u) => u.attendance === Attendance.PRESENT).map((u) => name(u.memberUnitId)),
        absent: invited
          .filter((u) => u.attendance === Attendance.ABSENT)
          .map((u) => ({ unit: name(u.memberUnitId), reason: u.absenceReason ?? '' })),
        guests: meeting.guests.map((g) => ({ name: g.name, organisation: g.organisation ?? undefined })),
        topics: meeting.topics,
        body: minutes.body,
        agreedItems: items.map((i) => ({
          content: i.content,
          owners: owners.filter((o) => o.agreedItemId === i.id).map((o) => name(o.memberUnitId)),
          dueOn: i.dueOn ?? i.dueSpec.date ?? '',
          provisional: i.dueProvisional || !i.dueOn,
        })),
        principle: principleOf(structure) ?? undefined,
        distribution: recipients.map((r) => name(r.memberUnitId)),
        approvedBy: approver
          ? { title: postTitleFor(approverPosts, type.minutes?.approvedBy ?? 'CONVENER'), name: approver.displayName }
          : undefined,
        approvedAt: minutes.approvedAt?.toISOString(),
      };
      return document;
    });
    return { filename: `${doc.number}.docx`, content: await renderMinutesDocx(doc) };
  }
}
