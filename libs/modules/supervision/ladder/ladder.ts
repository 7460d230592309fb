import type { LadderRule } from '@jm/plugin-sdk';
import { isBottom } from '../notices/ranking';
import { daysBetween } from '@engine/calendar';
import { follows, type PeriodKind } from '../periods';

/** The kinds of supervision_action rows the ladder writes. */
export type ActionKind = 'REMINDER' | 'LISTING' | 'INTERVIEW' | 'ACCOUNTABILITY' | 'NAMED_CRITICISM';

/** A ladder rule as it applies in one tenant: the plugin's rule, and which plugin it comes from. */
export interface EffectiveRule extends LadderRule {
  pluginId: string;
  /** From an ancestor whose plugin applies to descendants (003 binding the county's townships). */
  inherited: boolean;
}

export interface UnitRef {
  unitId: string;
  targetTenantId: string | null;
}

export interface NoticeFact {
  id: string;
  number: string;
  kind: 'REGULAR' | 'SPECIAL';
  period: PeriodKind | null;
  periodStart: string;
  periodEnd: string;
  publishedAt: string;
  /** Ranked units (regular) or named units (special). */
  /** `bottom`: the notice marked the unit in its bottom band (place in the band, adverse facts, enough data). */
  entries: (UnitRef & { rank: number | null; rankedOf: number | null; bottom: boolean })[];
}

export interface ActionFact extends UnitRef {
  id: string;
  number: string;
  kind: ActionKind;
  status: string;
  openedAt: string;
  dueOn: string | null;
  /** The case the action is about (a reminder about a key case, 003 §五). */
  caseId?: string | null;
  /** Whether that case is a key case (重点案件) now: by the plugin's rule or marked by the office. */
  keyCase?: boolean;
}

export interface FlagFact extends UnitRef {
  id: string;
  reason: string;
  caseId: string | null;
}

export interface AssessmentFact extends UnitRef {
  id: string;
  period: string;
  periodStart: string;
  score: number;
}

/** What the ladder looks at, loaded by the service (recent windows only; see README "Supervision"). */
export interface LadderState {
  regularNotices: readonly NoticeFact[];
  specialNotices: readonly NoticeFact[];
  reminders: readonly ActionFact[];
  /** Flags not yet evaluated. */
  flags: readonly FlagFact[];
  /** Interviews whose rectification report is overdue, listings past their time limit: not yet acted on. */
  overdueInterviews: readonly ActionFact[];
  overdueListings: readonly ActionFact[];
  failedAssessments: readonly AssessmentFact[];
  /** Evidence already used by an action of a rule for a unit: `consumedKey(rule, unit, evidence)`. */
  consumed: ReadonlySet<string>;
}

export interface Evidence {
  kind: 'NOTICE' | 'REMINDER' | 'FLAG' | 'INTERVIEW' | 'LISTING' | 'ASSESSMENT';
  id: string;
  number?: string;
  rank?: number | null;
  rankedOf?: number | null;
  periodStart?: string;
  periodEnd?: string;
  reason?: string;
  /** A flag's reason as the source words it (set when the proposal is written). */
  reasonName?: string;
  dueOn?: string | null;
  caseId?: string | null;
}

/** One step the ladder takes: which rule, against which unit, on what evidence. */
export interface Proposal {
  rule: EffectiveRule;
  kind: ActionKind;
  unit: UnitRef;
  evidence: Evidence[];
  causedBy: string | null;
  caseId: string | null;
  dedupeKey: string;
}

export function consumedKey(ruleId: string, unitId: string, evidenceId: string): string {
  return `${ruleId}|${unitId}|${evidenceId}`;
}

/** The kind of action a step becomes when it is not a choice (REMINDER_OR_INTERVIEW: the office chooses; shown here as the milder). */
export function actionKindOf(then: LadderRule['then']): ActionKind {
  switch (then) {
    case 'REMINDER':
    case 'REMINDER_OR_INTERVIEW':
      return 'REMINDER';
    case 'INTERVIEW':
      return 'INTERVIEW';
    case 'LISTED_SUPERVISION':
      return 'LISTING';
    case 'ACCOUNTABILITY':
      return 'ACCOUNTABILITY';
    case 'NAMED_CRITICISM':
      return 'NAMED_CRITICISM';
  }
}

