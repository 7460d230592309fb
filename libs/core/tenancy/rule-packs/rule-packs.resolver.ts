import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { checkLimit, PageArgsOf, PageOf } from '@engine/graphql';
import { CODE_PATTERN } from '@engine/validation';
import { JurisdictionPluginModel, PluginValidation } from '../plugin.model';
import { Tenant } from '../tenant.entity';
import {
  DecideTenantRulesChangeInput,
  PluginSourceInput,
  RollbackTenantRulesInput,
  SEMVER,
  UpgradeTenantRulesInput,
} from './rule-packs.inputs';
import { PluginStoreService } from './plugin-store.service';
import { RulesDiff } from './rules-change.model';
import { RulesChangeService } from './rules-change.service';
import { TenantRulesChange } from './tenant-rules-change.entity';

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

@ArgsType()
class PluginVersionsPageArgs extends PageArgsOf(PluginIdArgs) {}

@ObjectType('JurisdictionPluginPage')
export class JurisdictionPluginPage extends PageOf(JurisdictionPluginModel) {}

@ArgsType()
class RulesDiffArgs {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field()
  @Matches(SEMVER, { message: 'toVersion must be a semantic version such as 1.1.0' })
  toVersion: string;
}

/** Rule packs at runtime (issue 17): validate, publish, read. See docs/plugins.md, "Rule packs at runtime". */
@Resolver()
export class RulePacksResolver {
  constructor(@Inject(PluginStoreService) private readonly store: PluginStoreService) {}

  @Allow('read', 'JurisdictionPlugin')
  @Mutation(() => PluginValidation, {
    description:
      'Validate-only: problems with path, line and reason, or the effective configuration (extends resolved). Writes nothing.',
  })
  validateJurisdictionPlugin(
    @Ctx() ctx: RequestContext,
    @Args('input') input: PluginSourceInput,
  ): Promise<PluginValidation> {
    return this.store.validate(ctx, input.source, input.format);
  }

  @Allow('read', 'JurisdictionPlugin')
  @Mutation(() => JurisdictionPluginModel, {
    description:
      'Publishes an immutable id@version (the same id@version with other content: CONFLICT). Platform admin, or a county office for its townships.',
  })
  publishJurisdictionPlugin(
    @Ctx() ctx: RequestContext,
    @Args('input') input: PluginSourceInput,
  ): Promise<JurisdictionPluginModel> {
    return this.store.publish(ctx, input.source, input.format);
  }

  @Allow('read', 'JurisdictionPlugin')
  @Query(() => JurisdictionPluginModel, {
    nullable: true,
    description:
      'A plugin version (installed or published; its highest visible version without `version`); null when absent or not visible.',
  })
  jurisdictionPlugin(@Ctx() ctx: RequestContext, @Args() args: PluginArgs): Promise<JurisdictionPluginModel | null> {
    return this.store.read(ctx, args.id, args.version);
  }

  @Allow('read', 'JurisdictionPlugin')
  @Query(() => [JurisdictionPluginModel], {
    description: 'Every visible version of a plugin, highest first, with source text and effective configuration.',
    deprecationReason: 'Use jurisdictionPluginVersionsPage (cursor + limit).',
  })
  jurisdictionPluginVersions(
    @Ctx() ctx: RequestContext,
    @Args() args: PluginIdArgs,
  ): Promise<JurisdictionPluginModel[]> {
    return this.store.versions(ctx, args.id);
  }

  @Allow('read', 'JurisdictionPlugin')
  @Query(() => JurisdictionPluginPage, {
    description:
      'The visible versions of a plugin, highest first, a page at a time, with source text and effective configuration.',
  })
  jurisdictionPluginVersionsPage(
    @Ctx() ctx: RequestContext,
    @Args() args: PluginVersionsPageArgs,
  ): Promise<JurisdictionPluginPage> {
    return this.store.versionsPage(ctx, args.id, { limit: checkLimit(args.limit), after: args.after ?? null });
  }
}

/**
 * Changing a tenant's rules (issue 17 item 3): diff, upgrade (waiting for the superior where the rules
 * say so), the superior's decision, rollback; the filing record on the tenant. See docs/plugins.md,
 * "Changing a tenant's rules".
 */
@Resolver(() => Tenant)
export class RulesChangeResolver {
  constructor(@Inject(RulesChangeService) private readonly changes: RulesChangeService) {}

  @Allow('update', 'TenantRules')
  @Query(() => RulesDiff, {
    description:
      'What moving the tenant to another version of its plugin would change, field by field, and the running items it would touch. Writes nothing.',
  })
  tenantRulesDiff(@Ctx() ctx: RequestContext, @Args() args: RulesDiffArgs): Promise<RulesDiff> {
    return this.changes.diff(ctx, args.tenantCode, args.toVersion);
  }

  @Allow('update', 'TenantRules')
  @Mutation(() => TenantRulesChange, {
    description:
      'Moves the tenant to another version of its plugin with a new snapshot, filed (备案) and reported; AWAITING_APPROVAL where its rules say a superior approves. Two at once: one wins, the other CONFLICT.',
  })
  upgradeTenantRules(
    @Ctx() ctx: RequestContext,
    @Args('input') input: UpgradeTenantRulesInput,
  ): Promise<TenantRulesChange> {
    return this.changes.upgrade(ctx, input);
  }

  @Allow('approve', 'TenantRulesChange')
  @Mutation(() => TenantRulesChange, {
    description:
      'The superior (the office of the tenant above) approves or rejects the rules change that waits; never the person who asked for it.',
  })
  decideTenantRulesChange(
    @Ctx() ctx: RequestContext,
    @Args('input') input: DecideTenantRulesChangeInput,
  ): Promise<TenantRulesChange> {
    return this.changes.decide(ctx, input);
  }

  @Allow('update', 'TenantRules')
  @Mutation(() => TenantRulesChange, {
    description: 'Restores the snapshot kept before the last applied upgrade (filed and reported like an upgrade).',
  })
  rollbackTenantRules(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RollbackTenantRulesInput,
  ): Promise<TenantRulesChange> {
    return this.changes.rollback(ctx, input);
  }

  @ResolveField(() => [TenantRulesChange], {
    description: 'The filing record (备案) of rules changes, newest first (at most 100).',
  })
  rulesChanges(@Ctx() ctx: RequestContext, @Parent() tenant: Tenant): Promise<TenantRulesChange[]> {
    return this.changes.changesOf(ctx, tenant);
  }
}
