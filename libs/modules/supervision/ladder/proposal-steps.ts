import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { CalendarService } from '@core/calendar';
import { deadlineBasis } from '../deadline-basis';
import type { ActionSpec } from './action-writer';
import { ActionStatus, SupervisionActionKind } from '../enums';
import type { ProposedStep, SupervisionProposal } from './proposal.entity';
import type { SupervisedUnit, SupervisionRules } from '../supervision-rules';

/** The kinds of action a proposed step may be confirmed as: 提醒或约谈 (003 §三) is the office's choice. */
export function optionsOf(step: ProposedStep): SupervisionActionKind[] {
  switch (step) {
    case 'REMINDER':
      return [SupervisionActionKind.REMINDER];
    case 'REMINDER_OR_INTERVIEW':
      return [SupervisionActionKind.REMINDER, SupervisionActionKind.INTERVIEW];
    case 'INTERVIEW':
      return [SupervisionActionKind.INTERVIEW];
    case 'LISTED_SUPERVISION':
      return [SupervisionActionKind.LISTING];
    case 'ACCOUNTABILITY':
      return [SupervisionActionKind.ACCOUNTABILITY];
    case 'NAMED_CRITICISM':
      return [SupervisionActionKind.NAMED_CRITICISM];
  }
}

/** What the office confirmed: the kind, and for a reminder its severity and channel, for an interview its severity. */
export interface ConfirmedStep {
  kind: SupervisionActionKind;
  severity: string | null;
  channel: string | null;
  decidedBy: string | null;
  note: string | null;
}

/** Notice-driven steps are filed with the departments notices are recorded with (003 §三: 报送…备案). */
export function recordedWithOf(rules: SupervisionRules, proposal: SupervisionProposal): string[] {
  const kind = (proposal.facts.rule as { when?: { kind?: string } } | undefined)?.when?.kind;
  const noticeDriven = kind === 'BOTTOM_IN_CONSECUTIVE_REGULAR_NOTICES' || kind === 'CONSECUTIVE_SPECIAL_NOTICES';
  return noticeDriven ? (rules.notices?.recordedWith ?? []) : [];
}

/** Builds the action a confirmed proposal becomes (the step, its first status, the listing's first step and time limit). */
@Injectable()
export class ProposalSteps {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CalendarService) private readonly calendar: CalendarService,
  ) {}

  async spec(
    ctx: RequestContext,
    rules: SupervisionRules,
    proposal: SupervisionProposal,
    unit: SupervisedUnit,
    step: ConfirmedStep,
    today: string,
  ): Promise<ActionSpec> {
    const summary = typeof proposal.facts.summary === 'string' ? proposal.facts.summary : proposal.ruleId;
    const evidence = Array.isArray(proposal.facts.evidence)
      ? (proposal.facts.evidence as { kind?: string; reason?: string }[])
      : [];
    const base = {
      unit,
      caseId: proposal.caseId,
      ruleId: proposal.ruleId,
      ruleSource: proposal.ruleSource,
      facts: { ...proposal.facts, proposalId: proposal.id, confirmedBy: step.decidedBy, automatic: proposal.automatic },
      causedBy: proposal.causedById,
      dedupeKey: proposal.dedupeKey,
      openedBy: step.decidedBy,
      detail: {
        reasonName: summary,
        ...(evidence[0]?.kind === 'FLAG' && evidence[0].reason ? { reasonCode: evidence[0].reason } : {}),
        ...(step.note ? { note: step.note } : {}),
      },
    };
    switch (step.kind) {
      case SupervisionActionKind.REMINDER:
        return {
          ...base,
          kind: SupervisionActionKind.REMINDER,
          severity: step.severity,
          channel: step.channel,
          status: ActionStatus.ISSUED,
        };
      case SupervisionActionKind.LISTING: {
        const listed = rules.listedSupervision?.rule;
        const first = listed?.steps[0];
        const due = listed?.timeLimit ? await this.calendar.due(ctx, rules.tenant.id, today, listed.timeLimit) : null;
        return {
          ...base,
          kind: SupervisionActionKind.LISTING,
          status: ActionStatus.ACTIVE,
          currentStep: first?.code ?? null,
          steps: first
            ? [
                {
                  code: first.code,
                  name: first.name,
                  at: this.clock.now().toISOString(),
                  byUserId: step.decidedBy,
                  note: step.note ?? summary,
                  passed: null,
                },
              ]
            : [],
          dueOn: due?.date ?? null,
          dueProvisional: due?.provisional ?? false,
          // 003 §五: 挂牌督办事项纳入重点调度、专项督导和实地督查范围 — the scope the plugin names.
          detail: {
            ...base.detail,
            ...(listed?.scope?.length ? { scope: listed.scope } : {}),
            // The plugin's time limit with its article or as a default (D5); else the office sets it later.
            ...(due && listed?.timeLimit
              ? {
                  dueSetBy: 'RULES',
                  dueBasis: deadlineBasis(
                    listed.timeLimit,
                    rules.listedSupervision?.inherited ? rules.listedSupervision.pluginId : null,
                  ),
                }
              : {}),
          },
        };
      }
      case SupervisionActionKind.INTERVIEW:
        return {
          ...base,
          kind: SupervisionActionKind.INTERVIEW,
          severity: step.severity ?? 'GENERAL',
          status: ActionStatus.PLANNED,
        };
      case SupervisionActionKind.ACCOUNTABILITY:
        return {
          ...base,
          kind: SupervisionActionKind.ACCOUNTABILITY,
          status: ActionStatus.OPEN,
          detail: { ...base.detail, backwardTracing: rules.accountability?.rule.backwardTracing ?? false },
        };
      case SupervisionActionKind.NAMED_CRITICISM:
        return { ...base, kind: SupervisionActionKind.NAMED_CRITICISM, status: ActionStatus.ISSUED };
    }
  }
}
