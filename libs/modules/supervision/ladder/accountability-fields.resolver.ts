import { Field, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DateScalar } from '@engine/graphql';
import { SupervisionAction } from './action.entity';
import { DeadlineBasis, storedBasis } from '../deadline-basis';
import { SupervisionActionKind } from '../enums';

/** A recommendation right (三项建议权) as the decision made it: the plugin's code and its name in the source's words. */
@ObjectType('AccountabilityRecommendation')
export class AccountabilityRecommendation {
  @Field()
  code: string;

  @Field({ description: 'The right as the source words it, e.g. 改进工作建议 (003 §七).' })
  name: string;
}

/** 责令限期整改 (003 §七): the time limit of the unit's written rectification report. */
@ObjectType('RectificationOrder')
export class RectificationOrderModel {
  @Field(() => DateScalar)
  dueOn: string;

  @Field({
    description:
      "OFFICE: the conveners' date (联席办确定; 003 §七 says 责令限期 and sets no figure); RULES: the plugin's `rectificationWithin`.",
  })
  setBy: string;

  @Field(() => DeadlineBasis, {
    nullable: true,
    description: 'Set by the rules: the figure and the article that states it, or that it is a default (D5).',
  })
  basis: DeadlineBasis | null;

  @Field({ description: 'The time limit as the notification words it, e.g. 联席办确定 or 10个工作日内（…）.' })
  words: string;

  @Field({ description: 'The article that orders rectification (the accountability rule).' })
  source: string;
}

/** A decided accountability (问责): what the conveners decided, in the plugin's words. */
@ObjectType('AccountabilityDecision')
export class AccountabilityDecision {
  @Field(() => [AccountabilityRecommendation])
  recommendations: AccountabilityRecommendation[];

  @Field(() => [String])
  sanctions: string[];

  @Field({ description: 'The decision as recorded.' })
  text: string;

  @Field(() => DateScalar)
  decidedOn: string;

  @Field({ description: 'The article of the accountability rule, naming the plugin when inherited.' })
  source: string;

  @Field(() => RectificationOrderModel, {
    nullable: true,
    description: 'The rectification ordered with the decision (责令限期整改); null when none was.',
  })
  rectification: RectificationOrderModel | null;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** Typed view of an accountability's decision (its detail is JSON). */
@Resolver(() => SupervisionAction)
export class AccountabilityFieldsResolver {
  @ResolveField(() => AccountabilityDecision, {
    nullable: true,
    description:
      'Accountability: the decision — recommendations by name (改进工作建议…), sanctions, the article, and any rectification ordered (责令限期整改); null before the decision and for other kinds.',
  })
  accountabilityDecision(@Parent() action: SupervisionAction): AccountabilityDecision | null {
    if (action.kind !== SupervisionActionKind.ACCOUNTABILITY) return null;
    const decision = obj(action.detail.decision);
    if (!decision) return null;
    const order = obj(action.detail.rectificationOrder);
    return {
      recommendations: (Array.isArray(decision.recommendations) ? decision.recommendations : [])
        .map(obj)
        .filter((r): r is Record<string, unknown> => r !== null)
        .map((r) => ({ code: text(r.code), name: text(r.name) })),
      sanctions: Array.isArray(decision.sanctions) ? decision.sanctions.map(text) : [],
      text: text(decision.text),
      decidedOn: text(decision.decidedOn),
      source: text(decision.source),
      rectification: order
        ? {
            dueOn: text(order.dueOn),
            setBy: text(order.setBy),
            basis: storedBasis(order.basis),
            words: text(order.words),
            source: text(order.source),
          }
        : null,
    };
  }
}
