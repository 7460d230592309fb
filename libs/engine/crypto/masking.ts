/**
 * Masks for personal data shown to roles that do not need it: enough to tell records apart, no more.
 * The masked part is always the same width, so a mask never tells how long the value was, and an
 * address never shows more than half of itself (a short one — `机密街1号` — is not shown whole).
 */
const STARS = '**';

export const mask = {
  /** 张三丰 → 张**, 欧阳娜娜 → 欧**; a one-character name shows nothing. */
  name: (v: string): string => {
    const chars = [...v.trim()];
    return chars.length <= 1 ? `*${STARS}` : `${chars[0]}${STARS}`;
  },
  /** 110101199003077777 → 110***********7777 (a 15-digit number gets the same width). */
  idNumber: (v: string): string => (v.length < 8 ? '*'.repeat(18) : `${v.slice(0, 3)}${'*'.repeat(11)}${v.slice(-4)}`),
  /** 13812345678 → 138****5678; a landline of any length keeps the same shape. */
  phone: (v: string): string => (v.length < 8 ? '*'.repeat(11) : `${v.slice(0, 3)}****${v.slice(-4)}`),
  /** 北京市东城区某街道某小区3号楼 → 北京市东城区***: at most 6 characters (the district), never more than half. */
  address: (v: string): string => {
    const chars = [...v.trim()];
    return `${chars.slice(0, Math.min(6, Math.floor(chars.length / 2))).join('')}***`;
  },
};
