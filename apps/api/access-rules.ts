import type { RulesFor } from '@engine/access';
import { identityRules, signInRules } from '@core/identity';
import { jointMeetingRules } from '@core/joint-meeting';
import { tenancyRules } from '@core/tenancy';
import { meetingsRules } from '@modules/meetings';
import { officeDocumentsRules } from '@modules/office-documents';
import { coordinationRules } from '@modules/coordination';
import { reportingRules } from '@core/reporting';
import { calendarRules } from '@core/calendar';
import { auditRules } from '@modules/audit';
import { casesRules } from '@modules/cases';
import { supervisionRules } from '@modules/supervision/supervision.abilities';
import { inspectionsRules } from '@modules/inspections';
import { supervisionStatusRules } from '@modules/supervision-status';

/** Every bounded context's access rules, composed into each request's CASL ability. */
export const ALL_RULES: RulesFor[] = [
  tenancyRules,
  identityRules,
  signInRules,
  jointMeetingRules,
  meetingsRules,
  officeDocumentsRules,
  coordinationRules,
  reportingRules,
  calendarRules,
  auditRules,
  casesRules,
  supervisionRules,
  inspectionsRules,
  supervisionStatusRules,
];
