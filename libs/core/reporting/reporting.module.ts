import { Module } from '@nestjs/common';
import { ReportInstructionResolver, ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

/** Reports upward (请示报告): a core context the workflows report their matters through. */
@Module({ providers: [ReportsService, ReportsResolver, ReportInstructionResolver], exports: [ReportsService] })
export class ReportingModule {}
