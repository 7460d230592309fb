import { Field, Int, ObjectType } from '@nestjs/graphql';

/**
 * A limit the ledger applies and where it comes from: the plugin's article, or — when the plugin states
 * none — a platform default, shown as a default with the national rule it follows, never cited as the
 * plugin's article (house rule; docs/rule-coverage.md §2).
 */
@ObjectType('CaseLimit')
export class CaseLimit {
  @Field(() => Int)
  value: number;

  @Field({ description: 'PEOPLE or CALENDAR_DAYS.' })
  unit: string;

  @Field(() => String, {
    nullable: true,
    description: "The plugin's article that states the figure; null for a platform default.",
  })
  source: string | null;

  @Field({ description: 'True when no plugin states the figure and the platform default applies.' })
  platformDefault: boolean;

  @Field({ description: 'How the limit is worded for people, e.g. 5人（平台默认，依据《信访工作条例》第十八条）.' })
  words: string;
}

@ObjectType('CaseLimits')
export class CaseLimits {
  @Field(() => CaseLimit, { description: 'A visit by at least this many people is a group petition (集体访).' })
  groupPetition: CaseLimit;

  @Field(() => CaseLimit, { description: 'How far one extension (延期) may move a time limit.' })
  extensionCap: CaseLimit;
}

/** The platform defaults: national rules that apply where a plugin says nothing (not a source's article). */
export const PLATFORM_DEFAULTS = {
  /** 多人采用走访形式提出同一信访事项的，应当推选代表，代表人数不超过5人: a visit by 5 or more is a group visit. */
  groupPetitionPeople: { value: 5, unit: 'PEOPLE', basis: '《信访工作条例》第十八条' },
  /** 延长期限不得超过30日. */
  extensionDays: { value: 30, unit: 'CALENDAR_DAYS', basis: '《信访工作条例》第三十二条' },
} as const;

const UNIT_WORDS: Readonly<Record<string, string>> = { PEOPLE: '人', CALENDAR_DAYS: '日' };

/** The limit from the plugin's statement, or the platform default when there is none. */
export function caseLimit(
  stated: { value: number; source: string } | null,
  fallback: { value: number; unit: string; basis: string },
): CaseLimit {
  const unit = fallback.unit;
  if (stated)
    return {
      value: stated.value,
      unit,
      source: stated.source,
      platformDefault: false,
      words: `${stated.value}${UNIT_WORDS[unit]}（${stated.source}）`,
    };
  return {
    value: fallback.value,
    unit,
    source: null,
    platformDefault: true,
    words: `${fallback.value}${UNIT_WORDS[unit]}（平台默认，依据${fallback.basis}）`,
  };
}
