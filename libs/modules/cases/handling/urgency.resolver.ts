import { Inject } from '@nestjs/common';
import { Args, Field, Mutation, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { shanghaiDateOf } from '@engine/calendar';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { DateScalar } from '@engine/graphql';
import { DeadlineBasis } from '@core/calendar';
import { User } from '@core/identity/entities';
import { UsersQuery } from '@core/identity';
import { Clock } from '@engine/clock';
import { PetitionCase } from '../case.entity';
import { MarkCaseUrgentInput, RecordUrgentCoordinationInput } from './dto/urgency.inputs';
import { UrgencyService } from './urgency.service';

@ObjectType('CaseUrgency', {
  description: 'An urgent petition (紧急信访问题, 002 §三) and its coordination by the office.',
})
export class CaseUrgency {
  @Field()
  reason: string;

  @Field({ description: 'The article of the plugin that provides for urgent petitions, e.g. 002 §三.' })
  rule: string;

  @Field(() => Date)
  markedAt: Date;

  markedById: string;

  @Field(() => DateScalar, { description: 'The office coordinates by this day (YYYY-MM-DD, Beijing).' })
  coordinateBy: string;

  @Field({ description: 'True while the tenant calendar of that year is not loaded (working-day limits).' })
  dueProvisional: boolean;

  @Field(() => DeadlineBasis, {
    description:
      "Where the time limit's figure comes from: the plugin's article, or the platform default (1 day) shown as such.",
  })
  deadline: DeadlineBasis;

  @Field(() => Date, { nullable: true, description: 'When the office recorded its coordination; null until then.' })
  coordinatedAt: Date | null;

  coordinatedById: string | null;

  @Field(() => String, { nullable: true, description: 'What the office coordinated (协调处理).' })
  measures: string | null;

  @Field({ description: 'Not coordinated and past `coordinateBy` (today in Beijing), or coordinated after it.' })
  overdue: boolean;
}

/** Urgent petitions on the API (002 §三: 办公室…协调处理紧急信访问题). */
@Resolver(() => PetitionCase)
export class UrgencyResolver {
  constructor(
    @Inject(UrgencyService) private readonly service: UrgencyService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Allow('create', 'PetitionCase')
  @Mutation(() => PetitionCase, {
    description:
      "The case's first-inquiry user or the office marks it an urgent petition (紧急信访问题, 002 §三), with the reason; the plugin's roles are told at once and the office's coordination falls due (the plugin's limit or the platform default).",
  })
  markCaseUrgent(@Ctx() ctx: RequestContext, @Args('input') input: MarkCaseUrgentInput): Promise<PetitionCase> {
    return this.service.mark(ctx, input);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => PetitionCase, {
    description:
      'The office records how it coordinated an urgent petition (协调处理, 002 §三), once; late is recorded.',
  })
  recordUrgentCoordination(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordUrgentCoordinationInput,
  ): Promise<PetitionCase> {
    return this.service.coordinate(ctx, input);
  }

  @ResolveField(() => CaseUrgency, {
    nullable: true,
    description: 'The urgent-petition record (紧急信访问题, 002 §三); null unless the case was marked urgent.',
  })
  urgency(@Parent() c: PetitionCase): CaseUrgency | null {
    const u = c.urgency;
    if (!u) return null;
    const done = u.coordinatedAt ? shanghaiDateOf(new Date(u.coordinatedAt)) : shanghaiDateOf(this.clock.now());
    return {
      reason: u.reason,
      rule: u.rule,
      markedAt: new Date(u.markedAt),
      markedById: u.markedById,
      coordinateBy: u.coordinateBy,
      dueProvisional: u.dueProvisional,
      deadline: u.deadline,
      coordinatedAt: u.coordinatedAt ? new Date(u.coordinatedAt) : null,
      coordinatedById: u.coordinatedById,
      measures: u.measures,
      overdue: done > u.coordinateBy,
    };
  }
}

@Resolver(() => CaseUrgency)
export class CaseUrgencyResolver {
  constructor(@Inject(UsersQuery) private readonly users: UsersQuery) {}

  @ResolveField(() => User, { nullable: true, description: 'Who marked it urgent.' })
  markedBy(@Ctx() ctx: RequestContext, @Parent() u: CaseUrgency): Promise<User | null> {
    return this.users.byId(ctx, u.markedById);
  }

  @ResolveField(() => User, { nullable: true, description: 'Who recorded the coordination.' })
  async coordinatedBy(@Ctx() ctx: RequestContext, @Parent() u: CaseUrgency): Promise<User | null> {
    return u.coordinatedById ? this.users.byId(ctx, u.coordinatedById) : null;
  }
}