/** The widest bottom band any rule watches: what a notice marks as `bottom`. */
export function bottomBand(rules: readonly LadderRule[]): number {
  return rules.reduce(
    (n, r) => (r.when.kind === 'BOTTOM_IN_CONSECUTIVE_REGULAR_NOTICES' ? Math.max(n, r.when.bottom) : n),
    0,
  );
}

/** How many of the latest notices (or reminders per unit) a rule set needs to see: twice its longest run. */
export function lookback(rules: readonly LadderRule[]): number {
  const longest = rules.reduce((n, r) => ('consecutive' in r.when ? Math.max(n, r.when.consecutive) : n), 1);
  return 2 * longest;
}

const noticeEvidence = (n: NoticeFact, e: NoticeFact['entries'][number]): Evidence => ({
  kind: 'NOTICE',
  id: n.id,
  number: n.number,
  rank: e.rank,
  rankedOf: e.rankedOf,
  periodStart: n.periodStart,
  periodEnd: n.periodEnd,
});

const actionEvidence = (kind: Evidence['kind'], a: ActionFact): Evidence => ({
  kind,
  id: a.id,
  number: a.number,
  dueOn: a.dueOn,
  ...(a.caseId ? { caseId: a.caseId } : {}),
});

function proposal(
  rule: EffectiveRule,
  unit: UnitRef,
  evidence: Evidence[],
  causedBy: string | null,
  caseId: string | null = null,
): Proposal {
  return {
    rule,
    kind: actionKindOf(rule.then),
    unit: { unitId: unit.unitId, targetTenantId: unit.targetTenantId },
    evidence,
    causedBy,
    caseId,
    dedupeKey: `${rule.id}:${unit.unitId}:${evidence.map((e) => e.id).join(',')}`,
  };
}

/**
 * Runs of `consecutive` items per unit, oldest first. An item breaks the run when it does not qualify,
 * was already used as evidence by this rule for this unit (each run fires once: a third bottom place
 * after a fired pair starts a new pair), or does not follow the previous one.
 */
function runs<T extends { id: string }>(
  rule: EffectiveRule,
  unitId: string,
  items: readonly T[],
  consecutive: number,
  qualifies: (item: T) => boolean,
  consumed: ReadonlySet<string>,
  adjacent: (prev: T, next: T) => boolean = () => true,
): T[][] {
  const out: T[][] = [];
  let run: T[] = [];
  for (const item of items) {
    if (!qualifies(item) || consumed.has(consumedKey(rule.id, unitId, item.id))) {
      run = [];
      continue;
    }
    run = run.length && !adjacent(run[run.length - 1], item) ? [item] : [...run, item];
    if (run.length === consecutive) {
      out.push(run);
      run = [];
    }
  }
  return out;
}

function noticeRuns(
  rule: EffectiveRule,
  notices: readonly NoticeFact[],
  consecutive: number,
  qualifies: (e: NoticeFact['entries'][number]) => boolean,
  consumed: ReadonlySet<string>,
  byPeriod: boolean,
): Proposal[] {
  const out: Proposal[] = [];
  // Regular notices run per period kind (monthly with monthly); special notices form one sequence.
  const groups = new Map<string, NoticeFact[]>();
  for (const n of notices) {
    const key = byPeriod ? (n.period ?? '') : '';
    const group = groups.get(key);
    if (group) group.push(n);
    else groups.set(key, [n]);
  }
  for (const group of groups.values()) {
    const ordered = [...group].sort((a, b) =>
      byPeriod
        ? a.periodStart.localeCompare(b.periodStart)
        : a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id),
    );
    const entryOf = ordered.map((n) => new Map(n.entries.map((e) => [e.unitId, e])));
    const units = new Map<string, UnitRef>();
    for (const n of ordered) for (const e of n.entries) units.set(e.unitId, e);
    for (const unit of units.values()) {
      const indexed = ordered.map((n, i) => ({ id: n.id, n, e: entryOf[i].get(unit.unitId) }));
      const found = runs(
        rule,
        unit.unitId,
        indexed,
        consecutive,
        (x) => x.e !== undefined && qualifies(x.e),
        consumed,
        byPeriod
          ? (a, b) =>
              follows({ start: a.n.periodStart, end: a.n.periodEnd }, { start: b.n.periodStart, end: b.n.periodEnd })
          : undefined,
      );
      for (const run of found)
        out.push(
          proposal(
            rule,
            unit,
            run.map((x) => noticeEvidence(x.n, x.e!)),
            null,
          ),
        );
    }
  }
  return out;
}

