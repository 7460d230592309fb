import { Field, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '@engine/graphql';
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
}

@ObjectType()
export class PluginSourceDocument {
  @Field()
  file: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
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
}
