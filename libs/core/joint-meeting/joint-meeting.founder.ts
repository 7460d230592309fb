import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EffectivePlugin } from '@jm/plugin-sdk';
import type { Tx } from '@engine/database';
import { TenantFounders, type FoundingInput, type TenantFounder } from '@core/tenancy';
import type { Tenant } from '@core/tenancy/entities';
import { assignCountedNames } from './counted-names';
import { JointMeetingService } from './joint-meeting.service';
import { MemberUnit } from './member-unit.entity';

/**
 * The joint meeting's part of onboarding a tenant (tenancy's TenantFounder, registered at construction): the
 * counted unit names are checked before anything is written, a parent's active unit of the same name refuses
 * the township, then the new tenant's member units and persons are created and the township joins its parent's
 * joint meeting as a TOWNSHIP unit.
 */
@Injectable()
export class JointMeetingFounder implements TenantFounder {
  readonly name = 'joint-meeting';

  constructor(
    @Inject(TenantFounders) founders: TenantFounders,
    @Inject(JointMeetingService) private readonly jointMeeting: JointMeetingService,
  ) {
    founders.register(this);
  }

  /** Refuses, before anything is written, a name list that cannot name the plugin's counted units (D2). */
  check(plugin: EffectivePlugin, input: FoundingInput): void {
    assignCountedNames(
      plugin.countedMemberUnits,
      input.countedUnitNames,
      plugin.memberUnits.flatMap((u) => [u.name, ...u.aliases]),
    );
  }

  nameTakenUnder(em: EntityManager, parent: Tenant, name: string): Promise<boolean> {
    return em.exists(MemberUnit, { where: { tenantId: parent.id, name, active: true } });
  }

  async found(
    tx: Tx,
    tenant: Tenant,
    parent: Tenant | null,
    plugin: EffectivePlugin,
    input: FoundingInput,
  ): Promise<void> {
    await this.jointMeeting.createInitialUnits(tx, tenant.id, plugin, input.countedUnitNames);
    if (parent) await this.jointMeeting.addTownshipUnit(tx, parent.id, tenant);
  }
}
