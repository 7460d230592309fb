import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { HookPins } from '@jm/plugin-sdk';

export enum TenantLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWN = 'TOWN',
  STREET = 'STREET',
}
registerEnumType(TenantLevel, {
  name: 'TenantLevel',
  description: 'Administrative level: county/district, town (镇) or subdistrict (街道).',
});

/**
 * A jurisdiction running its own joint meeting: a county, town or subdistrict. Tenants form a tree
 * (`path` is the materialised path of ids); each records the plugin it was onboarded on and a
 * snapshot of that plugin's effective configuration, so a later code change never silently alters
 * its rules.
 */
@Entity('tenant')
@ObjectType('Tenant')
export class Tenant {
  @PrimaryColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field()
  code: string;

  @Column({ type: 'text' })
  @Field()
  name: string;

  @Column({ type: 'text' })
  @Field(() => TenantLevel)
  level: TenantLevel;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'text', insert: false, update: false })
  path: string;

  @Column({ name: 'plugin_id', type: 'text' })
  pluginId: string;

  @Column({ name: 'plugin_version', type: 'text' })
  pluginVersion: string;

  @Column({ name: 'plugin_config', type: 'jsonb' })
  pluginConfig: Record<string, unknown>;

  /** The plugin-SDK version that wrote `pluginConfig`: the snapshot is read back with that version's reader. */
  @Column({ name: 'plugin_sdk_version', type: 'text' })
  pluginSdkVersion: string;

  /**
   * Which plugin version provides each code hook to this tenant (`{ rankScore: { plugin, version } }`),
   * pinned like its data; null for tenants onboarded before pins (their hooks are those of
   * `pluginId@pluginVersion`).
   */
  @Column({ name: 'plugin_hooks', type: 'jsonb', nullable: true })
  pluginHooks: HookPins | null;

  /** How many rules changes (upgrades, rollbacks) the tenant has had: a change applies only on the revision it was computed from. */
  @Column({ name: 'rules_revision', type: 'integer', default: 0 })
  rulesRevision: number;

  /** When the rules in force were applied by a rules change (null: in force since onboarding). */
  @Column({ name: 'rules_changed_at', type: 'timestamptz', nullable: true })
  rulesChangedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
