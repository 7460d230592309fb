import { Field, ObjectType } from '@nestjs/graphql';
import type { CaseRuleSet } from '../case-rules';

/**
 * Why a case's petitioner data is kept confidential (保密): encrypted at rest and masked for every role
 * that does not need it — on every tenant, whatever its plugin says (docs/security.md). Where the plugin
 * states the rule (004 領導接待日制度 8: 嚴格執行信訪工作紀律和工作保密制度) the article is shown; elsewhere it
 * is shown as the platform's own rule, never attributed to an article. A plugin cannot lower it.
 */
@ObjectType('CaseConfidentiality')
export class CaseConfidentiality {
  @Field(() => String, {
    nullable: true,
    description:
      "The plugin's article that states it (004 領導接待日制度 8 工作保密制度); null where the plugin states none.",
  })
  source: string | null;

  @Field({ description: "True where no plugin states it: the platform's own rule, kept on every tenant." })
  platformDefault: boolean;

  @Field({ description: 'As people read it, e.g. 信访人个人信息加密保存、按角色脱敏（004 領導接待日制度 2, 7, 8）.' })
  words: string;
}

const RULE = '信访人个人信息加密保存、按角色脱敏';

export function confidentialityOf(cases: CaseRuleSet): CaseConfidentiality {
  const reception = cases.reception;
  const source = reception?.confidentiality ? reception.source : null;
  return {
    source,
    platformDefault: source === null,
    words: `${RULE}（${source ?? '平台规则，规则包未作规定'}）`,
  };
}
