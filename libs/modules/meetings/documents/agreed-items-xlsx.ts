import ExcelJS from 'exceljs';
import {
  calendarDate,
  chineseDateTime,
  enumerate,
  instantOf,
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

/** Excel's own "light red fill with dark red text", which readers already know as "bad". */
export const OVERDUE_FILL_ARGB = 'FFFFC7CE';
export const OVERDUE_FONT_ARGB = 'FF9C0006';

const HEADER_FILL_ARGB = 'FFD9D9D9';
const WIDTHS = [6, 22, 18, 48, 24, 18, 10, 10, 40, 18];
/** Columns with free text, which wrap instead of spilling into the next cell. */
const WRAPPED = new Set([2, 4, 5, 9]);
const TITLE_ROW = 1;
const HEADER_ROW = 2;
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
const PROVISIONAL_DATE_FORMAT = 'yyyy"年"m"月"d"日（暂定）"';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

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

function styleDataRow(row: ExcelJS.Row, item: AgreedItemRow): void {
  for (let col = 1; col <= AGREED_ITEMS_HEADERS.length; col += 1) {
    const cell = row.getCell(col);
    cell.border = BORDER;
    cell.alignment = {
      vertical: 'middle',
      horizontal: WRAPPED.has(col) ? 'left' : 'center',
      wrapText: WRAPPED.has(col),
    };
    if (item.overdue) {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: OVERDUE_FILL_ARGB } };
      cell.font = { color: { argb: OVERDUE_FONT_ARGB } };
    }
  }
  row.getCell(6).numFmt = item.provisional ? PROVISIONAL_DATE_FORMAT : DATE_FORMAT;
  row.getCell(10).numFmt = DATE_TIME_FORMAT;
}

function addTitleAndHeader(sheet: ExcelJS.Worksheet, input: AgreedItemsLedger): void {
  const title = sheet.getCell(TITLE_ROW, 1);
  title.value = `${input.tenantName}会议议定事项落实情况台账（截至${chineseDateTime(input.generatedAt, 'generatedAt')}）`;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, AGREED_ITEMS_HEADERS.length);
  sheet.getRow(TITLE_ROW).height = 32;

  const header = sheet.getRow(HEADER_ROW);
  header.values = [...AGREED_ITEMS_HEADERS];
  header.height = 22;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL_ARGB } };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = BORDER;
  });
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
  const sheet = workbook.addWorksheet(AGREED_ITEMS_SHEET, {
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
  addTitleAndHeader(sheet, input);

  for (const item of input.items) styleDataRow(sheet.addRow(rowValues(item)), item);

  sheet.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW + input.items.length, column: AGREED_ITEMS_HEADERS.length },
  };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
