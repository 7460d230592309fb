import { User, UserCredential } from '@core/identity/user.entity';
import { AccountChange } from '@core/identity/account-change.entity';
import { AuthSession, RefreshToken } from '@core/identity/sessions/session.entity';
import { MemberUnit } from '@core/joint-meeting/member-unit.entity';
import { MembershipChange } from '@core/joint-meeting/membership-change.entity';
import { MemberPerson, MemberPersonChange, MemberUnitProposal } from '@core/joint-meeting/member-person.entity';
import {
  Briefing,
  BriefingRecipient,
  WorkPlan,
  WorkPlanPoint,
} from '@modules/office-documents/office-documents.entity';
import { Notification } from '@core/notifications/notification.entity';
import { Tenant } from '@core/tenancy/tenant.entity';
import { Report, ReportInstruction } from '@core/reporting/report.entity';
import { PluginVersion } from '@core/tenancy/rule-packs/plugin-version.entity';
import { TenantRulesChange } from '@core/tenancy/rule-packs/tenant-rules-change.entity';
import { CalendarOverrideRow, CalendarYearRow } from '@core/calendar/calendar.entity';
import { AgreedItem, AgreedItemOwner, ImplementationReport } from '@modules/meetings/agreed-item.entity';
import { CadenceObligation, KeyPeriod } from '@modules/meetings/cadence.entity';
import { Finding } from '@core/findings';
import { Meeting, MeetingUnit } from '@modules/meetings/meeting.entity';
import { MeetingTopic } from '@modules/meetings/meeting-topic.entity';
import { Minutes, MinutesRecipient } from '@modules/meetings/minutes.entity';
import { IssueList } from '@modules/coordination/issue-list.entity';
import { SensitiveReport } from '@modules/coordination/sensitive-report.entity';
import { CaseEvent, CaseLink, CasePetitioner, PetitionCase } from '@modules/cases/case.entity';
import { Inspection, InspectionFinding } from '@modules/inspections/inspection.entity';
import { SupervisionStatusRow } from '@modules/supervision-status/supervision-status.entity';
import {
  CaseExtension,
  CaseLedgerEntry,
  CaseProgressReport,
  CaseReview,
  CaseScreening,
  ReceptionRoster,
} from '@modules/cases/case-records.entity';
import { CaseLine, CaseWorkingGroup, CaseWorkingGroupCase } from '@modules/cases/ledger-rules.entity';
import { SupervisionAction } from '@modules/supervision/action.entity';
import { Assessment } from '@modules/supervision/assessment.entity';
import { SupervisionFlag } from '@modules/supervision/flag.entity';
import { SupervisionProposal } from '@modules/supervision/proposal.entity';
import { SupervisionNotice, SupervisionNoticeEntry } from '@modules/supervision/notice.entity';
import { OutboxMessage } from '@modules/supervision/outbox-message.entity';

/** Every TypeORM entity, for the data source. */
export const ENTITIES = [
  Tenant,
  PluginVersion,
  TenantRulesChange,
  User,
  UserCredential,
  AccountChange,
  AuthSession,
  RefreshToken,
  MemberUnit,
  MembershipChange,
  MemberPerson,
  MemberPersonChange,
  MemberUnitProposal,
  WorkPlan,
  WorkPlanPoint,
  Briefing,
  BriefingRecipient,
  Notification,
  Meeting,
  MeetingUnit,
  MeetingTopic,
  Minutes,
  MinutesRecipient,
  AgreedItem,
  AgreedItemOwner,
  ImplementationReport,
  KeyPeriod,
  CadenceObligation,
  Finding,
  SensitiveReport,
  IssueList,
  Report,
  ReportInstruction,
  CalendarYearRow,
  CalendarOverrideRow,
  PetitionCase,
  CasePetitioner,
  CaseLink,
  CaseEvent,
  CaseProgressReport,
  CaseLedgerEntry,
  CaseExtension,
  CaseReview,
  ReceptionRoster,
  CaseLine,
  CaseWorkingGroup,
  CaseWorkingGroupCase,
  CaseScreening,
  SupervisionNotice,
  SupervisionNoticeEntry,
  SupervisionAction,
  SupervisionFlag,
  SupervisionProposal,
  OutboxMessage,
  Assessment,
  Inspection,
  InspectionFinding,
  SupervisionStatusRow,
];
