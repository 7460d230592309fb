import type { EntityManager } from 'typeorm';
import type { RequestContext } from '@engine/context';
import { CaseEvent } from './case-event.entity';
import { type PetitionCase } from './case.entity';

export interface CaseStep {
  kind: string;
  note?: string | null;
  rule?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Appends a step to a case's visible history in the caller's transaction (the database audit trail
 * records the row changes beside it). Jobs record with no user.
 */
export async function recordStep(
  em: EntityManager,
  ctx: RequestContext,
  c: Pick<PetitionCase, 'id' | 'tenantId'>,
  at: Date,
  step: CaseStep,
): Promise<void> {
  await em.insert(CaseEvent, {
    tenantId: c.tenantId,
    caseId: c.id,
    kind: step.kind,
    at,
    byUserId: ctx.isAuthenticated ? ctx.caller.userId : null,
    note: step.note ?? null,
    rule: step.rule ?? null,
    data: (step.data ?? {}) as never,
  });
}
