import { unitScope } from '@engine/access';
import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import type { Page } from '@engine/graphql';
import { AppError } from '@engine/errors';
import { SUPERVISION_ERRORS, REMINDERS } from '../supervision.errors';
import { JobQueue } from '@engine/jobs';
import { RulesChangeParticipants, touchedKeys, type AffectedItem, type RulesChangeView } from '@engine/plugins';
import { Tenant } from '@core/tenancy/entities';
import type { SupervisionAction } from './action.entity';
import { ActionWriter } from './action-writer';
import type { ConfirmSupervisionProposalInput, DismissSupervisionProposalInput } from './dto/proposals.inputs';
import { OutboxChannel, SupervisionActionKind } from '../enums';
import { afterDecision } from '../jobs';
import type { Evidence, Proposal } from './ladder';
import { describeTrigger, reasonName } from './trigger-words';
import { SupervisionProposal, type ProposalStatus } from './proposal.entity';
import { proposalsPage } from './proposals.query';
import { ProposalSteps, optionsOf, recordedWithOf, type ConfirmedStep } from './proposal-steps';
import {
  supervisionRulesOf,
  tenantByCode,
  unitsByIds,
  type SupervisedUnit,
  type SupervisionRules,
} from '../supervision-rules';

const decided = (status: string): AppError => SUPERVISION_ERRORS.conflict('PROPOSAL_ALREADY_DECIDED', { status });

/**
 * Proposals (建议): the ladder's steps before a person decides. The ladder writes them with the rule,
 * the article and the evidence; the office confirms (then the action is created, sent and filed) or
 * dismisses them with a reason. A rule the plugin declares automatic — a reminder only — is confirmed as
 * it is written, and says so.
 */
