import type { LadderRule } from '@jm/plugin-sdk';

// A ladder rule's trigger and a flag's reasons in the source's words (the console and the notifications
// never show a code the plugin names).

/** Where a flag reason's words are found: the rule's own reasonNames, else the sections that name codes. */
export interface ReasonNameSources {
  interviews?: { reasons?: readonly { code: string; name: string }[] } | null;
  reminders?: { reasons?: readonly { code: string; name: string }[] } | null;
  accountability?: { failures?: readonly { code: string; name: string }[] } | null;
}

/**
 * A flag reason as the source words it (发生进京走访越级访), never the code when the plugin names it: the
 * FLAGGED rule's `reasonNames`, else an interview or reminder reason or an accountability failure of that
 * code; the code itself only where the plugin names it nowhere.
 */
export function reasonName(when: LadderRule['when'], code: string, sections: ReasonNameSources): string {
  const own = when.kind === 'FLAGGED' ? when.reasonNames?.[code] : undefined;
  return (
    own ??
    sections.interviews?.reasons?.find((r) => r.code === code)?.name ??
    sections.reminders?.reasons?.find((r) => r.code === code)?.name ??
    sections.accountability?.failures?.find((f) => f.code === code)?.name ??
    code
  );
}

/** A FLAGGED trigger with every reason its plugin names written into `reasonNames` (for a rule inherited elsewhere). */
export function namedInPlugin(when: LadderRule['when'], sections: ReasonNameSources): LadderRule['when'] {
  if (when.kind !== 'FLAGGED') return when;
  const named = when.reasons.map((c) => [c, reasonName(when, c, sections)] as const).filter(([c, n]) => n !== c);
  return named.length ? { ...when, reasonNames: Object.fromEntries(named) } : when;
}

/** The trigger in words, from the rule's own numbers (连续2次定期通报排名后3位) and reason names. */
export function describeTrigger(when: LadderRule['when'], sections: ReasonNameSources = {}): string {
  switch (when.kind) {
    case 'BOTTOM_IN_CONSECUTIVE_REGULAR_NOTICES':
      return `连续${when.consecutive}次定期通报排名后${when.bottom}位`;
    case 'CONSECUTIVE_SPECIAL_NOTICES':
      return `连续${when.consecutive}次被专项通报`;
    case 'CONSECUTIVE_REMINDERS':
      return when.about === 'KEY_CASE'
        ? `重点案件连续${when.consecutive}次被提醒告知`
        : when.about === 'CASE'
          ? `同一案件连续${when.consecutive}次被提醒告知`
          : `连续${when.consecutive}次被提醒告知`;
    case 'FLAGGED':
      return `经办公室认定：${when.reasons.map((c) => reasonName(when, c, sections)).join('、')}`;
    case 'RECTIFICATION_OVERDUE':
      return '被约谈对象逾期未书面报告整改落实情况';
    case 'LISTING_OVERDUE':
      return '挂牌督办事项逾期未摘牌销号';
    case 'ASSESSMENT_FAILED':
      return '考核不合格';
  }
}
