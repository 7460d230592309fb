import { Inject } from '@nestjs/common';
import { Args, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AFTER_ARG, checkLimit, LIMIT_ARG, PageOf } from '@engine/graphql';
import { clamp } from '../args';
import { OutboxStatus } from '../enums';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxService } from './outbox.service';

@ObjectType('OutboxMessagePage')
export class OutboxMessagePage extends PageOf(OutboxMessage) {}

/** The office's outbox: what supervision sent or will send, with the adapter's receipt. */
@Resolver(() => OutboxMessage)
export class OutboxResolver {
  constructor(@Inject(OutboxService) private readonly outbox: OutboxService) {}

  @Allow('read', 'OutboxMessage')
  @Query(() => [OutboxMessage], {
    description: "The office's outbox: every notification supervision sent or will send, with the adapter's receipt.",
    deprecationReason: 'Use outboxMessagesPage (cursor + limit).',
  })
  outboxMessages(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('status', { type: () => OutboxStatus, nullable: true }) status: OutboxStatus | undefined,
    @Args('limit', { type: () => Int, defaultValue: 100 }) limit: number,
  ): Promise<OutboxMessage[]> {
    return this.outbox.list(ctx, tenantCode, status ?? undefined, clamp(limit, 500));
  }

  @Allow('read', 'OutboxMessage')
  @Query(() => OutboxMessagePage, {
    description:
      "The office's outbox, latest written first, a page at a time: every notification supervision sent or will send, with the adapter's receipt.",
  })
  outboxMessagesPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('status', { type: () => OutboxStatus, nullable: true }) status: OutboxStatus | undefined,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<OutboxMessagePage> {
    return this.outbox.page(ctx, tenantCode, status ?? undefined, checkLimit(limit), after);
  }
}