@Injectable()
export class ProposalsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(ActionWriter) private readonly writer: ActionWriter,
    @Inject(ProposalSteps) private readonly steps: ProposalSteps,
    @Inject(RulesChangeParticipants) rulesChanges: RulesChangeParticipants,
  ) {
    rulesChanges.register({ name: 'supervision-proposals', affected: (em, view) => this.affectedByRules(em, view) });
  }

  /**
   * A rules change and the ladder: a pending proposal (PROPOSED) of a ladder rule the change alters or
   * removes is listed; it stays as proposed — a person confirms or dismisses it (003 proposals), with the
   * rule and article it was proposed under.
   */
  private async affectedByRules(em: EntityManager, view: RulesChangeView): Promise<AffectedItem[]> {
    const touched = touchedKeys(view.changes, 'supervision.ladder');
    if (!touched.length) return [];
    const rows = await em.find(SupervisionProposal, {
      where: { tenantId: view.tenantId, status: 'PROPOSED' },
      order: { proposedAt: 'ASC' },
    });
    return rows
      .filter((p) => touched.includes(p.ruleId))
      .map((p) => {
        const removed = !view.after.supervision.ladder.some((r) => r.id === p.ruleId);
        return {
          kind: 'SUPERVISION_PROPOSAL',
          id: p.id,
          label: `${p.ruleId} → ${p.step} (${p.ruleSource})`,
          paths: view.changes
            .map((c) => c.path)
            .filter((x) => x === `supervision.ladder[${p.ruleId}]` || x.startsWith(`supervision.ladder[${p.ruleId}].`)),
          effect: removed
            ? 'stays PROPOSED under the rule it was proposed by; the new rules no longer have that rule — the office confirms or dismisses it'
            : 'stays PROPOSED as proposed under the rule in force when it fired; the office confirms or dismisses it',
        };
      });
  }

  /** The ladder's write, in its transaction: a new proposal (null when the same step was proposed before). Automatic rules are confirmed at once. */
  async propose(
    em: EntityManager,
    ctx: RequestContext,
    rules: SupervisionRules,
    p: Proposal,
    unit: SupervisedUnit,
    today: string,
  ): Promise<SupervisionProposal | null> {
    const tenant = rules.tenant;
    if (await em.exists(SupervisionProposal, { where: { tenantId: tenant.id, dedupeKey: p.dedupeKey } })) return null;
    const automatic = p.rule.automatic === true && p.rule.then === 'REMINDER';
    const sections = {
      interviews: rules.interviews?.rule,
      reminders: rules.reminders?.rule,
      accountability: rules.accountability?.rule,
    };
    // The flag's reason as the source words it, in the evidence and in the trigger (never the code alone).
    const evidence = p.evidence.map((e): Evidence =>
      e.kind === 'FLAG' && typeof e.reason === 'string'
        ? { ...e, reasonName: reasonName(p.rule.when, e.reason, sections) }
        : e,
    );
    const flagged = evidence.find((e) => e.kind === 'FLAG' && e.reasonName)?.reasonName;
    const summary = flagged ? `经办公室认定：${flagged}` : describeTrigger(p.rule.when, sections);
    const proposal = await em.save(
      em.create(SupervisionProposal, {
        tenantId: tenant.id,
        ruleId: p.rule.id,
        ruleSource: p.rule.source,
        step: p.rule.then,
        targetUnitId: unit.id,
        targetTenantId: unit.childTenantId,
        caseId: p.caseId,
        causedById: p.causedBy,
        facts: {
          rule: {
            id: p.rule.id,
            when: p.rule.when,
            then: p.rule.then,
            source: p.rule.source,
            pluginId: p.rule.pluginId,
            inherited: p.rule.inherited,
            automatic,
          },
          summary,
          evidence,
          ...(p.evidence[0]?.kind === 'ASSESSMENT' ? { assessmentId: p.evidence[0].id } : {}),
        },
        severity: p.rule.severity ?? null,
        automatic,
        dedupeKey: p.dedupeKey,
        status: 'PROPOSED',
        proposedAt: this.clock.now(),
        decidedAt: null,
        decidedById: null,
        decision: null,
        actionId: null,
      }),
    );
    if (automatic) {
      const severity = p.rule.severity ?? 'GENERAL';
      await this.take(
        em,
        ctx,
        rules,
        proposal,
        unit,
        {
          kind: SupervisionActionKind.REMINDER,
          severity,
          channel: this.channelOf(rules, severity),
          decidedBy: null,
          note: null,
        },
        today,
      );
    }
    return this.described(em, [proposal]).then((r) => r[0]);
  }

  async list(
    ctx: RequestContext,
    tenantCode: string,
    status: ProposalStatus | undefined,
    limit: number,
  ): Promise<SupervisionProposal[]> {
    if (unitScope(ctx)) throw SUPERVISION_ERRORS.forbidden('PROPOSALS_READERS');
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      const rows = await em.find(SupervisionProposal, {
        where: { tenantId: tenant.id, ...(status ? { status } : {}) },
        order: { proposedAt: 'DESC', id: 'DESC' },
        take: limit,
      });
      return this.described(em, rows);
    });
  }

  /** One page of the proposals, latest proposed first, described as `list` describes them. */
  async page(
    ctx: RequestContext,
    tenantCode: string,
    status: ProposalStatus | undefined,
    limit: number,
    after: string | null,
  ): Promise<Page<SupervisionProposal>> {
    if (unitScope(ctx)) throw SUPERVISION_ERRORS.forbidden('PROPOSALS_READERS');
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      const page = await proposalsPage(em, tenant.id, status, limit, after);
      return { items: await this.described(em, page.items), nextCursor: page.nextCursor };
    });
  }

  async confirm(ctx: RequestContext, input: ConfirmSupervisionProposalInput): Promise<SupervisionProposal> {
    const result = await this.db.run(ctx, async (tx) => {
      const { proposal, tenant, rules } = await this.decidable(tx.em, ctx, input.proposalId, 'confirm');
      const options = optionsOf(proposal.step);
      let kind = input.kind;
      if (!kind) {
        if (options.length > 1)
          throw SUPERVISION_ERRORS.badInput('input.kind', 'KIND_CHOICE_LEFT_TO_OFFICE', { allowed: options });
        kind = options[0];
      }
      if (!options.includes(kind)) throw SUPERVISION_ERRORS.badInput('input.kind', 'NOT_ONE_OF', { allowed: options });
      const step = this.validatedStep(rules, proposal, kind, input, ctx.caller.userId);
      const unit = (await unitsByIds(tx.em, [proposal.targetUnitId])).get(proposal.targetUnitId);
      if (!unit?.active) throw SUPERVISION_ERRORS.conflict('UNIT_INACTIVE');
      await this.take(tx.em, ctx, rules, proposal, unit, step, shanghaiDateOf(this.clock.now()));
      return { tenantId: tenant.id, proposal: (await this.described(tx.em, [proposal]))[0] };
    });
    await afterDecision(this.jobs, result.tenantId, { ladder: true });
    return result.proposal;
  }

  async dismiss(ctx: RequestContext, input: DismissSupervisionProposalInput): Promise<SupervisionProposal> {
    return this.db.run(ctx, async (tx) => {
      const { proposal } = await this.decidable(tx.em, ctx, input.proposalId, 'dismiss');
      proposal.status = 'DISMISSED';
      proposal.decidedAt = this.clock.now();
      proposal.decidedById = ctx.caller.userId;
      proposal.decision = { dismissed: true, reason: input.reason };
      await tx.em.update(
        SupervisionProposal,
        { tenantId: proposal.tenantId, id: proposal.id },
        {
          status: proposal.status,
          decidedAt: proposal.decidedAt,
          decidedById: proposal.decidedById,
          decision: proposal.decision as never,
        },
      );
      return (await this.described(tx.em, [proposal]))[0];
    });
  }

  /** Creates the action (sent and filed through the outbox) and marks the proposal confirmed. */
  private async take(
    em: EntityManager,
    ctx: RequestContext,
    rules: SupervisionRules,
    proposal: SupervisionProposal,
    unit: SupervisedUnit,
    step: ConfirmedStep,
    today: string,
  ): Promise<SupervisionAction | null> {
    const spec = await this.steps.spec(ctx, rules, proposal, unit, step, today);
    const action = await this.writer.create(em, rules.tenant, spec, recordedWithOf(rules, proposal));
    proposal.status = 'CONFIRMED';
    proposal.decidedAt = this.clock.now();
    proposal.decidedById = step.decidedBy;
    proposal.decision = {
      kind: step.kind,
      severity: step.severity,
      channel: step.channel,
      note: step.note,
      automatic: step.decidedBy === null,
    };
    proposal.actionId = action?.id ?? null;
    if (!action) throw decided('acted on');
    await em.update(
      SupervisionProposal,
      { tenantId: proposal.tenantId, id: proposal.id },
      {
        status: proposal.status,
        decidedAt: proposal.decidedAt,
        decidedById: proposal.decidedById,
        decision: proposal.decision as never,
        actionId: proposal.actionId,
      },
    );
    return action;
  }

  private validatedStep(
    rules: SupervisionRules,
    proposal: SupervisionProposal,
    kind: SupervisionActionKind,
    input: ConfirmSupervisionProposalInput,
    userId: string | null,
  ): ConfirmedStep {
    const note = input.note ?? null;
    if (kind === SupervisionActionKind.REMINDER) {
      if (!rules.reminders) throw SUPERVISION_ERRORS.badInput('input.kind', 'RULES_PROVIDE_NONE', { what: REMINDERS });
      const severity = input.severity ?? proposal.severity;
      if (!severity) throw SUPERVISION_ERRORS.badInput('input.severity', 'REMINDER_SEVERITY_CHOOSE');
      if (severity !== 'GENERAL' && severity !== 'KEY')
        throw SUPERVISION_ERRORS.badInput('input.severity', 'REMINDER_SEVERITY');
      return { kind, severity, channel: input.channel ?? this.channelOf(rules, severity), decidedBy: userId, note };
    }
    if (input.channel) throw SUPERVISION_ERRORS.badInput('input.channel', 'CHANNEL_ONLY_FOR_REMINDER');
    if (kind === SupervisionActionKind.INTERVIEW) {
      const severity = input.severity ?? 'GENERAL';
      if (severity !== 'GENERAL' && severity !== 'SERIOUS')
        throw SUPERVISION_ERRORS.badInput('input.severity', 'INTERVIEW_SEVERITY');
      return { kind, severity, channel: null, decidedBy: userId, note };
    }
    if (input.severity) throw SUPERVISION_ERRORS.badInput('input.severity', 'SEVERITY_NOT_APPLICABLE');
    return { kind, severity: null, channel: null, decidedBy: userId, note };
  }

  private channelOf(rules: SupervisionRules, severity: string): string {
    return rules.reminders?.rule.channels[severity as 'GENERAL' | 'KEY'] ?? OutboxChannel.IN_APP;
  }

  /** The proposal, still PROPOSED, in a tenant where the caller is the office (else NOT_FOUND / FORBIDDEN / CONFLICT). */
  private async decidable(
    em: EntityManager,
    ctx: RequestContext,
    id: string,
    verb: string,
  ): Promise<{ proposal: SupervisionProposal; tenant: Tenant; rules: SupervisionRules }> {
    const proposal = await em.findOne(SupervisionProposal, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!proposal || unitScope(ctx)) throw AppError.notFound('Proposal');
    if (!ctx.ability.can('create', subject('SupervisionAction', { tenantId: proposal.tenantId })))
      throw SUPERVISION_ERRORS.forbidden('OFFICE_DECIDES_PROPOSAL', { verb });
    if (proposal.status !== 'PROPOSED') throw decided(proposal.status.toLowerCase());
    const tenant = await em.findOne(Tenant, { where: { id: proposal.tenantId } });
    if (!tenant) throw AppError.notFound('Proposal');
    return { proposal, tenant, rules: await supervisionRulesOf(em, tenant) };
  }

  private async described(em: EntityManager, rows: SupervisionProposal[]): Promise<SupervisionProposal[]> {
    const units = await unitsByIds(
      em,
      rows.map((r) => r.targetUnitId),
    );
    return rows.map((r) => {
      const u = units.get(r.targetUnitId);
      return Object.assign(r, {
        options: optionsOf(r.step),
        unitName: u?.name ?? '',
        unitKind: u?.kind,
        targetTenantCode: u?.childTenantCode ?? null,
      });
    });
  }
}
