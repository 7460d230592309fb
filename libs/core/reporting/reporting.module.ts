import { Module } from '@nestjs/common';
import { ReportAnswersService } from './report-answers.service';
import { ReportChannels } from './report-channels';
import { ReportInstructionResolver, ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

/** Reports upward (请示报告): a core context the workflows report their matters through. */
@Module({
  providers: [ReportChannels, ReportsService, ReportAnswersService, ReportsResolver, ReportInstructionResolver],
  exports: [ReportsService],
})
export class ReportingModule {}
