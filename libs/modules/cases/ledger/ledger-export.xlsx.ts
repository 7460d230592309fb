import ExcelJS from 'exceljs';
import {
  calendarDate,
  chineseDateTime,
  instantOf,
  LEDGER_FORMATS,
  ledgerSheet,
  shanghaiWallClockDate,
} from '@engine/documents';

/**
 * The case ledger (信访问题解决工作台账, 002 §五(四)) as a spreadsheet: one sheet per list (问题清单,
 * 责任清单, 任务清单), one row per entry. Petitioners' personal data is not part of the input at all,
 * so it cannot reach the file: rows carry the case number, never a name, ID number, phone or address.
 */
export type LedgerListCode = 'PROBLEM' | 'RESPONSIBILITY' | 'TASK';

export interface CaseLedgerRow {
  caseNumber: string;
  /** The level as the tenant says it: 街道 / 镇 / 社区. */
  level: string;
  community: string | null;
  content: string;
  classification: string | null;
  measures: string | null;
  owningLeader: string | null;
  responsibleUnit: string | null;
  responsiblePerson: string | null;
  /** YYYY-MM-DD. */
  dueOn: string | null;
  /** ISO instant the entry was marked done; shown in Beijing time. */
  doneAt: string | null;
  overdue: boolean;
}

export interface CaseLedgerWorkbook {
  tenantName: string;
  /** What the title says the ledger covers, e.g. 街道级 or 街道、社区两级. */
  scope: string;
  /** ISO instant; printed in each title so a printout says how current it is. */
  generatedAt: string;
  lists: { list: LedgerListCode; rows: CaseLedgerRow[] }[];
}

/** Exhaustive by type: a new list does not compile until it has a name. */
export const LEDGER_LIST_NAMES: Readonly<Record<LedgerListCode, string>> = {
  PROBLEM: '问题清单',
  RESPONSIBILITY: '责任清单',
  TASK: '任务清单',
};

export const CASE_LEDGER_HEADERS = [
  '序号',
  '信访件编号',
  '台账层级',
  '社区',
  '诉求内容',
  '分类处理情况',
  '具体工作措施',
  '包案领导',
  '责任单位',
  '责任人',
  '处理时限',
  '状态',
  '是否超期',
  '办结时间',
] as const;

const WIDTHS = [6, 12, 8, 16, 40, 18, 36, 14, 18, 10, 16, 8, 8, 18];
const WRAPPED = new Set([4, 5, 6, 7, 9]);

function rowValues(row: CaseLedgerRow, n: number, what: string): ExcelJS.CellValue[] {
  return [
    n,
    row.caseNumber,
    row.level,
    row.community,
    row.content,
    row.classification,
    row.measures,
    row.owningLeader,
    row.responsibleUnit,
    row.responsiblePerson,
    row.dueOn ? calendarDate(row.dueOn, `${what} dueOn`) : null,
    row.doneAt ? '已办结' : '未办结',
    row.overdue ? '是' : '否',
    row.doneAt ? shanghaiWallClockDate(row.doneAt, `${what} doneAt`) : null,
  ];
}

function addSheet(
  workbook: ExcelJS.Workbook,
  input: CaseLedgerWorkbook,
  list: LedgerListCode,
  rows: CaseLedgerRow[],
): void {
  const name = LEDGER_LIST_NAMES[list];
  const sheet = ledgerSheet(workbook, {
    name,
    title: `${input.tenantName}信访问题解决工作台账（${input.scope}）${name}（截至${chineseDateTime(input.generatedAt, 'generatedAt')}）`,
    headers: CASE_LEDGER_HEADERS,
    widths: WIDTHS,
    wrapped: WRAPPED,
    header: { wrap: true },
    formats: { 11: LEDGER_FORMATS.date, 14: LEDGER_FORMATS.dateTime },
  });
  rows.forEach((row, i) => sheet.addRow(rowValues(row, i + 1, `${name} row ${i + 1}`), row.overdue));
  sheet.done();
}

/** Renders the ledger: one sheet per list, in the order given (the plugin's), overdue rows highlighted. */
export async function renderCaseLedgerXlsx(input: CaseLedgerWorkbook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = input.tenantName;
  workbook.created = instantOf(input.generatedAt, 'generatedAt');
  for (const { list, rows } of input.lists) addSheet(workbook, input, list, rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
