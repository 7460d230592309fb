import { Foundation1763800000000 } from './1763800000000-Foundation';
import { Meetings1763900000000 } from './1763900000000-Meetings';
import { Coordination1763950000000 } from './1763950000000-Coordination';
import { Calendar1763960000000 } from './1763960000000-Calendar';
import { AuditTrail1763970000000 } from './1763970000000-AuditTrail';
import { Cases1764000000000 } from './1764000000000-Cases';
import { Supervision1764100000000 } from './1764100000000-Supervision';
import { SupervisionLadder1764120000000 } from './1764120000000-SupervisionLadder';
import { SupervisionStatus1764150000000 } from './1764150000000-SupervisionStatus';
import { BenchIndexes1764200000000 } from './1764200000000-BenchIndexes';
import { CredentialPolicies1764300000000 } from './1764300000000-CredentialPolicies';
import { MinutesAuthors1764430000000 } from './1764430000000-MinutesAuthors';
import { JobTicks1764460000000 } from './1764460000000-JobTicks';
import { CitusDistribution1764469000000 } from './1764469000000-CitusDistribution';
import { AccountsAndSessions1764500000000 } from './1764500000000-AccountsAndSessions';
import { RecusalSealed1764510000000 } from './1764510000000-RecusalSealed';
import { Deployment1764510001000 } from './1764510001000-Deployment';
import { NoticeRankingFacts1764520000000 } from './1764520000000-NoticeRankingFacts';
import { SupervisionProposals1764520001000 } from './1764520001000-SupervisionProposals';
import { MeetingChairPost1764530000000 } from './1764530000000-MeetingChairPost';
import { TenantSnapshotPins1764560000000 } from './1764560000000-TenantSnapshotPins';
import { RulePacks1764560100000 } from './1764560100000-RulePacks';
import { AssessmentOutcomes1764590000000 } from './1764590000000-AssessmentOutcomes';
import { InspectionOrganisers1764590100000 } from './1764590100000-InspectionOrganisers';
import { ConcurrencyGuards1764600000000 } from './1764600000000-ConcurrencyGuards';
import { SupervisionStatusProposals1764610000000 } from './1764610000000-SupervisionStatusProposals';
import { KeyCasesListingScope1764610001000 } from './1764610001000-KeyCasesListingScope';
import { MemberPersons1764620000000 } from './1764620000000-MemberPersons';
import { ReportsUpward1764630000000 } from './1764630000000-ReportsUpward';
import { MeetingTopics1764630100000 } from './1764630100000-MeetingTopics';
import { SensitiveCirculation1764630200000 } from './1764630200000-SensitiveCirculation';
import { OfficeDocuments1764620100000 } from './1764620100000-OfficeDocuments';
import { SensitiveVerifyBasis1764640000000 } from './1764640000000-SensitiveVerifyBasis';
import { CaseLedgerRules1764640100000 } from './1764640100000-CaseLedgerRules';
import { CaseUrgency1764710000000 } from './1764710000000-CaseUrgency';
import { CaseAreaScreening1764710300000 } from './1764710300000-CaseAreaScreening';
import { SweepSelection1764770000000 } from './1764770000000-SweepSelection';
import { LadderEvidenceMark1764780000000 } from './1764780000000-LadderEvidenceMark';
import { CheaperScopedReads1764790000000 } from './1764790000000-CheaperScopedReads';
import { OfficeCirculars1764700000000 } from './1764700000000-OfficeCirculars';
import { CaseInChargeApproval1764710100000 } from './1764710100000-CaseInChargeApproval';
import { CaseReviewFindings1764710200000 } from './1764710200000-CaseReviewFindings';
import { TenantRulesChanges1764660000000 } from './1764660000000-TenantRulesChanges';
import { AuditStatementTriggers1764760000000 } from './1764760000000-AuditStatementTriggers';
import { NoticeDraftLifecycle1764720000000 } from './1764720000000-NoticeDraftLifecycle';
import { ProposalEvidenceWords1764720001000 } from './1764720001000-ProposalEvidenceWords';
import { TenantKeys1764740000000 } from './1764740000000-TenantKeys';
import { DistributeByTenant1764740100000 } from './1764740100000-DistributeByTenant';

/** Every migration in order. A landed migration is never edited: add a new one. */
export const migrations = [
  Foundation1763800000000,
  Meetings1763900000000,
  Coordination1763950000000,
  Calendar1763960000000,
  AuditTrail1763970000000,
  Cases1764000000000,
  Supervision1764100000000,
  SupervisionLadder1764120000000,
  SupervisionStatus1764150000000,
  BenchIndexes1764200000000,
  CredentialPolicies1764300000000,
  MinutesAuthors1764430000000,
  JobTicks1764460000000,
  CitusDistribution1764469000000,
  AccountsAndSessions1764500000000,
  RecusalSealed1764510000000,
  Deployment1764510001000,
  NoticeRankingFacts1764520000000,
  SupervisionProposals1764520001000,
  MeetingChairPost1764530000000,
  TenantSnapshotPins1764560000000,
  RulePacks1764560100000,
  AssessmentOutcomes1764590000000,
  InspectionOrganisers1764590100000,
  ConcurrencyGuards1764600000000,
  SupervisionStatusProposals1764610000000,
  KeyCasesListingScope1764610001000,
  MemberPersons1764620000000,
  ReportsUpward1764630000000,
  MeetingTopics1764630100000,
  SensitiveCirculation1764630200000,
  OfficeDocuments1764620100000,
  SensitiveVerifyBasis1764640000000,
  CaseLedgerRules1764640100000,
  TenantRulesChanges1764660000000,
  AuditStatementTriggers1764760000000,
  CaseUrgency1764710000000,
  NoticeDraftLifecycle1764720000000,
  CaseInChargeApproval1764710100000,
  CaseReviewFindings1764710200000,
  OfficeCirculars1764700000000,
  ProposalEvidenceWords1764720001000,
  TenantKeys1764740000000,
  DistributeByTenant1764740100000,
  CaseAreaScreening1764710300000,
  SweepSelection1764770000000,
  LadderEvidenceMark1764780000000,
  CheaperScopedReads1764790000000,
];
