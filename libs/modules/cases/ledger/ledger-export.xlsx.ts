import ExcelJS from 'exceljs';
import { calendarDate, chineseDateTime, instantOf, shanghaiWallClockDate } from '@engine/documents';

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

export const OVERDUE_FILL_ARGB = 'FFFFC7CE';
const OVERDUE_FONT_ARGB = 'FF9C0006';
const HEADER_FILL_ARGB = 'FFD9D9D9';
const WIDTHS = [6, 12, 8, 16, 40, 18, 36, 14, 18, 10, 16, 8, 8, 18];
const WRAPPED = new Set([4, 5, 6, 7, 9]);
const TITLE_ROW = 1;
const HEADER_ROW = 2;
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

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
  const sheet = workbook.addWorksheet(name, {
    views: [
      {
        state: 'frozen',
        xSplit: 0,
        ySplit: HEADER_ROW,
        topLeftCell: `A${HEADER_ROW + 1}`,
        activeCell: `A${HEADER_ROW + 1}`,
      },
    ],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
  });
  WIDTHS.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  const title = sheet.getCell(TITLE_ROW, 1);
  title.value = `${input.tenantName}信访问题解决工作台账（${input.scope}）${name}（截至${chineseDateTime(input.generatedAt, 'generatedAt')}）`;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, CASE_LEDGER_HEADERS.length);
  sheet.getRow(TITLE_ROW).height = 32;
  const header = sheet.getRow(HEADER_ROW);
  header.values = [...CASE_LEDGER_HEADERS];
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL_ARGB } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  rows.forEach((row, i) => {
    const added = sheet.addRow(rowValues(row, i + 1, `${name} row ${i + 1}`));
    for (let col = 1; col <= CASE_LEDGER_HEADERS.length; col += 1) {
      const cell = added.getCell(col);
      cell.border = BORDER;
      cell.alignment = {
        vertical: 'middle',
        horizontal: WRAPPED.has(col) ? 'left' : 'center',
        wrapText: WRAPPED.has(col),
      };
      if (row.overdue) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: OVERDUE_FILL_ARGB } };
        cell.font = { color: { argb: OVERDUE_FONT_ARGB } };
      }
    }
    added.getCell(11).numFmt = DATE_FORMAT;
    added.getCell(14).numFmt = DATE_TIME_FORMAT;
  });
  sheet.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW + rows.length, column: CASE_LEDGER_HEADERS.length },
  };
}

/** Renders the ledger: one sheet per list, in the order given (the plugin's), overdue rows highlighted. */
export async function renderCaseLedgerXlsx(input: CaseLedgerWorkbook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = input.tenantName;
  workbook.created = instantOf(input.generatedAt, 'generatedAt');
  for (const { list, rows } of input.lists) addSheet(workbook, input, list, rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
