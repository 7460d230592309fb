import { Module } from '@nestjs/common';
import { TenancyModule } from '@core/tenancy';
import { ActionWriter } from './action-writer';
import { ActionsQuery } from './actions.query';
import { ActionsResolver } from './actions.resolver';
import { ActionsService } from './actions.service';
import { AssessmentOutcomeService } from './assessment-outcome.service';
import { AssessmentResolver } from './assessment.resolver';
import { AssessmentService } from './assessment.service';
import { EmailSender, LetterSender, LocalEmailSender, LocalLetterSender, LocalSmsSender, SmsSender } from './channels';
import { SupervisionDocumentsController } from './documents.controller';
import { ReminderLetterService } from './documents/reminder-letter.service';
import { FlagsQuery } from './flags.query';
import { InterviewFieldsResolver } from './interview-fields.resolver';
import { InterviewsService } from './interviews.service';
import { AccountabilityService } from './accountability.service';
import { AccountabilityFieldsResolver } from './accountability-fields.resolver';
import { LadderService } from './ladder.service';
import { NoticesResolver } from './notices.resolver';
import { NoticeComposer } from './notice-composition';
import { NoticeDraftsService } from './notice-drafts.service';
import { NoticesService } from './notices.service';
import { ReceivedNoticesService } from './received-notices.service';
import { OutboxService } from './outbox.service';
import { ProposalSteps } from './proposal-steps';
import { ProposalsResolver } from './proposals.resolver';
import { ProposalsService } from './proposals.service';

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
    InterviewFieldsResolver,
    AccountabilityFieldsResolver,
  ],
  exports: [LadderService, NoticesService, OutboxService, ActionsQuery],
})
export class SupervisionModule {}
