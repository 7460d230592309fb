import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { shanghaiDateOf } from '@engine/calendar';
import { storedBasis } from '../deadline-basis';
import { Clock } from '@engine/clock';
import { Role } from '@core/identity';
import { holdersOf } from '@engine/access';
import type { Tenant } from '@core/tenancy/entities';
import { SupervisionAction, type SupervisionStep } from './action.entity';
import { OutboxChannel, SupervisionActionKind } from '../enums';
import { OutboxService, type OutboxDraft } from '../outbox/outbox.service';
import { nextNumber, roleRecipients, unitRecipients, type SupervisedUnit } from '../supervision-rules';

export interface ActionSpec {
  kind: SupervisionActionKind;
  unit: SupervisedUnit;
  caseId?: string | null;
  ruleId: string | null;
  ruleSource: string;
  facts: Record<string, unknown>;
  severity?: string | null;
  channel?: string | null;
  status: string;
  currentStep?: string | null;
  steps?: SupervisionStep[];
  detail?: Record<string, unknown>;
  dueOn?: string | null;
  dueProvisional?: boolean;
  causedBy?: string | null;
  dedupeKey: string;
  openedBy: string | null;
}

const KIND_WORDS: Readonly<Record<SupervisionActionKind, string>> = {
  REMINDER: '提醒',
  LISTING: '挂牌督办',
  INTERVIEW: '约谈',
  ACCOUNTABILITY: '责任追究',
  NAMED_CRITICISM: '点名批评',
};

/** The URL path of a reminder letter (提醒函). */
export const letterPath = (actionId: string): string => `/documents/reminders/${actionId}.docx`;

/**
 * Writes supervision actions and, in the same transaction, what they send: in-app notes to the unit's
 * users (a township's leaders), an SMS or a letter for reminders as the plugin's channel says, a note to
 * the conveners for accountability, and the filing with the departments a notice-driven step is recorded
 * with (003 §三: 报送县目标绩效、组织人事、纪检监察部门备案).
 */
@Injectable()
export class ActionWriter {
  constructor(
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Creates the action unless one with the same dedupe key exists (then null). */
  async create(
    em: EntityManager,
    tenant: Tenant,
    spec: ActionSpec,
    recordedWith: readonly string[] = [],
  ): Promise<SupervisionAction | null> {
    if (await em.exists(SupervisionAction, { where: { tenantId: tenant.id, dedupeKey: spec.dedupeKey } })) return null;
    const now = this.clock.now();
    const number = await nextNumber(em, tenant, spec.kind, shanghaiDateOf(now).slice(0, 4));
    const action = await em.save(
      em.create(SupervisionAction, {
        tenantId: tenant.id,
        number,
        kind: spec.kind,
        targetUnitId: spec.unit.id,
        targetTenantId: spec.unit.childTenantId,
        caseId: spec.caseId ?? null,
        ruleId: spec.ruleId,
        ruleSource: spec.ruleSource,
        facts: spec.facts,
        severity: spec.severity ?? null,
        channel: spec.channel ?? null,
        status: spec.status,
        currentStep: spec.currentStep ?? null,
        steps: spec.steps ?? [],
        detail: spec.detail ?? {},
        dueOn: spec.dueOn ?? null,
        dueProvisional: spec.dueProvisional ?? false,
        causedById: spec.causedBy ?? null,
        dedupeKey: spec.dedupeKey,
        openedById: spec.openedBy,
        openedAt: now,
        closedAt: null,
      }),
    );
    const drafts = await this.openingMessages(em, tenant, action, spec.unit);
    for (const department of recordedWith) {
      drafts.push({
        channel: OutboxChannel.EMAIL,
        recipient: `department:${department}`,
        subject: `备案：${action.number}`,
        body: `${tenant.name}对${spec.unit.name}${KIND_WORDS[action.kind]}（${action.ruleSource}），报送备案。`,
        dedupeKey: `action:${action.id}:recorded:${department}`,
        refId: action.id,
      });
    }
    await this.outbox.write(em, tenant.id, drafts);
    return action;
  }

  /** An in-app note to the unit's users about a later step (an interview held, a listing advanced). */
  async notifyUnit(
    em: EntityManager,
    tenant: Tenant,
    action: SupervisionAction,
    unitId: string,
    event: string,
    subjectText: string,
    body: string,
  ): Promise<void> {
    const users = (await unitRecipients(em, [unitId])).get(unitId) ?? [];
    await this.outbox.write(
      em,
      tenant.id,
      users.map((u) => ({
        channel: OutboxChannel.IN_APP,
        recipient: `user:${u}`,
        subject: subjectText,
        body,
        dedupeKey: `action:${action.id}:${event}:${u}`,
        refId: action.id,
      })),
    );
  }

  private async openingMessages(
    em: EntityManager,
    tenant: Tenant,
    action: SupervisionAction,
    unit: SupervisedUnit,
  ): Promise<OutboxDraft[]> {
    const users = (await unitRecipients(em, [unit.id])).get(unit.id) ?? [];
    const subjectText = `${KIND_WORDS[action.kind]}：${action.number}`;
    const reason = typeof action.detail.reasonName === 'string' ? `，事由：${action.detail.reasonName}` : '';
    const body = `${tenant.name}信访工作联席会议对${unit.name}${KIND_WORDS[action.kind]}（${action.ruleSource}${reason}${dueWords(action)}）。`;
    const inApp = (recipients: readonly string[], tag: string): OutboxDraft[] =>
      recipients.map((u) => ({
        channel: OutboxChannel.IN_APP,
        recipient: `user:${u}`,
        subject: subjectText,
        body,
        dedupeKey: `action:${action.id}:${tag}:${u}`,
        refId: action.id,
      }));
    const drafts = inApp(users, 'opened');
    if (action.kind === SupervisionActionKind.REMINDER && action.channel === OutboxChannel.SMS) {
      drafts.push(
        ...users.map((u) => ({
          channel: OutboxChannel.SMS,
          recipient: `user:${u}`,
          subject: subjectText,
          body,
          dedupeKey: `action:${action.id}:sms:${u}`,
          refId: action.id,
        })),
      );
    }
    if (action.kind === SupervisionActionKind.REMINDER && action.channel === OutboxChannel.LETTER) {
      drafts.push({
        channel: OutboxChannel.LETTER,
        recipient: `unit:${unit.id}`,
        subject: `提醒函 ${action.number}`,
        body: `${body}提醒函：${letterPath(action.id)}`,
        dedupeKey: `action:${action.id}:letter`,
        refId: action.id,
      });
    }
    if (action.kind === SupervisionActionKind.ACCOUNTABILITY) {
      drafts.push(...inApp(await roleRecipients(em, tenant.id, holdersOf(Role.CONVENER)), 'conveners'));
    }
    return drafts;
  }
}

/**
 * A time limit in a notification with where it comes from (D5): the office's date (责令限期), or the
 * plugin's figure with the article that states it, or 平台默认期限 — never left to read as the article's.
 */
export function dueWords(action: Pick<SupervisionAction, 'dueOn' | 'detail'>): string {
  if (!action.dueOn) return '';
  const basis = storedBasis(action.detail?.dueBasis);
  if (basis) return `，时限${action.dueOn}，${basis.words}`;
  if (action.detail?.dueSetBy === 'OFFICE') return `，时限${action.dueOn}（联席办确定）`;
  return `，时限${action.dueOn}`;
}
