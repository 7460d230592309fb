import { subject } from '@casl/ability';
import { In, type EntityManager } from 'typeorm';
import type { RequestContext } from '@engine/context';
import { MemberUnit } from '@core/joint-meeting/entities';
import type { Tenant } from '@core/tenancy/entities';
import type { DraftMinutesInput } from './dto/minutes.inputs';
import { MEETING_ERRORS } from './meetings.errors';
import type { Minutes, MinutesStatus } from './minutes.entity';

// The checks the minutes' steps share (minutes.service.ts): who keeps them, the status a step starts
// from, a draft's agreed items and the tenant whose approver signs.

/** Only the tenant's office drafts, submits and issues its minutes. */
export function officeKeepsMinutes(ctx: RequestContext, tenantId: string): void {
  if (!ctx.ability.can('update', subject('Minutes', { tenantId })))
    throw MEETING_ERRORS.forbidden('OFFICE_KEEPS_MINUTES');
}

/** Refuses a step on minutes that are not in one of the statuses it starts from. */
export function expectMinutesStatus(minutes: Minutes, states: MinutesStatus[]): void {
  if (!states.includes(minutes.status))
    throw MEETING_ERRORS.conflict(
      'MINUTES_WRONG_STATUS',
      { status: minutes.status, needed: states.join(' / ') },
      'input.minutesId',
    );
}

/** Each agreed item of a draft has a date or a number of days, and active owner units of the tenant. */
export async function checkAgreedItemOwners(
  em: EntityManager,
  tenantId: string,
  input: DraftMinutesInput,
): Promise<void> {
  const ids = [...new Set(input.agreedItems.flatMap((i) => i.ownerUnitIds))];
  const found = new Set(
    (
      await em.find(MemberUnit, {
        where: { id: In(ids.length ? ids : ['00000000-0000-0000-0000-000000000000']), tenantId, active: true },
      })
    ).map((u) => u.id),
  );
  input.agreedItems.forEach((item, i) => {
    if (!!item.due.date === !!item.due.amount)
      throw MEETING_ERRORS.badInput(`input.agreedItems.${i}.due`, 'DATE_OR_DAYS');
    item.ownerUnitIds.forEach((id, j) => {
      if (!found.has(id))
        throw MEETING_ERRORS.badInput(`input.agreedItems.${i}.ownerUnitIds.${j}`, 'NOT_AN_ACTIVE_UNIT');
    });
  });
}

/**
 * The tenant whose holder of `approvedBy` signs: the parent under `approverScope: PARENT`; the minutes'
 * own tenant otherwise, and also when a PARENT-scoped tenant has no parent (a standalone town signs itself).
 */
export function approverTenantOf(tenant: Pick<Tenant, 'id' | 'parentId'>, scope: 'OWN' | 'PARENT' | undefined): string {
  return scope === 'PARENT' && tenant.parentId ? tenant.parentId : tenant.id;
}
