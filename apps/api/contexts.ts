import { composeContexts, composeKeyedLists, type ContextManifest } from '@engine/manifest';
import { registerKeyedLists } from '@engine/plugins';
import { calendarContext } from '@core/calendar';
import { findingsContext } from '@core/findings';
import { identityContext } from '@core/identity';
import { jointMeetingContext } from '@core/joint-meeting';
import { notificationsContext } from '@core/notifications';
import { reportingContext } from '@core/reporting';
import { tenancyContext } from '@core/tenancy';
import { auditContext } from '@modules/audit';
import { casesContext } from '@modules/cases';
import { coordinationContext } from '@modules/coordination';
import { inspectionsContext } from '@modules/inspections';
import { meetingsContext } from '@modules/meetings';
import { officeDocumentsContext } from '@modules/office-documents';
import { supervisionContext } from '@modules/supervision';
import { supervisionStatusContext } from '@modules/supervision-status';

/**
 * The only list of bounded contexts. The API, the worker (the same app), the CLI, the benchmark
 * seeder and the test app derive from it their Nest modules, the data source's entities, the
 * rules of every request's ability and the plugin's keyed lists; a context folder missing here fails
 * `apps/api/contexts.spec.ts`.
 * Core contexts first, then the workflows (docs/architecture.md).
 */
export const CONTEXTS: readonly ContextManifest[] = [
  tenancyContext,
  jointMeetingContext,
  identityContext,
  notificationsContext,
  findingsContext,
  reportingContext,
  calendarContext,
  auditContext,
  meetingsContext,
  officeDocumentsContext,
  coordinationContext,
  casesContext,
  supervisionContext,
  inspectionsContext,
  supervisionStatusContext,
];

const composed = composeContexts(CONTEXTS);
/** Every context's Nest module, in the list's order. */
export const CONTEXT_MODULES = composed.modules;
/** Every TypeORM entity, for the data source. */
export const ENTITIES = composed.entities;
/** Every context's access rules, composed into each request's CASL ability. */
export const ALL_RULES = composed.rules;
/**
 * The plugin lists `extends` merges by key, as the contexts owning them declare them: registered here, when the
 * list is imported (every app imports it before it loads a plugin), for compose, rulesDiff and plugin:new.
 */
export const KEYED_LISTS = composeKeyedLists(CONTEXTS);
registerKeyedLists(KEYED_LISTS);
