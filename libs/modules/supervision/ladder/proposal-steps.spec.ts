import { ladderRuleSchema } from '@jm/plugin-sdk';
import { optionsOf } from './proposal-steps';

describe('proposed steps (the ladder proposes, a person decides)', () => {
  it('003 三: 提醒或约谈 leaves the choice to the office — a reminder or an interview', () => {
    expect(optionsOf('REMINDER_OR_INTERVIEW')).toEqual(['REMINDER', 'INTERVIEW']);
    expect(optionsOf('LISTED_SUPERVISION')).toEqual(['LISTING']);
    expect(optionsOf('ACCOUNTABILITY')).toEqual(['ACCOUNTABILITY']);
  });

  const rule = (over: Record<string, unknown>) =>
    ladderRuleSchema.safeParse({ id: 'r', when: { kind: 'FLAGGED', reasons: ['X'] }, source: '003 §四', ...over });

  it('003 四: a plugin may make a general SMS reminder automatic, stating its severity', () => {
    expect(rule({ then: 'REMINDER', automatic: true, severity: 'GENERAL' }).success).toBe(true);
    const noSeverity = rule({ then: 'REMINDER', automatic: true });
    expect(noSeverity.success).toBe(false);
    expect(noSeverity.error!.issues[0].path).toEqual(['severity']);
  });

  it('003 五–七: never a listing, an interview, accountability or a choice of interview automatic', () => {
    for (const then of ['LISTED_SUPERVISION', 'INTERVIEW', 'ACCOUNTABILITY', 'REMINDER_OR_INTERVIEW']) {
      const parsed = rule({ then, automatic: true, severity: 'GENERAL' });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0].path).toEqual(['automatic']);
    }
  });
});
