import type { CaseRuleSet } from '../case-rules';
import { confidentialityOf } from './confidentiality';

describe('confidentialityOf (保密: kept on every tenant, the article shown only where a plugin states it)', () => {
  const reception = (confidentiality: boolean) =>
    ({ reception: { confidentiality, source: '004 領導接待日制度 2, 7, 8' } }) as unknown as CaseRuleSet;

  it('cites the article where the plugin states it (004 領導接待日制度 8)', () => {
    expect(confidentialityOf(reception(true))).toEqual({
      source: '004 領導接待日制度 2, 7, 8',
      platformDefault: false,
      words: '信访人个人信息加密保存、按角色脱敏（004 領導接待日制度 2, 7, 8）',
    });
  });

  it("is the platform's rule, never an article, where the plugin states none or says false (it cannot lower it)", () => {
    for (const rules of [{} as CaseRuleSet, reception(false)])
      expect(confidentialityOf(rules)).toEqual({
        source: null,
        platformDefault: true,
        words: '信访人个人信息加密保存、按角色脱敏（平台规则，规则包未作规定）',
      });
  });
});
