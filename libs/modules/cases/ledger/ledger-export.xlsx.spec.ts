import ExcelJS from 'exceljs';
import { OVERDUE_FILL_ARGB } from '@engine/documents';
import {
  CASE_LEDGER_HEADERS,
  renderCaseLedgerXlsx,
  type CaseLedgerRow,
  type CaseLedgerWorkbook,
} from './ledger-export.xlsx';

const row = (over: Partial<CaseLedgerRow> = {}): CaseLedgerRow => ({
  caseNumber: '2026-0001',
  level: '街道',
  community: null,
  content: '小区供暖不达标',
  classification: '民生诉求',
  measures: '协调供热公司检修管网',
  owningLeader: '王伟',
  responsibleUnit: '平安建设办公室',
  responsiblePerson: '李娜',
  dueOn: '2026-12-01',
  doneAt: null,
  overdue: false,
  ...over,
});

const workbook = (): CaseLedgerWorkbook => ({
  tenantName: '新城街道',
  scope: '街道、社区两级',
  generatedAt: '2026-12-10T02:05:00Z',
  lists: [
    {
      list: 'PROBLEM',
      rows: [row(), row({ caseNumber: '2026-0002', level: '社区', community: '社区居委会1', overdue: true })],
    },
    { list: 'RESPONSIBILITY', rows: [] },
    { list: 'TASK', rows: [row({ doneAt: '2026-12-08T07:20:00Z' })] },
  ],
});

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

const values = (r: ExcelJS.Row) => Array.from({ length: CASE_LEDGER_HEADERS.length }, (_, i) => r.getCell(i + 1).value);

describe('renderCaseLedgerXlsx', () => {
  it('writes one sheet per list, in the order given, each titled with its scope and date', async () => {
    const wb = await load(await renderCaseLedgerXlsx(workbook()));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['问题清单', '责任清单', '任务清单']);
    expect(wb.getWorksheet('问题清单')!.getCell('A1').value).toBe(
      '新城街道信访问题解决工作台账（街道、社区两级）问题清单（截至2026年12月10日（星期四）10:05）',
    );
    expect(values(wb.getWorksheet('责任清单')!.getRow(2))).toEqual([...CASE_LEDGER_HEADERS]);
    expect(wb.getWorksheet('责任清单')!.rowCount).toBe(2);
  });

  it('writes each entry as a row with real dates, status in Chinese and the community for community entries', async () => {
    const wb = await load(await renderCaseLedgerXlsx(workbook()));
    const problems = wb.getWorksheet('问题清单')!;
    expect(values(problems.getRow(3))).toEqual([
      1,
      '2026-0001',
      '街道',
      null,
      '小区供暖不达标',
      '民生诉求',
      '协调供热公司检修管网',
      '王伟',
      '平安建设办公室',
      '李娜',
      new Date(Date.UTC(2026, 11, 1)),
      '未办结',
      '否',
      null,
    ]);
    expect(values(problems.getRow(4)).slice(0, 4)).toEqual([2, '2026-0002', '社区', '社区居委会1']);
    // Done at 07:20Z is 15:20 in Beijing.
    expect(values(wb.getWorksheet('任务清单')!.getRow(3)).slice(11)).toEqual([
      '已办结',
      '否',
      new Date(Date.UTC(2026, 11, 8, 15, 20)),
    ]);
  });

  it('highlights overdue rows only', async () => {
    const problems = (await load(await renderCaseLedgerXlsx(workbook()))).getWorksheet('问题清单')!;
    const fill = (c: ExcelJS.Cell) => (c.fill?.type === 'pattern' ? c.fill.fgColor?.argb : undefined);
    expect(fill(problems.getRow(4).getCell(5))).toBe(OVERDUE_FILL_ARGB);
    expect(fill(problems.getRow(3).getCell(5))).toBeUndefined();
  });

  it('refuses an impossible date rather than printing it', async () => {
    const bad = workbook();
    bad.lists[0].rows[0] = row({ dueOn: '2026-13-01' });
    await expect(renderCaseLedgerXlsx(bad)).rejects.toThrow(/问题清单 row 1 dueOn/);
  });
});
