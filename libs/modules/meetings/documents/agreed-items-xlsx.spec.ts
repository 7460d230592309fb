import ExcelJS from 'exceljs';
import { OVERDUE_FILL_ARGB } from '@engine/documents';
import { AGREED_ITEMS_SHEET, renderAgreedItemsXlsx } from './agreed-items-xlsx';
import { shiziLedger } from './testing/fixtures';
import { zipText } from '@test/support/read-zip';

async function sheetOf(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual([AGREED_ITEMS_SHEET]);
  return workbook.getWorksheet(AGREED_ITEMS_SHEET)!;
}

const texts = (row: ExcelJS.Row, from = 1, to = 10) =>
  Array.from({ length: to - from + 1 }, (_, i) => row.getCell(from + i).value);

const fillOf = (cell: ExcelJS.Cell) => (cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined);

describe('renderAgreedItemsXlsx', () => {
  it('has a title row stating how current it is, then the header row', async () => {
    const sheet = await sheetOf(await renderAgreedItemsXlsx(shiziLedger()));
    expect(sheet.getCell('A1').value).toBe('十字镇会议议定事项落实情况台账（截至2026年12月10日（星期四）10:05）');
    expect(sheet.getCell('A1').isMerged && sheet.getCell('J1').isMerged).toBe(true);
    expect(texts(sheet.getRow(2))).toEqual([
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
    ]);
    expect(sheet.getCell('A2').font?.bold).toBe(true);
  });

  it('writes each item as a row, with status and overdue in Chinese and dates as date cells', async () => {
    const sheet = await sheetOf(await renderAgreedItemsXlsx(shiziLedger()));
    expect(sheet.rowCount).toBe(5);
    expect(texts(sheet.getRow(3))).toEqual([
      1,
      '2026年第三次全体会议',
      '十字联席〔2026〕3号',
      '对红星村土地流转矛盾开展联合调处',
      '镇综治办、镇司法所',
      new Date(Date.UTC(2026, 11, 5)),
      '已报告',
      '是',
      '已召开两次调处会，双方初步达成意向',
      null,
    ]);
    // 2026-12-08T07:20Z is 15:20 in Beijing; the cell shows Beijing wall-clock time.
    expect(texts(sheet.getRow(4), 6, 10)).toEqual([
      new Date(Date.UTC(2026, 11, 31)),
      '已办结',
      '否',
      '台账已更新并报县联席办',
      new Date(Date.UTC(2026, 11, 8, 15, 20)),
    ]);
    expect(texts(sheet.getRow(5), 5, 9)).toEqual(['待定', new Date(Date.UTC(2027, 0, 15)), '未完成', '否', null]);
  });

  it('shows a provisional deadline as （暂定） through its number format, keeping it a date', async () => {
    const sheet = await sheetOf(await renderAgreedItemsXlsx(shiziLedger()));
    expect(sheet.getCell('F4').numFmt).toContain('暂定');
    expect(sheet.getCell('F3').numFmt).not.toContain('暂定');
    expect(sheet.getCell('F5').numFmt).not.toContain('暂定');
  });

  it('highlights every cell of an overdue row, and only overdue rows', async () => {
    const sheet = await sheetOf(await renderAgreedItemsXlsx(shiziLedger()));
    for (let col = 1; col <= 10; col += 1) expect(fillOf(sheet.getRow(3).getCell(col))).toBe(OVERDUE_FILL_ARGB);
    for (const row of [4, 5])
      for (let col = 1; col <= 10; col += 1) expect(fillOf(sheet.getRow(row).getCell(col))).toBeUndefined();
  });

  it('freezes the title and header, filters from the header and sets the column widths', async () => {
    const buffer = await renderAgreedItemsXlsx(shiziLedger());
    const sheet = await sheetOf(buffer);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getColumn(4).width).toBeGreaterThan(sheet.getColumn(1).width!);
    expect(sheet.getColumn(1).width).toBeGreaterThan(0);
    expect(zipText(buffer, 'xl/worksheets/sheet1.xml')).toContain('<autoFilter ref="A2:J5"/>');
  });

  it('keeps a valid filter range for an empty ledger and refuses an impossible date', async () => {
    const buffer = await renderAgreedItemsXlsx({ ...shiziLedger(), items: [] });
    expect(zipText(buffer, 'xl/worksheets/sheet1.xml')).toContain('<autoFilter ref="A2:J2"/>');
    const bad = shiziLedger();
    bad.items[2] = { ...bad.items[2], dueOn: '2027-13-01' };
    await expect(renderAgreedItemsXlsx(bad)).rejects.toThrow(/item 3 dueOn.*2027-13-01/);
  });
});
