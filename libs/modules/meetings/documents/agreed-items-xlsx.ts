import ExcelJS from 'exceljs';
import {
  calendarDate,
  chineseDateTime,
  enumerate,
  instantOf,
  LEDGER_FORMATS,
  ledgerSheet,
  shanghaiWallClockDate,
  UNASSIGNED,
} from '@engine/documents';

/**
 * The 议定事项 ledger (台账) as a spreadsheet: the list supervisors filter and print to chase
 * owners. Dates are real date cells (sortable, filterable) rather than text; "暂定" lives in the
 * cell's number format so a provisional deadline still sorts as a date.
 */
export type AgreedItemStatus = 'OPEN' | 'REPORTED' | 'DONE';

export interface AgreedItemRow {
  number: number;
  /** The meeting's display name, e.g. 2026年第三次全体会议. */
  meeting: string;
  minutesNumber: string;
  content: string;
  owners: string[];
  /** YYYY-MM-DD. */
  dueOn: string;
  provisional: boolean;
  status: AgreedItemStatus;
  overdue: boolean;
  /** The latest progress report (落实情况), as written. */
  lastReport?: string;
  /** ISO instant the item was accepted as done (办结); shown in Beijing time. */
  acceptedAt?: string;
}

export interface AgreedItemsLedger {
  tenantName: string;
  /** ISO instant; printed in the title so a printout says how current it is. */
  generatedAt: string;
  items: AgreedItemRow[];
}

export const AGREED_ITEMS_SHEET = '议定事项';

export const AGREED_ITEMS_HEADERS = [
  '序号',
  '会议',
  '纪要文号',
  '议定事项',
  '责任单位',
  '完成时限',
  '状态',
  '是否超期',
  '最新落实情况',
  '办结时间',
] as const;

/** Exhaustive by type: a new status does not compile until it has a name. */
export const STATUS_NAMES: Readonly<Record<AgreedItemStatus, string>> = {
  OPEN: '未完成',
  REPORTED: '已报告',
  DONE: '已办结',
};

const WIDTHS = [6, 22, 18, 48, 24, 18, 10, 10, 40, 18];
/** Columns with free text, which wrap instead of spilling into the next cell. */
const WRAPPED = new Set([2, 4, 5, 9]);
const PROVISIONAL_DATE_FORMAT = 'yyyy"年"m"月"d"日（暂定）"';

function rowValues(item: AgreedItemRow): ExcelJS.CellValue[] {
  return [
    item.number,
    item.meeting,
    item.minutesNumber,
    item.content,
    enumerate(item.owners) || UNASSIGNED,
    calendarDate(item.dueOn, `item ${item.number} dueOn`),
    STATUS_NAMES[item.status],
    item.overdue ? '是' : '否',
    item.lastReport ?? null,
    item.acceptedAt ? shanghaiWallClockDate(item.acceptedAt, `item ${item.number} acceptedAt`) : null,
  ];
}

/**
 * Renders the ledger as XLSX: one sheet 议定事项 with a title row, a frozen header row with an
 * autofilter, and overdue rows highlighted. Printing is landscape A4, one page wide, with the
 * header repeated on every page.
 */
export async function renderAgreedItemsXlsx(input: AgreedItemsLedger): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = input.tenantName;
  workbook.created = instantOf(input.generatedAt, 'generatedAt');
  const sheet = ledgerSheet(workbook, {
    name: AGREED_ITEMS_SHEET,
    title: `${input.tenantName}会议议定事项落实情况台账（截至${chineseDateTime(input.generatedAt, 'generatedAt')}）`,
    headers: AGREED_ITEMS_HEADERS,
    widths: WIDTHS,
    wrapped: WRAPPED,
    header: { height: 22 },
    formats: { 10: LEDGER_FORMATS.dateTime },
  });
  for (const item of input.items)
    sheet.addRow(rowValues(item), item.overdue, {
      6: item.provisional ? PROVISIONAL_DATE_FORMAT : LEDGER_FORMATS.date,
    });
  sheet.done();
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
