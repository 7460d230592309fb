import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HookPins, PluginFormat } from '@jm/plugin-sdk';

/**
 * A published jurisdiction plugin version (tenant-neutral): immutable once written. `ownerTenantId`
 * null: the platform's, shared with every tenant; else the county that published it (RLS: visible to
 * that county, its descendants and ancestors only).
 */
@Entity('plugin_version')
export class PluginVersion {
  @PrimaryColumn({ name: 'plugin_id', type: 'text' })
  pluginId: string;

  @PrimaryColumn({ type: 'text' })
  version: string;

  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  ownerTenantId: string | null;

  @Column({ type: 'text' })
  format: PluginFormat;

  /** The text exactly as published (comments citing articles included). */
  @Column({ name: 'source_text', type: 'text' })
  sourceText: string;

  /** sha256 of the text: the same id@version with other content is a CONFLICT. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  level: string;

  @Column({ type: 'text', array: true })
  extends: string[];

  /** The bases it was composed with, as id@version (resolved when published, fixed since). */
  @Column({ type: 'text', array: true })
  bases: string[];

  /** Every plugin id in its `extends` chain, transitively (to refuse cycles). */
  @Column({ type: 'text', array: true })
  lineage: string[];

  @Column({ type: 'boolean' })
  onboardable: boolean;

  @Column({ name: 'sdk_version', type: 'text' })
  sdkVersion: string;

  /** The effective configuration (extends resolved), as a tenant snapshot holds it. */
  @Column({ type: 'jsonb' })
  effective: Record<string, unknown>;

  @Column({ name: 'hook_pins', type: 'jsonb', default: () => "'{}'" })
  hookPins: HookPins;

  @Column({ name: 'published_by', type: 'uuid' })
  publishedBy: string;

  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt: Date;
}
