import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AppError } from '@engine/errors';
import { Authenticated, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AFTER_ARG, checkLimit, LIMIT_ARG, PageOf } from '@engine/graphql';
import { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';

@ObjectType('NotificationPage')
export class NotificationPage extends PageOf(Notification) {}

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(@Inject(NotificationsService) private readonly notifications: NotificationsService) {}

  @Authenticated()
  @Query(() => [Notification], {
    description: "The signed-in user's in-app notifications, newest first.",
    deprecationReason: 'Use myNotificationsPage (cursor + limit).',
  })
  async myNotifications(
    @Ctx() ctx: RequestContext,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
    @Args('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
  ): Promise<Notification[]> {
    if (!ctx.caller.tenantId) return [];
    return this.notifications.mine(ctx, Math.min(Math.max(limit, 1), 200), unreadOnly);
  }

  @Authenticated()
  @Query(() => NotificationPage, {
    description: "The signed-in user's in-app notifications, newest first, a page at a time.",
  })
  async myNotificationsPage(
    @Ctx() ctx: RequestContext,
    @Args('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<NotificationPage> {
    checkLimit(limit);
    if (!ctx.caller.tenantId) return { items: [], nextCursor: null };
    return this.notifications.minePage(ctx, unreadOnly, { limit, after });
  }

  @Authenticated()
  @Mutation(() => Int, { description: "Marks the signed-in user's notifications read; returns how many changed." })
  async markNotificationsRead(
    @Ctx() ctx: RequestContext,
    @Args('ids', { type: () => [ID] }) ids: string[],
  ): Promise<number> {
    if (ids.length === 0) return 0;
    if (ids.length > 200) throw AppError.badInput('ids', 'at most 200 at a time');
    if (ids.some((id) => !/^[0-9a-f-]{36}$/i.test(id))) throw AppError.badInput('ids', 'must be notification ids');
    if (!ctx.caller.tenantId) return 0;
    return this.notifications.markRead(ctx, ids);
  }
}
