import { Module } from '@nestjs/common';
import { TenancyModule } from '@core/tenancy';
import { ActionWriter } from './ladder/action-writer';
import { ActionsQuery } from './ladder/actions.query';
import { ActionsResolver } from './ladder/actions.resolver';
import { ActionsService } from './ladder/actions.service';
import { AssessmentOutcomeService } from './assessment/assessment-outcome.service';
import { AssessmentResolver } from './assessment/assessment.resolver';
import { AssessmentService } from './assessment/assessment.service';
import {
  EmailSender,
  LetterSender,
  LocalEmailSender,
  LocalLetterSender,
  LocalSmsSender,
  SmsSender,
} from './outbox/channels';
import { SupervisionDocumentsController } from './ladder/documents/documents.controller';
import { ReminderLetterService } from './ladder/documents/reminder-letter.service';
import { FlagsQuery } from './ladder/flags.query';
import { InterviewFieldsResolver } from './interviews/interview-fields.resolver';
import { InterviewsResolver } from './interviews/interviews.resolver';
import { InterviewsService } from './interviews/interviews.service';
import { AccountabilityService } from './ladder/accountability.service';
import { AccountabilityFieldsResolver } from './ladder/accountability-fields.resolver';
import { LadderService } from './ladder/ladder.service';
import { NoticesResolver } from './notices/notices.resolver';
import { NoticeComposer } from './notices/notice-composition';
import { NoticeDraftsService } from './notices/notice-drafts.service';
import { NoticesService } from './notices/notices.service';
import { ReceivedNoticesService } from './notices/received-notices.service';
import { OutboxResolver } from './outbox/outbox.resolver';
import { OutboxService } from './outbox/outbox.service';
import { ProposalSteps } from './ladder/proposal-steps';
import { ProposalsResolver } from './ladder/proposals.resolver';
import { ProposalsService } from './ladder/proposals.service';

/**
 * Supervision (督查督办): metrics, notices and ranking, the escalation ladder (reminders, listed
 * supervision, interviews, accountability), assessments, and the outbox with its channel adapters.
 * The local adapters record what would be sent; a deployment binds real ones to the same ports.
 */
@Module({
  imports: [TenancyModule],
  controllers: [SupervisionDocumentsController],
  providers: [
    { provide: SmsSender, useClass: LocalSmsSender },
    { provide: EmailSender, useClass: LocalEmailSender },
    { provide: LetterSender, useClass: LocalLetterSender },
    OutboxService,
    ActionWriter,
    NoticeComposer,
    NoticesService,
    NoticeDraftsService,
    ReceivedNoticesService,
    ActionsQuery,
    ActionsService,
    InterviewsService,
    AccountabilityService,
    AssessmentService,
    AssessmentOutcomeService,
    FlagsQuery,
    ProposalSteps,
    ProposalsService,
    LadderService,
    ReminderLetterService,
    NoticesResolver,
    ActionsResolver,
    ProposalsResolver,
    AssessmentResolver,
    InterviewsResolver,
    InterviewFieldsResolver,
    OutboxResolver,
    AccountabilityFieldsResolver,
  ],
  exports: [LadderService, NoticesService, OutboxService, ActionsQuery],
})
export class SupervisionModule {}
