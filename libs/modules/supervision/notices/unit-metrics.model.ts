import { Field, ID, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '@engine/graphql';
import { MemberUnitKind } from '@core/joint-meeting/entities';

/** A supervised unit's metrics for a period, computed from the ledger and meetings. */
@ObjectType('UnitMetrics')
export class UnitMetrics {
  @Field(() => ID)
  unitId: string;

  @Field()
  unitName: string;

  @Field(() => MemberUnitKind)
  unitKind: MemberUnitKind;

  @Field(() => String, { nullable: true, description: 'For a TOWNSHIP unit: the code of the tenant it stands for.' })
  targetTenantCode: string | null;

  @Field(() => JSONScalar, {
    description:
      'CASES_RECEIVED, CASES_OVERDUE, RESOLVED_IN_TIME, REPEAT_PETITIONS, SKIP_LEVEL_PETITIONS, BEIJING_PETITIONS, MISSING_WEEKLY_REPORTS, AGREED_ITEMS_OVERDUE, MISSED_CADENCE, REVIEWS_OVERTURNED.',
  })
  metrics: Record<string, number>;
}
