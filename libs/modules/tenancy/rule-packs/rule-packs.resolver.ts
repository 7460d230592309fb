import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { JurisdictionPluginModel, PluginValidation } from '../plugin.model';
import { PluginSourceInput, SEMVER } from './rule-packs.inputs';
import { PluginStoreService } from './plugin-store.service';

const PLUGIN_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

@ArgsType()
class PluginArgs {
  @Field()
  @Matches(PLUGIN_ID, { message: 'id must be a plugin id such as shizi-town' })
  @MaxLength(64)
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(SEMVER, { message: 'version must be a semantic version such as 1.0.0' })
  version?: string;
}

@ArgsType()
class PluginIdArgs {
  @Field()
  @Matches(PLUGIN_ID, { message: 'id must be a plugin id such as shizi-town' })
  @MaxLength(64)
  id: string;
}

/** Rule packs at runtime (issue 17): validate, publish, read. See docs/plugins.md, "Rule packs at runtime". */
@Resolver()
export class RulePacksResolver {
  constructor(@Inject(PluginStoreService) private readonly store: PluginStoreService) {}

  @Allow('read', 'JurisdictionPlugin')
  @Mutation(() => PluginValidation, { description: 'Validate-only: problems with path, line and reason, or the effective configuration (extends resolved). Writes nothing.' })
  validateJurisdictionPlugin(@Ctx() ctx: RequestContext, @Args('input') input: PluginSourceInput): Promise<PluginValidation> {
    return this.store.validate(ctx, input.source, input.format);
  }

  @Allow('read', 'JurisdictionPlugin')
  @Mutation(() => JurisdictionPluginModel, { description: 'Publishes an immutable id@version (the same id@version with other content: CONFLICT). Platform admin, or a county office for its townships.' })
  publishJurisdictionPlugin(@Ctx() ctx: RequestContext, @Args('input') input: PluginSourceInput): Promise<JurisdictionPluginModel> {
    return this.store.publish(ctx, input.source, input.format);
  }

  @Allow('read', 'JurisdictionPlugin')
  @Query(() => JurisdictionPluginModel, { nullable: true, description: 'A plugin version (installed or published; its highest visible version without `version`); null when absent or not visible.' })
  jurisdictionPlugin(@Ctx() ctx: RequestContext, @Args() args: PluginArgs): Promise<JurisdictionPluginModel | null> {
    return this.store.read(ctx, args.id, args.version);
  }

  @Allow('read', 'JurisdictionPlugin')
  @Query(() => [JurisdictionPluginModel], { description: 'Every visible version of a plugin, highest first, with source text and effective configuration.' })
  jurisdictionPluginVersions(@Ctx() ctx: RequestContext, @Args() args: PluginIdArgs): Promise<JurisdictionPluginModel[]> {
    return this.store.versions(ctx, args.id);
  }
}
