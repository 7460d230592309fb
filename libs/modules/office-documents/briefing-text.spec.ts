import { agreedItemsProgressBody, chineseDay } from './briefing-text';

describe('the text of the office papers', () => {
  it('writes a day the Chinese way, without leading zeros', () => {
    expect(chineseDay('2026-03-02')).toBe('2026年3月2日');
    expect(chineseDay('2026-12-31')).toBe('2026年12月31日');
  });

  it("sums up the agreed items' progress, then lists each with its owners, time limit and state", () => {
    const body = agreedItemsProgressBody(
      '十字镇信访工作联席会议',
      [
        { content: '修复村道', status: 'DONE', dueOn: '2026-03-01', provisional: false, owners: ['交通办'] },
        { content: '排查隐患', status: 'OPEN', dueOn: '2026-03-01', provisional: true, owners: ['应急办', '派出所'] },
        { content: '走访老户', status: 'OPEN', dueOn: null, provisional: false, owners: [] },
      ],
      '2026-03-02',
    );
    expect(body.split('\n\n')).toEqual([
      '截至2026年3月2日，十字镇信访工作联席会议议定事项共3项：已办结1项，正在办理2项（其中超过完成时限1项）。',
      '1. 修复村道。责任单位：交通办；完成时限：2026年3月1日；进展：已办结。',
      '2. 排查隐患。责任单位：应急办、派出所；完成时限：2026年3月1日（暂定）；进展：已超期，正在督办。',
      '3. 走访老户。责任单位：待定；完成时限：待定；进展：正在办理。',
    ]);
  });

  it('says there are none when no item is issued', () => {
    expect(agreedItemsProgressBody('下仓镇联席会议', [], '2026-01-05')).toBe(
      '截至2026年1月5日，下仓镇联席会议议定事项共0项：已办结0项，正在办理0项（其中超过完成时限0项）。',
    );
  });
});
