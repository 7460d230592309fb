import { Inject } from '@nestjs/common';
import { Args, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Matches } from 'class-validator';
import { Allow, Authenticated, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { checkLimit, JSONScalar, PageArgsOf, PageOf } from '@engine/graphql';
import { OnboardTenantInput } from './dto/onboard-tenant.input';
import { JurisdictionPluginModel } from './plugin.model';
import { TenancyService } from './tenancy.service';
import { Tenant } from './tenant.entity';
import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { CODE_PATTERN } from '@engine/validation';

@ArgsType()
class TenantArgs {
  @Field()
  @Matches(CODE_PATTERN, { message: 'code must be lower-case letters, digits and dashes' })
  code: string;
}

@ArgsType()
class TenantsArgs {
  @Field({ nullable: true })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'parentCode must be lower-case letters, digits and dashes' })
  parentCode?: string;
}

/** tenantsPage's arguments: parentCode checked as for `tenants`, and the page's after and limit. */
@ArgsType()
class TenantsPageArgs extends PageArgsOf(TenantsArgs) {}

@ObjectType('TenantPage')
export class TenantPage extends PageOf(Tenant) {}

@Resolver(() => Tenant)
export class TenancyResolver {
  constructor(@Inject(TenancyService) private readonly tenancy: TenancyService) {}

  @Authenticated()
  @Query(() => [JurisdictionPluginModel], {
    description: 'Installed jurisdiction plugins, with problems for broken ones.',
  })
  jurisdictionPlugins(): JurisdictionPluginModel[] {
    return this.tenancy.plugins();
  }

  @Allow('read', 'Tenant')
  @Query(() => Tenant, { nullable: true, description: 'A tenant by code; null when absent or not visible.' })
  tenant(@Ctx() ctx: RequestContext, @Args() args: TenantArgs): Promise<Tenant | null> {
    return this.tenancy.byCode(ctx, args.code);
  }

  @Allow('read', 'Tenant')
  @Query(() => [Tenant], {
    description: 'The visible tenants (children of parentCode if given).',
    deprecationReason: 'Use tenantsPage (cursor + limit).',
  })
  tenants(@Ctx() ctx: RequestContext, @Args() args: TenantsArgs): Promise<Tenant[]> {
    return this.tenancy.list(ctx, args.parentCode);
  }

  @Allow('read', 'Tenant')
  @Query(() => TenantPage, {
    description: 'The visible tenants (children of parentCode if given), latest onboarded first, a page at a time.',
  })
  tenantsPage(@Ctx() ctx: RequestContext, @Args() args: TenantsPageArgs): Promise<TenantPage> {
    return this.tenancy.page(ctx, args.parentCode, checkLimit(args.limit), args.after ?? null);
  }

  @Allow('onboard', 'Tenant')
  @Mutation(() => Tenant, {
    description:
      'Onboards a tenant from a plugin under a parent (county office director) or at the top (platform admin).',
  })
  onboardTenant(@Ctx() ctx: RequestContext, @Args('input') input: OnboardTenantInput): Promise<Tenant> {
    return this.tenancy.onboard(ctx, input);
  }

  @ResolveField(() => Tenant, { nullable: true, description: 'Null when the parent is not visible to the caller.' })
  parent(@Ctx() ctx: RequestContext, @Parent() tenant: Tenant): Promise<Tenant | null> {
    if (!tenant.parentId) return Promise.resolve(null);
    return ctx
      .loader('tenantById', (ids) => this.tenancy.byIds(ctx, ids))
      .load(tenant.parentId) as Promise<Tenant | null>;
  }

  @ResolveField(() => [Tenant], { description: 'Visible child tenants.' })
  async children(@Ctx() ctx: RequestContext, @Parent() tenant: Tenant): Promise<Tenant[]> {
    return (
      ((await ctx.loader('tenantChildren', (ids) => this.tenancy.childrenOf(ctx, ids)).load(tenant.id)) as
        Tenant[] | null) ?? []
    );
  }

  @ResolveField(() => JurisdictionPluginModel, {
    description: 'The plugin as snapshotted at onboarding or by the last rules change applied.',
  })
  async plugin(@Ctx() ctx: RequestContext, @Parent() tenant: Tenant): Promise<JurisdictionPluginModel> {
    return this.tenancy.pluginOf(await this.tenancy.withRules(ctx, tenant));
  }

  @ResolveField(() => JSONScalar, { description: 'The effective rules this tenant runs on (its plugin snapshot).' })
  async effectiveConfiguration(@Ctx() ctx: RequestContext, @Parent() tenant: Tenant): Promise<Record<string, unknown>> {
    return (await this.tenancy.withRules(ctx, tenant)).pluginConfig;
  }
}
