import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLType,
} from 'graphql';

/**
 * The API convention (docs/api-conventions.md), enforced on the committed schema.graphql: a root list
 * that can grow is a page (`items`, `nextCursor`; arguments `after`, `limit`), and a date is typed
 * `DateTime` (or `Date`), never `String`; a status or kind from a closed set is an enum. Today's exceptions are listed below; the list may only
 * shrink: a new exception fails, and so does a listed one that was fixed (remove it here).
 */
const ROOT = join(import.meta.dirname, '../..');
const schema = buildSchema(readFileSync(join(ROOT, 'schema.graphql'), 'utf8'));

/**
 * Root lists without the page shape: 26 when issue 15 set the convention (2026-12-02), none since 2026-12-03
 * (each became a page, its list deprecated beside it). Kept empty: a new root list is a page or small by nature.
 */
const UNPAGED_LISTS: string[] = [];

/**
 * Root lists that stay plain lists because they are small by nature (docs/api-conventions.md), each with
 * its reason; not a place for a list that grows with use.
 */
const SMALL_BY_NATURE: Record<string, string> = {
  'Query.calendarOverrides':
    "A tenant's local working days and holidays (at most one per day, set by hand by the office): the calendar loads them all into every tenant's working-day calendar (calendar.query's overrideDays), so a page would bound nothing.",
  'Query.jurisdictionPlugins':
    "The plugins installed in this deployment (plugins/): bounded by the code shipped, not by the tenants' use.",
  'Query.supervisionMetrics':
    "One row per supervised unit of the tenant for one period: bounded by the tenant's member units, computed whole from the ledger and meetings for the period.",
};

/** Names that say "a date or a time". */
const DATE_NAME = /(At|On|Date|Until|Since|From|To|Deadline|Due)$|^(date|deadline|from|to|since|until)$/;

const unwrap = (t: GraphQLType): GraphQLType => (isNonNullType(t) ? t.ofType : t);

/** A deprecated list is one that became a page: it names its page, which must exist. */
const deprecatedLists = (): [string, string][] =>
  Object.entries(schema.getQueryType()!.getFields())
    .filter(([, f]) => isListType(unwrap(f.type)) && f.deprecationReason)
    .map(([name, f]) => [name, /Use (\w+)/.exec(f.deprecationReason!)?.[1] ?? '']);

function unpagedLists(): string[] {
  return Object.entries(schema.getQueryType()!.getFields())
    .filter(([, f]) => isListType(unwrap(f.type)) && isObjectType(getNamedType(f.type)) && !f.deprecationReason)
    .map(([name]) => `Query.${name}`)
    .sort();
}

function stringDates(): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInputObjectType(type))) continue;
    for (const [name, field] of Object.entries(type.getFields())) {
      if (DATE_NAME.test(name) && (getNamedType(field.type as GraphQLType) as { name: string }).name === 'String')
        found.push(`${type.name}.${name}`);
    }
  }
  return found.sort();
}

/** Names that say "one of a set of values". */
const SET_NAME = /^(status|kind|state|type|level)$|(Status|Kind|State|Type|Level)$/;

/**
 * Fields (of an object or an input) named like a status or kind and typed `String`, each with why it is
 * not an enum: a set that is not closed in the platform (each context or plugin names its own), free
 * text, or a type the api-contract fixes. A closed set is an enum (docs/api-conventions.md); may only shrink.
 */
