import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '@engine/context';
import type { Role } from './roles';
import { JobQueue, jobId } from '@engine/jobs';
import { AccountChange, type AccountChangeKind } from './account-change.entity';
import { ACCOUNT_CHANGE_REPORTED_JOB } from './account.jobs';
import type { User } from './user.entity';

/**
 * Account changes are filed (备案) in the same transaction as the change, like a member unit's
 * membership change, and reported to the tenant's conveners and office after commit (a job: idempotent
 * by the change's id).
 */
@Injectable()
export class AccountFiling {
  private readonly logger = new Logger('AccountFiling');

  constructor(@Inject(JobQueue) private readonly jobs: JobQueue) {}

  async file(
    em: EntityManager,
    ctx: RequestContext | null,
    user: Pick<User, 'id' | 'tenantId'>,
    change: {
      kind: AccountChangeKind;
      rolesBefore: readonly Role[];
      rolesAfter: readonly Role[];
      reason: string;
      detail?: AccountChange['detail'];
    },
  ): Promise<AccountChange> {
    const filedById = ctx?.isAuthenticated ? ctx.caller.userId : null;
    const row = em.create(AccountChange, {
      id: randomUUID(),
      tenantId: user.tenantId!,
      userId: user.id,
      kind: change.kind,
      rolesBefore: [...change.rolesBefore],
      rolesAfter: [...change.rolesAfter],
      reason: change.reason,
      detail: { ...(change.detail ?? {}), ...(filedById ? {} : { byOperator: true }) },
      filedById,
    });
    await em.insert(AccountChange, row);
    return row;
  }

  /** After commit: a failed enqueue is logged, never fails the change. */
  async report(change: AccountChange): Promise<void> {
    try {
      await this.jobs.enqueue(
        ACCOUNT_CHANGE_REPORTED_JOB,
        { tenantId: change.tenantId, changeId: change.id },
        { jobId: jobId('account-change', change.id) },
      );
    } catch (err) {
      this.logger.warn(`could not enqueue the report of account change ${change.id}: ${(err as Error).message}`);
    }
  }
}
