import { MULTILINE_TEXT_PATTERN, NAME_PATTERN, TEXT_PATTERN } from './patterns';

describe('text patterns', () => {
  const invisible = [
    '\u200B\u200B',
    '\u200B\u200C\u200D\uFEFF',
    ' \u200B ',
    '\u3164\u3164',
    '\u2800\u2800',
    '\u0301\u0301',
    '\u2060\u2061',
  ];
  it.each(invisible)('refuse text that shows nothing: %j', (s) => {
    expect(TEXT_PATTERN.test(s)).toBe(false);
    expect(MULTILINE_TEXT_PATTERN.test(s)).toBe(false);
    expect(MULTILINE_TEXT_PATTERN.test(`${s}\n${s}`)).toBe(false);
    expect(NAME_PATTERN.test(s)).toBe(false);
  });
  it('accept ordinary text in any script, with zero-width joiners inside visible text', () => {
    for (const s of ['全国两会前重点时期', 'Key period', '第一段\u200D文字', '👩‍👩‍👧 家庭', 'é'])
      expect(TEXT_PATTERN.test(s)).toBe(true);
    expect(MULTILINE_TEXT_PATTERN.test('第一行\n第二行\t完')).toBe(true);
    expect(NAME_PATTERN.test('十字镇派出所')).toBe(true);
  });
  it('still refuse control and bidi-override characters', () => {
    expect(TEXT_PATTERN.test('理由\u0000')).toBe(false);
    expect(TEXT_PATTERN.test('综合\u202E办公室')).toBe(false);
    expect(MULTILINE_TEXT_PATTERN.test('a\u0007b')).toBe(false);
  });
});
