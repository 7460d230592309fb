import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JSONScalar, DateScalar } from '@engine/graphql';
import { TenantLevel } from './tenant.entity';

@ObjectType()
export class PluginProblemModel {
  @Field()
  pluginId: string;

  /** Dotted path of the offending field, e.g. `structure.office.hostUnit`. */
  @Field()
  path: string;

  @Field()
  message: string;

  /** Where the field is in the YAML or JSON text (1-based), when it came from text. */
  @Field(() => Int, { nullable: true })
  line?: number;

  @Field(() => Int, { nullable: true })
  column?: number;
}

export enum PluginOrigin {
  INSTALLED = 'INSTALLED',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(PluginOrigin, {
  name: 'PluginOrigin',
  description: 'INSTALLED: a plugin directory shipped with the platform; PUBLISHED: a rule pack published at runtime.',
});

export enum PluginFormatEnum {
  YAML = 'YAML',
  JSON = 'JSON',
}
registerEnumType(PluginFormatEnum, {
  name: 'PluginFormat',
  description: 'The text format of a plugin: YAML (comments kept) or JSON.',
});

@ObjectType()
export class PluginSourceDocument {
  @Field()
  file: string;

  @Field()
  title: string;

  @Field(() => DateScalar, { nullable: true })
  date: string | null;
}

/** A jurisdiction plugin: as installed (from `jurisdictionPlugins`) or as snapshotted into a tenant. */
@ObjectType('JurisdictionPlugin')
export class JurisdictionPluginModel {
  @Field()
  id: string;

  @Field()
  version: string;

  @Field()
  name: string;

  @Field(() => TenantLevel)
  level: TenantLevel;

  @Field(() => [String])
  extends: string[];

  /** False when the plugin failed validation (see `problems`); tenants on it keep their snapshot. */
  @Field()
  available: boolean;

  /** Whether tenants can be onboarded on it directly. */
  @Field()
  onboardable: boolean;

  @Field(() => [PluginProblemModel])
  problems: PluginProblemModel[];

  @Field(() => PluginSourceDocument, { nullable: true })
  source: PluginSourceDocument | null;

  /** The composed configuration (extends resolved), or null when unavailable. */
  @Field(() => JSONScalar, { nullable: true })
  effectiveConfiguration: Record<string, unknown> | null;

  @Field(() => PluginOrigin, {
    nullable: true,
    description: "Installed with the platform or published at runtime; null for a tenant's snapshot view.",
  })
  origin?: PluginOrigin | null;

  @Field(() => PluginFormatEnum, { nullable: true, description: 'Format of the published text.' })
  format?: PluginFormatEnum | null;

  @Field(() => String, {
    nullable: true,
    description: 'The text exactly as published (comments citing articles included); null for installed plugins.',
  })
  sourceText?: string | null;

  @Field(() => String, { nullable: true, description: 'sha256 of the published text.' })
  contentHash?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The bases it was composed with, as id@version (fixed when published).',
  })
  bases?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "Code of the county that published it; null for the platform's (shared with every tenant).",
  })
  ownerTenantCode?: string | null;

  @Field(() => Date, { nullable: true })
  publishedAt?: Date | null;
}

/** The answer of a validate-only run: problems, or the effective configuration. Nothing is written. */
@ObjectType()
export class PluginValidation {
  @Field()
  valid: boolean;

  @Field(() => String, { nullable: true })
  id: string | null;

  @Field(() => String, { nullable: true })
  version: string | null;

  @Field(() => [PluginProblemModel])
  problems: PluginProblemModel[];

  @Field(() => [String], { description: 'The bases it would be composed with, as id@version.' })
  bases: string[];

  @Field(() => JSONScalar, {
    nullable: true,
    description: 'The effective configuration (extends resolved) when valid.',
  })
  effectiveConfiguration: Record<string, unknown> | null;
}
