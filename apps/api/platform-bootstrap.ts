import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EffectivePlugin } from '@jm/plugin-sdk';
import { ABILITY_RULES, type RulesFor } from '@engine/access';
import { APP_CONFIG, type AppConfig } from '@engine/config';
import { RequestContext } from '@engine/context';
import { PluginRegistry } from '@engine/plugins';
import { IdentityService, Role } from '@core/identity';
import { JointMeetingService, MemberUnitKind } from '@core/joint-meeting';
import { TenancyService, type Tenant } from '@core/tenancy';
import { contextOf, platformCaller } from './platform-caller';

export const DEMO_PASSWORD_DEFAULT = 'demo-password';

/**
 * Start-up duties: the platform admin on a database without one, and (SEED_DEMO) the demo tenants:
 * every installed COUNTY plugin as a county, every onboardable TOWN/STREET plugin as a town under the
 * first county, each with one user per role. Everything goes through the real services.
 */
@Injectable()
export class PlatformBootstrap {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(IdentityService) private readonly identity: IdentityService,
    @Inject(TenancyService) private readonly tenancy: TenancyService,
    @Inject(JointMeetingService) private readonly jointMeeting: JointMeetingService,
    @Inject(PluginRegistry) private readonly registry: PluginRegistry,
    @Inject(ABILITY_RULES) private readonly rules: RulesFor[],
  ) {}

  async run(): Promise<void> {
    const admin = await this.identity.ensurePlatformAdmin(this.config.bootstrapAdminPassword);
    if (admin.generatedPassword) {
      process.stdout.write(
        `\n  Platform admin created: username "admin", password "${admin.generatedPassword}"\n  (shown once; set BOOTSTRAP_ADMIN_PASSWORD to choose it)\n\n`,
      );
    } else if (admin.created) {
      this.logger.log('platform admin "admin" created from BOOTSTRAP_ADMIN_PASSWORD');
    }
    // loadConfig refuses SEED_DEMO in production; this is the second wall.
    if (this.config.seedDemo && !this.config.production) await this.seedDemo();
  }

  private async seedDemo(): Promise<void> {
    if (await this.tenancy.anyTenant(RequestContext.platform())) return;
    const ctx = contextOf(platformCaller('demo-seed'), this.rules);
    const plugins = this.registry
      .all()
      .filter((p) => p.available && p.effective?.onboardable)
      .map((p) => p.effective!);
    const counties = plugins.filter((p) => p.level === 'COUNTY');
    const towns = plugins.filter((p) => p.level === 'TOWN' || p.level === 'STREET');
    const password = process.env.DEMO_PASSWORD || DEMO_PASSWORD_DEFAULT;
    let parent: Tenant | null = null;
    for (const plugin of counties) {
      const county = await this.onboard(ctx, plugin, undefined, password);
      parent ??= county;
    }
    for (const plugin of towns) await this.onboard(ctx, plugin, parent?.code, password);
    this.logger.log(
      `demo tenants onboarded: ${plugins.map(demoCode).join(', ')} (users per role, password "${password}")`,
    );
  }

  private async onboard(
    ctx: RequestContext,
    plugin: EffectivePlugin,
    parentCode: string | undefined,
    password: string,
  ): Promise<Tenant> {
    const tenant = await this.tenancy.onboard(ctx, {
      code: demoCode(plugin),
      name: plugin.tenantName ?? plugin.name,
      pluginId: plugin.id,
      parentCode,
    });
    const units = await this.jointMeeting.activeUnits(ctx, tenant.id);
    const department = units.find((u) => u.kind === MemberUnitKind.DEPARTMENT || u.kind === MemberUnitKind.TOWNSHIP);
    const village = units.find((u) => u.kind === MemberUnitKind.VILLAGE || u.kind === MemberUnitKind.COMMUNITY);
    const users: [string, Role, string | undefined][] = [
      ['office', Role.OFFICE_DIRECTOR, undefined],
      ['convener', Role.CONVENER, undefined],
    ];
    if (plugin.structure.conveners.some((c) => c.role === 'CHIEF_CONVENER'))
      users.push(['chief', Role.CHIEF_CONVENER, undefined]);
    if (plugin.level === 'COUNTY') users.push(['superior', Role.SUPERIOR, undefined]);
    if (department) users.push(['member', Role.MEMBER_UNIT, department.id]);
    if (village) users.push(['secretary', Role.VILLAGE_SECRETARY, village.id]);
    for (const [username, role, memberUnitId] of users) {
      // Trusted: the platform seeds every role of a demo tenant (outside the grant matrix, nothing filed).
      await this.identity.createUser(
        ctx,
        {
          tenantCode: tenant.code,
          username,
          password,
          displayName: `${tenant.name} ${username}`,
          roles: [role],
          memberUnitId,
        },
        { trusted: true },
      );
    }
    return tenant;
  }
}

/** Demo tenant codes: the plugin id without its level suffix (`shizi-town` → `shizi`). */
export function demoCode(plugin: Pick<EffectivePlugin, 'id'>): string {
  return plugin.id.replace(/-(town|street|county)$/, '');
}