/**
 * Evaluates every rule against the state and proposes the steps to take. Pure: the service writes the
 * proposals (idempotently, by dedupe key) and re-evaluates until nothing new is proposed, so a second
 * reminder written in one pass can list the unit in the next.
 */
export function evaluateLadder(rules: readonly EffectiveRule[], state: LadderState): Proposal[] {
  const out: Proposal[] = [];
  for (const rule of rules) {
    const when = rule.when;
    switch (when.kind) {
      case 'BOTTOM_IN_CONSECUTIVE_REGULAR_NOTICES':
        out.push(
          ...noticeRuns(
            rule,
            state.regularNotices,
            when.consecutive,
            (e) => e.bottom && e.rank !== null && e.rankedOf !== null && isBottom(e.rank, e.rankedOf, when.bottom),
            state.consumed,
            true,
          ),
        );
        break;
      case 'CONSECUTIVE_SPECIAL_NOTICES':
        out.push(...noticeRuns(rule, state.specialNotices, when.consecutive, () => true, state.consumed, false));
        break;
      case 'CONSECUTIVE_REMINDERS': {
        // 003 §五 (about: KEY_CASE): the reminders about one key case, and the step lists that case;
        // reminders about other matters, about a case that is not a key case, or about no case (those the
        // notices led to), do not add up. `about: CASE` groups by case, key or not.
        const byCase = when.about === 'CASE' || when.about === 'KEY_CASE';
        const groups = new Map<string, ActionFact[]>();
        for (const r of state.reminders) {
          if (byCase && !r.caseId) continue;
          if (when.about === 'KEY_CASE' && !r.keyCase) continue;
          const key = byCase ? `${r.unitId}|${r.caseId}` : r.unitId;
          const list = groups.get(key);
          if (list) list.push(r);
          else groups.set(key, [r]);
        }
        const withinDays = when.withinDays;
        const near = withinDays
          ? (a: ActionFact, b: ActionFact) =>
              daysBetween(a.openedAt.slice(0, 10), b.openedAt.slice(0, 10)) <= withinDays
          : undefined;
        for (const reminders of groups.values()) {
          const ordered = [...reminders].sort(
            (a, b) => a.openedAt.localeCompare(b.openedAt) || a.number.localeCompare(b.number),
          );
          for (const run of runs(
            rule,
            ordered[0].unitId,
            ordered,
            when.consecutive,
            () => true,
            state.consumed,
            near,
          )) {
            out.push(
              proposal(
                rule,
                run[0],
                run.map((r) => actionEvidence('REMINDER', r)),
                run[run.length - 1].id,
                byCase ? (run[0].caseId ?? null) : null,
              ),
            );
          }
        }
        break;
      }
      case 'FLAGGED':
        for (const f of state.flags) {
          if (when.reasons.includes(f.reason))
            out.push(proposal(rule, f, [{ kind: 'FLAG', id: f.id, reason: f.reason }], null, f.caseId));
        }
        break;
      case 'RECTIFICATION_OVERDUE':
        for (const i of state.overdueInterviews) out.push(proposal(rule, i, [actionEvidence('INTERVIEW', i)], i.id));
        break;
      case 'LISTING_OVERDUE':
        for (const l of state.overdueListings) out.push(proposal(rule, l, [actionEvidence('LISTING', l)], l.id));
        break;
      case 'ASSESSMENT_FAILED':
        for (const a of state.failedAssessments) {
          out.push(proposal(rule, a, [{ kind: 'ASSESSMENT', id: a.id, periodStart: a.periodStart }], null));
        }
        break;
    }
  }
  return out;
}