const OPEN_SETS: Record<string, string> = {
  'AffectedItemModel.kind':
    'Each context that keeps running items names its own kind (engine/plugins/rules-change.ts: CADENCE_OBLIGATION, SUPERVISION_PROPOSAL, CASE_DEADLINE): the set grows with the contexts.',
  'CaseAttachment.kind':
    "Free text the office types for the file's kind (文书类型, at most 50 characters), not a code.",
  'CaseAttachmentInput.kind':
    "Free text the office types for the file's kind (文书类型, at most 50 characters), not a code.",
  'CaseEvent.kind':
    "Every handling step records its own kind through recordStep (EXTENSION_*, REVIEW_*, LEDGER_ENTRY_DONE…): a case's history grows with the steps, not one set.",
  'Finding.kind':
    "Each context records its own findings through core's recordFinding (MISSED_CADENCE, AGREED_ITEM_OVERDUE, CASE_OVERDUE…): not one set.",
  'MembershipChange.kind': 'docs/api-contract.md types it String! (the public contract: its names and types stay).',
  'Notification.kind':
    "Every context's notify() names its own kinds (RULES_CHANGE_AWAITING_APPROVAL, SENSITIVE_INFORMATION_REPORTED…): not one set.",
  'Report.subjectKind':
    'Each context names what its reports are about through core/reporting (MEETING, CASE, INSPECTION …): not one set.',
  'SupervisionEvidenceItem.status':
    "The item's own status in its kind's set (a case's, an action's, an obligation's, an agreed item's, a proposal's): the values of other enums, by kind.",
};

function stringSets(): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInputObjectType(type))) continue;
    for (const [name, field] of Object.entries(type.getFields())) {
      if (SET_NAME.test(name) && (getNamedType(field.type as GraphQLType) as { name: string }).name === 'String')
        found.push(`${type.name}.${name}`);
    }
  }
  return found.sort();
}

/** Fields whose name reads like a date but that are not one, each with its reason (may only shrink). */
const NOT_DATES = JSON.parse(
  readFileSync(join(import.meta.dirname, 'api-conventions.string-dates.json'), 'utf8'),
) as Record<string, string>;

describe('API convention (docs/api-conventions.md)', () => {
  it('every root list that can grow is a page; the exceptions of today may only shrink', () => {
    expect(unpagedLists()).toEqual([...UNPAGED_LISTS, ...Object.keys(SMALL_BY_NATURE)].sort());
  });

  it('a root list kept plain because it is small by nature says why', () => {
    for (const [list, reason] of Object.entries(SMALL_BY_NATURE))
      expect({ list, reason: reason.length > 40, listedTwice: UNPAGED_LISTS.includes(list) }).toEqual({
        list,
        reason: true,
        listedTwice: false,
      });
  });

  it('a deprecated list names the page that replaced it, and that page exists', () => {
    const fields = schema.getQueryType()!.getFields();
    for (const [name, page] of deprecatedLists())
      expect({ name, page, exists: /Page$/.test(page) && page in fields }).toEqual({ name, page, exists: true });
  });

  it('every page has items and nextCursor, and takes after and limit', () => {
    const pages = Object.entries(schema.getQueryType()!.getFields()).filter(([, f]) =>
      /Page$/.test(getNamedType(f.type).name),
    );
    expect(pages.length).toBeGreaterThan(0);
    for (const [name, field] of pages as [string, GraphQLField<unknown, unknown>][]) {
      const type = getNamedType(field.type);
      expect({
        name,
        ok: isObjectType(type) && 'items' in type.getFields() && 'nextCursor' in type.getFields(),
      }).toEqual({ name, ok: true });
      expect({
        name,
        args: field.args
          .map((a) => a.name)
          .filter((a) => a === 'after' || a === 'limit')
          .sort(),
      }).toEqual({ name, args: ['after', 'limit'] });
    }
  });

  it('a status, kind, state, type or level is an enum; the String ones are open sets, each saying why', () => {
    expect(stringSets()).toEqual(Object.keys(OPEN_SETS).sort());
    for (const [field, reason] of Object.entries(OPEN_SETS))
      expect({ field, reason: reason.length > 40 }).toEqual({ field, reason: true });
  });

  it('no date is typed String; the exceptions (names that only read like dates) each say why', () => {
    expect(stringDates()).toEqual(Object.keys(NOT_DATES).sort());
    for (const [field, reason] of Object.entries(NOT_DATES))
      expect({ field, reason: reason.length > 10 }).toEqual({ field, reason: true });
  });
});
