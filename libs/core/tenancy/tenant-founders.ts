import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EffectivePlugin } from '@jm/plugin-sdk';
import type { Tx } from '@engine/database';
import type { Tenant } from './tenant.entity';

/** What an onboarding input says beyond the tenant row: names for the units the plugin only counts. */
export interface FoundingInput {
  name: string;
  countedUnitNames: readonly { kind: string; label?: string | null; names: readonly string[] }[];
}

/**
 * A context that founds its part of a newly onboarded tenant (the joint meeting: its member units and persons,
 * the township's place among its parent's units). Contexts register at construction, so tenancy, which onboards
 * and sits below them, imports none of them (docs/architecture.md, "Import rules").
 */
export interface TenantFounder {
  name: string;
  /** Refuses, before anything is read or written, an input the plugin cannot take (counted unit names). */
  check(plugin: EffectivePlugin, input: FoundingInput): void;
  /** Whether the parent already has something of the new tenant's name (an active member unit), which refuses it. */
  nameTakenUnder(em: EntityManager, parent: Tenant, name: string): Promise<boolean>;
  /** Founds its part in the onboarding transaction, once the tenant row is written. */
  found(tx: Tx, tenant: Tenant, parent: Tenant | null, plugin: EffectivePlugin, input: FoundingInput): Promise<void>;
}

/** The founders of new tenants, in registration order (a singleton of TenancyModule). */
@Injectable()
export class TenantFounders {
  private readonly list: TenantFounder[] = [];

  register(founder: TenantFounder): void {
    if (!this.list.some((f) => f.name === founder.name)) this.list.push(founder);
  }

  all(): readonly TenantFounder[] {
    return this.list;
  }
}
