import { Module } from '@nestjs/common';
import { JointMeetingModule } from '@core/joint-meeting';
import {
  BriefingRecipientResolver,
  BriefingResolver,
  WorkPlanResolver,
  WorkPointResolver,
} from './office-documents.resolver';
import { OfficeDocumentsService } from './office-documents.service';

@Module({
  imports: [JointMeetingModule],
  providers: [OfficeDocumentsService, WorkPlanResolver, WorkPointResolver, BriefingResolver, BriefingRecipientResolver],
  exports: [OfficeDocumentsService],
})
export class OfficeDocumentsModule {}
