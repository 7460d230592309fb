import { ReportingModule } from '@core/reporting';
import { Module } from '@nestjs/common';
import { JointMeetingModule } from '@core/joint-meeting';
import { UsersModule } from '@core/identity';
import { CaseChanges } from './case-changes.service';
import { CaseHistoryResolver } from './case-history.resolver';
import { CaseListPages } from './case-pages.service';
import { CaseSweepService } from './case-sweep.service';
import { CasesQuery } from './cases.query';
import { CasesResolver } from './intake/cases.resolver';
import { CasesService } from './intake/cases.service';
import { HandlingResolver } from './handling/handling.resolver';
import { HandlingService } from './handling/handling.service';
import { InChargeApprovalCaseResolver, InChargeApprovalResolver } from './handling/in-charge-approval.resolver';
import { InChargeApprovalService } from './handling/in-charge-approval.service';
import { OwnershipResolver } from './handling/ownership.resolver';
import { OwnershipService } from './handling/ownership.service';
import { CaseUrgencyResolver, UrgencyResolver } from './handling/urgency.resolver';
import { UrgencyService } from './handling/urgency.service';
import { DeadlinesResolver } from './deadlines/deadlines.resolver';
import { DeadlinesService } from './deadlines/deadlines.service';
import { CaseReviewsFieldResolver, ReviewResolver } from './review/review.resolver';
import { ReviewService } from './review/review.service';
import { AREA_SCREENING_RESOLVERS } from './screening/area-screening.resolver';
import { AreaScreeningService } from './screening/area-screening.service';
import { ScreeningResolver } from './screening/screening.resolver';
import { ScreeningService } from './screening/screening.service';
import { LedgerExportController } from './ledger/ledger-export.controller';
import { LedgerExportService } from './ledger/ledger-export.service';
import { LEDGER_RULE_RESOLVERS } from './ledger/ledger-rules.resolver';
import { LedgerRulesService } from './ledger/ledger-rules.service';
import { CaseWorkingGroupsService } from './ledger/working-groups.service';
import { CaseLedgerFieldResolver, LedgerResolver } from './ledger/ledger.resolver';
import { LedgerService } from './ledger/ledger.service';
import { ReceptionResolver } from './reception/reception.resolver';
import { ReceptionService } from './reception/reception.service';

/** The petition ledger (台账): intake, reception duty, assignment, leader ownership, progress, closing. */
@Module({
  imports: [JointMeetingModule, ReportingModule, UsersModule],
  controllers: [LedgerExportController],
  providers: [
    CaseHistoryResolver,
    CaseChanges,
    CasesService,
    OwnershipService,
    OwnershipResolver,
    ReceptionService,
    ReceptionResolver,
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
    CaseWorkingGroupsService,
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
