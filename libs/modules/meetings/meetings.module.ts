import { Module } from '@nestjs/common';
import { JointMeetingModule } from '@core/joint-meeting';
import { ReportingModule } from '@core/reporting';
import { MeetingMattersResolver } from './meeting-matters.resolver';
import { MeetingMattersService } from './meeting-matters.service';
import { MeetingTopicsResolver } from './meeting-topics.resolver';
import { MeetingTopicsService } from './meeting-topics.service';
import { AgreedItemsResolver } from './agreed-items.resolver';
import { AgreedItemsService } from './agreed-items.service';
import { CadenceResolver } from './cadence.resolver';
import { CadenceService } from './cadence.service';
import { AgreedItemsExportService } from './agreed-items-export.service';
import { DocumentsController } from './documents.controller';
import { MinutesDocumentService } from './minutes-document.service';
import { MeetingsResolver } from './meetings.resolver';
import { MeetingsService } from './meetings.service';
import { MinutesResolver } from './minutes.resolver';
import { MinutesService } from './minutes.service';

/** Joint-meeting operations: meetings, minutes, agreed items, cadence and key periods. */
@Module({
  imports: [JointMeetingModule, ReportingModule],
  controllers: [DocumentsController],
  providers: [
    MinutesDocumentService,
    AgreedItemsExportService,
    MeetingsService,
    MinutesService,
    AgreedItemsService,
    CadenceService,
    MeetingsResolver,
    MinutesResolver,
    AgreedItemsResolver,
    CadenceResolver,
    MeetingMattersService,
    MeetingMattersResolver,
    MeetingTopicsService,
    MeetingTopicsResolver,
  ],
  exports: [MeetingsService, MinutesService, AgreedItemsService, CadenceService],
})
export class MeetingsModule {}
