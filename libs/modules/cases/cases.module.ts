import { ReportingModule } from '@core/reporting';
import { Module } from '@nestjs/common';
import { JointMeetingModule } from '@core/joint-meeting';
import { UsersModule } from '@core/identity';
import { CaseListPages } from './case-pages.service';
import { CaseSweepService } from './case-sweep.service';
import { CasesQuery } from './cases.query';
import { CasesResolver } from './cases.resolver';
import { CaseHistoryResolver } from './case-history.resolver';
import { CasesService } from './cases.service';
import { HandlingResolver } from './handling.resolver';
import { HandlingService } from './handling.service';
import { LedgerExportController } from './ledger-export.controller';
import { LedgerExportService } from './ledger-export.service';
import { CaseLedgerFieldResolver, LedgerResolver } from './ledger.resolver';
import { LedgerService } from './ledger.service';
import { OwnershipService } from './ownership.service';
import { ReceptionService } from './reception.service';
import { DeadlinesResolver } from './deadlines.resolver';
import { DeadlinesService } from './deadlines.service';
import { CaseReviewsFieldResolver, ReviewResolver } from './review.resolver';
import { ReviewService } from './review.service';
import { ScreeningResolver } from './screening.resolver';
import { ScreeningService } from './screening.service';
import { LEDGER_RULE_RESOLVERS } from './ledger-rules.resolver';
import { LedgerRulesService } from './ledger-rules.service';
import { CaseUrgencyResolver, UrgencyResolver } from './urgency.resolver';
import { UrgencyService } from './urgency.service';
import { InChargeApprovalCaseResolver, InChargeApprovalResolver } from './in-charge-approval.resolver';
import { InChargeApprovalService } from './in-charge-approval.service';
import { AREA_SCREENING_RESOLVERS } from './area-screening.resolver';
import { AreaScreeningService } from './area-screening.service';

/** The petition ledger (台账): intake, reception duty, assignment, leader ownership, progress, closing. */
@Module({
  imports: [JointMeetingModule, ReportingModule, UsersModule],
  controllers: [LedgerExportController],
  providers: [
    CaseHistoryResolver,
    CasesService,
    OwnershipService,
    ReceptionService,
    CasesQuery,
    CaseSweepService,
    CasesResolver,
    HandlingService,
    HandlingResolver,
    LedgerService,
    LedgerResolver,
    CaseLedgerFieldResolver,
    LedgerExportService,
    DeadlinesService,
    DeadlinesResolver,
    ReviewService,
    CaseListPages,
    ReviewResolver,
    CaseReviewsFieldResolver,
    ScreeningService,
    ScreeningResolver,
    LedgerRulesService,
    ...LEDGER_RULE_RESOLVERS,
    UrgencyService,
    UrgencyResolver,
    CaseUrgencyResolver,
    InChargeApprovalService,
    InChargeApprovalCaseResolver,
    InChargeApprovalResolver,
    AreaScreeningService,
    ...AREA_SCREENING_RESOLVERS,
  ],
  exports: [CasesService, CasesQuery, CaseSweepService],
})
export class CasesModule {}
