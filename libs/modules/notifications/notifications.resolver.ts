import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(@Inject(NotificationsService) private readonly notifications: NotificationsService) {}

  @Authenticated()
  @Query(() => [Notification], { description: 'The signed-in user\'s in-app notifications, newest first.' })
  async myNotifications(
    @Ctx() ctx: RequestContext,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
  ): Promise<Notification[]> {
    if (!ctx.caller.tenantId) return [];
    return this.notifications.mine(ctx, Math.min(Math.max(limit, 1), 200));
  }
}
