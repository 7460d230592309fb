import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '@core/identity/entities';

/** An in-app notice, one per user and dedupe key. */
export interface TenantNotice {
  kind: string;
  title: string;
  body: string;
  dedupeKey: string;
}

/** Delivers a notice to a tenant's active holders of some roles, inside the caller's transaction; how many. */
export type SendNotice = (
  em: EntityManager,
  tenantId: string,
  to: { roles: Role[] },
  notice: TenantNotice,
) => Promise<number>;

/**
 * The door through which tenancy sends an in-app notice in its own transaction (a rules change waiting for the
 * superior's office). The notifications context, which sits above tenancy, registers its `notify()` here at
 * construction, so tenancy imports nothing of it (docs/architecture.md, "Import rules").
 */
@Injectable()
export class TenantNotices {
  private send: SendNotice | null = null;

  register(send: SendNotice): void {
    this.send = send;
  }

  notify(em: EntityManager, tenantId: string, to: { roles: Role[] }, notice: TenantNotice): Promise<number> {
    if (!this.send) throw new Error('no sender of notices is registered: compose the notifications context');
    return this.send(em, tenantId, to, notice);
  }
}
