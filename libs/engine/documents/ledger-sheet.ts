import type ExcelJS from 'exceljs';

/**
 * The layout every ledger (台账) spreadsheet shares, written once: a bold title row across the columns, a
 * grey header row frozen under it and repeated on every printed page, landscape A4 one page wide, thin
 * borders, free-text columns wrapped, overdue rows highlighted and an autofilter over the data. The
 * context renders its own columns and values; exceljs is imported for its types only, so importing the
 * engine's documents loads no spreadsheet code.
 */

/** Excel's own "light red fill with dark red text", which readers already know as "bad". */
export const OVERDUE_FILL_ARGB = 'FFFFC7CE';
export const OVERDUE_FONT_ARGB = 'FF9C0006';
/** The number formats of a ledger's cells: a date (2026年3月5日), a date-time in the Beijing wall-clock time `shanghaiWallClockDate` gives. */
export const LEDGER_FORMATS = { date: 'yyyy"年"m"月"d"日"', dateTime: 'yyyy-mm-dd hh:mm' } as const;
/** The header row; data rows follow it. */
export const LEDGER_HEADER_ROW = 2;

const TITLE_ROW = 1;
const HEADER_FILL_ARGB = 'FFD9D9D9';
const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export interface LedgerSheetLayout {
  /** The sheet's tab name. */
  name: string;
  /** The title row's text (what the ledger is, and as of when). */
  title: string;
  headers: readonly string[];
  /** Column widths, in characters, in column order. */
  widths: readonly number[];
  /** Columns (1-based) of free text: left-aligned and wrapped. */
  wrapped: ReadonlySet<number>;
  /** The header row: its height in points, and whether its cells wrap (long headings). */
  header?: { height?: number; wrap?: boolean };
  /** Number formats by column (1-based), e.g. `{ 11: LEDGER_FORMATS.date }`; a row may override one. */
  formats?: Readonly<Record<number, string>>;
}

/** A ledger sheet being written: rows go in order under the header; `done()` sets the autofilter over them. */
export interface LedgerSheet {
  readonly sheet: ExcelJS.Worksheet;
  /** A data row, styled (`styleLedgerRow`) and formatted; `formats` overrides the layout's for this row. */
  addRow(values: ExcelJS.CellValue[], overdue: boolean, formats?: Readonly<Record<number, string>>): ExcelJS.Row;
  done(): void;
}

/** A new ledger sheet in `workbook` (`addLedgerSheet`), written row by row. */
export function ledgerSheet(workbook: ExcelJS.Workbook, layout: LedgerSheetLayout): LedgerSheet {
  const sheet = addLedgerSheet(workbook, layout);
  let rows = 0;
  return {
    sheet,
    addRow(values, overdue, formats) {
      const row = sheet.addRow(values);
      rows += 1;
      styleLedgerRow(row, layout, overdue);
      for (const [col, format] of Object.entries({ ...layout.formats, ...formats }))
        row.getCell(Number(col)).numFmt = format;
      return row;
    },
    done: () => filterLedger(sheet, layout, rows),
  };
}

/** A new ledger sheet in `workbook`: title, frozen header and print setup; data rows are added after it. */
function addLedgerSheet(workbook: ExcelJS.Workbook, layout: LedgerSheetLayout): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(layout.name, {
    views: [
      {
        state: 'frozen',
        xSplit: 0,
        ySplit: LEDGER_HEADER_ROW,
        topLeftCell: `A${LEDGER_HEADER_ROW + 1}`,
        activeCell: `A${LEDGER_HEADER_ROW + 1}`,
      },
    ],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${LEDGER_HEADER_ROW}:${LEDGER_HEADER_ROW}`,
    },
  });
  layout.widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  const title = sheet.getCell(TITLE_ROW, 1);
  title.value = layout.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, layout.headers.length);
  sheet.getRow(TITLE_ROW).height = 32;
  const header = sheet.getRow(LEDGER_HEADER_ROW);
  header.values = [...layout.headers];
  if (layout.header?.height) header.height = layout.header.height;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL_ARGB } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', ...(layout.header?.wrap ? { wrapText: true } : {}) };
    cell.border = BORDER;
  });
  return sheet;
}

/** A data row's look: bordered, free text wrapped and left, the rest centred; an overdue row in red. */
function styleLedgerRow(row: ExcelJS.Row, layout: LedgerSheetLayout, overdue: boolean): void {
  for (let col = 1; col <= layout.headers.length; col += 1) {
    const cell = row.getCell(col);
    cell.border = BORDER;
    cell.alignment = {
      vertical: 'middle',
      horizontal: layout.wrapped.has(col) ? 'left' : 'center',
      wrapText: layout.wrapped.has(col),
    };
    if (overdue) {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: OVERDUE_FILL_ARGB } };
      cell.font = { color: { argb: OVERDUE_FONT_ARGB } };
    }
  }
}

/** The autofilter over the header row and the `rows` data rows under it. */
function filterLedger(sheet: ExcelJS.Worksheet, layout: LedgerSheetLayout, rows: number): void {
  sheet.autoFilter = {
    from: { row: LEDGER_HEADER_ROW, column: 1 },
    to: { row: LEDGER_HEADER_ROW + rows, column: layout.headers.length },
  };
}
