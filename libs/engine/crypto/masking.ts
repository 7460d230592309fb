/** Masks for personal data shown to roles that do not need it: enough to tell records apart, no more. */
export const mask = {
  /** 张三丰 → 张**; a single character stays masked entirely. */
  name: (v: string): string => (v.length <= 1 ? '*' : `${[...v][0]}${'*'.repeat([...v].length - 1)}`),
  /** 110101199003077777 → 110***********7777 */
  idNumber: (v: string): string => (v.length < 8 ? '*'.repeat(v.length) : `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`),
  /** 13812345678 → 138****5678 */
  phone: (v: string): string => (v.length < 7 ? '*'.repeat(v.length) : `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`),
  /** Addresses reveal the person: only the first 6 characters (district level) stay. */
  address: (v: string): string => `${[...v].slice(0, 6).join('')}***`,
};
