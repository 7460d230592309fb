import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { StatedDuration } from '@jm/plugin-sdk';

/**
 * Where a deadline the engine applies comes from (D5): the article that states its figure, or — when the
 * plugin gives the figure without one — a default, shown as such in the API and in every notification,
 * never attributed to the article of the rule around it.
 */
@ObjectType('DeadlineBasis')
export class DeadlineBasis {
  @Field(() => Int)
  amount: number;

  @Field({ description: 'WORKING_DAYS, CALENDAR_DAYS, WEEKS or MONTHS.' })
  unit: string;

  @Field(() => String, {
    nullable: true,
    description: 'The article that states the figure (003 §六); null when no source states it.',
  })
  source: string | null;

  @Field({ description: "True when no source states the figure: it is the plugin's or the platform's default." })
  platformDefault: boolean;

  @Field({
    description:
      'The deadline as notifications word it, e.g. 15个工作日内（003 §六） or 15个工作日内（平台默认期限，来源未作规定）.',
  })
  words: string;
}

const UNIT_WORDS: Readonly<Record<string, string>> = {
  WORKING_DAYS: '个工作日',
  CALENDAR_DAYS: '日',
  WEEKS: '周',
  MONTHS: '个月',
};

/** The basis of a plugin deadline; `inheritedFrom` names the ancestor's plugin when the section is inherited. */
export function deadlineBasis(d: StatedDuration, inheritedFrom?: string | null): DeadlineBasis {
  const source = d.source ? (inheritedFrom ? `${d.source} (${inheritedFrom})` : d.source) : null;
  const span = `${d.amount}${UNIT_WORDS[d.unit] ?? d.unit}内`;
  return {
    amount: d.amount,
    unit: d.unit,
    source,
    platformDefault: source === null,
    words: `${span}（${source ?? '平台默认期限，来源未作规定'}）`,
  };
}

/** Reads a basis back from a stored action's detail (null for actions written before bases were recorded). */
export function storedBasis(value: unknown): DeadlineBasis | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<DeadlineBasis>;
  if (typeof v.amount !== 'number' || typeof v.unit !== 'string' || typeof v.words !== 'string') return null;
  return {
    amount: v.amount,
    unit: v.unit,
    source: v.source ?? null,
    platformDefault: v.platformDefault ?? v.source == null,
    words: v.words,
  };
}
