import { Module } from '@nestjs/common';
import { JointMeetingModule } from '@core/joint-meeting';
import { Deadlines } from './deadlines';
import { SensitiveCirculationResolver } from './sensitive-circulation.resolver';
import { SensitiveCirculationService } from './sensitive-circulation.service';
import { IssueListItemResolver, IssueListsResolver } from './issue-lists.resolver';
import { IssueListsService } from './issue-lists.service';
import { SensitiveReportsQuery } from './sensitive-reports.query';
import { SensitiveReportsResolver } from './sensitive-reports.resolver';
import { SensitiveReportsService } from './sensitive-reports.service';

/** Day-to-day coordination: important sensitive information (000/001 art. 11) and issue lists (000 art. 12). */
@Module({
  imports: [JointMeetingModule],
  providers: [
    SensitiveCirculationService,
    SensitiveCirculationResolver,
    Deadlines,
    SensitiveReportsService,
    SensitiveReportsQuery,
    IssueListsService,
    SensitiveReportsResolver,
    IssueListsResolver,
    IssueListItemResolver,
  ],
  exports: [SensitiveReportsService, SensitiveReportsQuery, IssueListsService],
})
export class CoordinationModule {}
