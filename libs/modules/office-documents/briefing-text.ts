import type { Tenant } from '@core/tenancy/entities';
import { pluginOf } from '@core/tenancy';

/**
 * The text of the office's papers: the number of a briefing or circular (简报, 通报) and the body of the
 * agreed items' progress circular; pure functions, so the service stays the imperative shell around them.
 */

/**
 * The number of a briefing or circular: `十字联席简报〔2026〕第3期`, `下仓联席工作情况通报〔2026〕第1期` (the tenant's
 * short name, the series, the year, the place in it).
 */
export function briefingNumber(tenant: Tenant, year: number, n: number, series = '简报'): string {
  const prefix = (pluginOf(tenant).tenantName ?? tenant.name).replace(/(镇|街道|县|区)$/, '');
  return `${prefix}联席${series}〔${year}〕第${n}期`;
}

/** 2026-03-02 → 2026年3月2日. */
export function chineseDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const PROGRESS_WORD = { DONE: '已办结', OPEN: '正在办理', OVERDUE: '已超期，正在督办' } as const;

/** An issued agreed item as the progress circular reads it (office-documents.query.ts agreedItemsProgress). */
export interface AgreedItemProgressRow {
  content: string;
  status: string;
  dueOn: string | null;
  provisional: boolean;
  owners: string[];
}

/**
 * The body of the agreed items' progress circular (002 §六(二)) on `today` (Beijing): how many there are,
 * done, open and past their time limit, then each with its owners, its time limit and where it stands.
 */
export function agreedItemsProgressBody(
  jointMeetingName: string,
  items: readonly AgreedItemProgressRow[],
  today: string,
): string {
  const state = (i: AgreedItemProgressRow): keyof typeof PROGRESS_WORD =>
    i.status === 'DONE' ? 'DONE' : i.dueOn && i.dueOn < today ? 'OVERDUE' : 'OPEN';
  const count = (s: keyof typeof PROGRESS_WORD) => items.filter((i) => state(i) === s).length;
  const open = count('OPEN') + count('OVERDUE');
  return [
    `截至${chineseDay(today)}，${jointMeetingName}议定事项共${items.length}项：已办结${count('DONE')}项，正在办理${open}项（其中超过完成时限${count('OVERDUE')}项）。`,
    ...items.map(
      (i, n) =>
        `${n + 1}. ${i.content}。责任单位：${i.owners.join('、') || '待定'}；完成时限：${i.dueOn ? chineseDay(i.dueOn) : '待定'}${i.provisional ? '（暂定）' : ''}；进展：${PROGRESS_WORD[state(i)]}。`,
    ),
  ].join('\n\n');
}
