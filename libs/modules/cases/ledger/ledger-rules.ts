import { subject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '@engine/context';
import { notify } from '@core/notifications';
import type { Tenant } from '@core/tenancy/entities';
import type { PetitionCase } from '../case.entity';
import { recordStep } from '../case-events';
import { pluginOf, type CaseRules } from '../case-rules';
import { CASE_ERRORS, pluginDeclaresNone } from '../cases.errors';
import { CaseLine } from './ledger-rules.entity';

/** The post of the plugin's principal leader (`structure.leaders` tier PRINCIPAL), e.g. 鎮委書記. */
export function principalPost(rules: CaseRules): string {
  return pluginOf(rules.tenant).structure.leaders.find((l) => l.tier === 'PRINCIPAL')?.title ?? '主要领导';
}

/** The posts of the plugin's leaders in charge (`structure.leaders` tier IN_CHARGE), e.g. 分管領導. */
export function inChargePosts(rules: CaseRules): string[] {
  return pluginOf(rules.tenant)
    .structure.leaders.filter((l) => l.tier === 'IN_CHARGE')
    .map((l) => l.title);
}

/** Whether the leader on duty answers for a petition of this channel (004 领导接待日制度 2: 来信来访). */
export function dutyCovers(rules: CaseRules, channel: string): boolean {
  const reception = rules.own.reception;
  return !!reception && (reception.channels as string[]).includes(channel);
}

/**
 * At registration (004 领导接待日制度 5): a petition of a channel the plugin's `principalAssignment` lists
 * is registered and reported to the principal leader for 批转 — PENDING, recorded, the leader told.
 */
export async function requestPrincipalAssignment(
  em: EntityManager,
  ctx: RequestContext,
  rules: CaseRules,
  c: PetitionCase,
  at: Date,
): Promise<void> {
  const rule = rules.own.principalAssignment;
  if (!rule || !(rule.channels as string[]).includes(c.channel)) return;
  const post = principalPost(rules);
  c.principalStatus = 'PENDING';
  c.principalRule = `${post}批转 — ${rule.source}`;
  await recordStep(em, ctx, c, at, { kind: 'PRINCIPAL_ASSIGNMENT_REQUESTED', note: post, rule: rule.source });
  await notify(
    em,
    c.tenantId,
    { roles: [rule.by as never] },
    {
      kind: 'CASE_PRINCIPAL_ASSIGNMENT',
      title: `信访事项报${post}批转：${c.number}`,
      body: `${c.number}已由办公室登记，报${post}批转（${rule.source}）。`,
      dedupeKey: `case-principal:${c.id}`,
    },
  );
}

/**
 * By-line responsibility (004 分线报案制度 1): the first line (in the office's order) holding the case's
 * category — or, once assigned, its responsible unit — names the leader in charge; recorded once, the
 * leader's user told. Nothing when the plugin declares no by-line rule or no line matches.
 */
export async function routeByLine(
  em: EntityManager,
  ctx: RequestContext,
  rules: CaseRules,
  c: PetitionCase,
  at: Date,
): Promise<void> {
  const rule = rules.own.byLineResponsibility;
  if (!rule || c.lineLeader) return;
  const lines = await em.find(CaseLine, { where: { tenantId: c.tenantId }, order: { position: 'ASC' } });
  const byCategory = c.category ? lines.find((l) => l.categories.includes(c.category!)) : undefined;
  const byUnit = c.responsibleUnitId ? lines.find((l) => l.unitIds.includes(c.responsibleUnitId!)) : undefined;
  const line = byCategory ?? byUnit;
  if (!line) return;
  const why = byCategory ? `category ${c.category}` : 'responsible unit';
  c.lineLeader = line.leader;
  c.lineLeaderUserId = line.userId;
  c.lineRule = `${line.post} ${line.leader}: ${why} — ${rule.source}`;
  await recordStep(em, ctx, c, at, {
    kind: 'ROUTED_BY_LINE',
    note: `${line.post} ${line.leader}`,
    rule: c.lineRule,
    data: { lineId: line.id, by: byCategory ? 'CATEGORY' : 'UNIT' },
  });
  if (line.userId) {
    await notify(
      em,
      c.tenantId,
      { userIds: [line.userId] },
      {
        kind: 'CASE_IN_LINE',
        title: `分管领域信访事项：${c.number}`,
        body: `${c.number}属您分管职责内的信访工作，请负责落实（${rule.source}）。`,
        dedupeKey: `case-line:${c.id}:${line.userId}`,
      },
    );
  }
}

/** Only the tenant's office (the ability to update its cases) may change these rules. */
export function officeOnly(ctx: RequestContext, tenant: Tenant): void {
  if (!ctx.ability.can('update', subject('PetitionCase', { tenantId: tenant.id })))
    throw CASE_ERRORS.forbidden('OFFICE_ONLY');
}

/** The plugin's by-line responsibility (004 分线报案制度), or BAD_USER_INPUT on `field` when it declares none. */
export function byLineRule(
  rules: CaseRules,
  field = 'input.tenantCode',
): NonNullable<CaseRules['own']['byLineResponsibility']> {
  const rule = rules.own.byLineResponsibility;
  if (!rule)
    throw pluginDeclaresNone(
      field,
      rules.tenant,
      { en: 'by-line responsibility', zh: '分线报案' },
      'cases.byLineResponsibility',
    );
  return rule;
}

/** The plugin's special working groups (002 四(三)), or BAD_USER_INPUT on `field` when it declares none. */
export function workingGroupsRule(rules: CaseRules, field: string): NonNullable<CaseRules['own']['workingGroups']> {
  const rule = rules.own.workingGroups;
  if (!rule)
    throw pluginDeclaresNone(
      field,
      rules.tenant,
      { en: 'special working groups', zh: '专项工作小组' },
      'cases.workingGroups',
    );
  return rule;
}
