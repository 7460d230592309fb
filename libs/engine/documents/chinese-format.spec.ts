import {
  chineseDate,
  chineseDateOf,
  chineseDateTime,
  chineseNumeral,
  enumerate,
  shanghaiWallClockDate,
} from './chinese-format';

describe('official-document formatting', () => {
  it('writes dates without leading zeros, on the Beijing day of an instant', () => {
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日');
    expect(chineseDateOf('2026-12-31T16:00:00Z')).toBe('2027年1月1日');
    expect(chineseDateTime('2026-11-22T00:05:00Z')).toBe('2026年11月22日（星期日）08:05');
    expect(shanghaiWallClockDate('2026-12-31T16:30:00Z')).toEqual(new Date(Date.UTC(2027, 0, 1, 0, 30)));
    expect(() => chineseDate('2026-02-29', 'dueOn')).toThrow(/dueOn.*2026-02-29/);
    expect(() => chineseDateOf('2026-13-01T00:00:00Z', 'heldAt')).toThrow(/heldAt/);
  });

  it('numbers first-level items in Chinese numerals', () => {
    expect([1, 9, 10, 11, 20, 21, 99].map(chineseNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
    ]);
    expect(() => chineseNumeral(100)).toThrow(RangeError);
  });

  it('joins units with the enumeration comma, dropping blanks', () => {
    expect(enumerate([' 镇综治办', '', '镇派出所 '])).toBe('镇综治办、镇派出所');
  });
});
