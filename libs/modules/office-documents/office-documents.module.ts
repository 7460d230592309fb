import { Module } from '@nestjs/common';
import { JointMeetingModule } from '@core/joint-meeting';
import {
  BriefingRecipientResolver,
  BriefingResolver,
  WorkPlanResolver,
  WorkPointResolver,
} from './office-documents.resolver';
import { BriefingsService } from './briefings.service';
import { WorkPlansService } from './work-plans.service';

@Module({
  imports: [JointMeetingModule],
  providers: [
    WorkPlansService,
    BriefingsService,
    WorkPlanResolver,
    WorkPointResolver,
    BriefingResolver,
    BriefingRecipientResolver,
  ],
  exports: [WorkPlansService, BriefingsService],
})
export class OfficeDocumentsModule {}
