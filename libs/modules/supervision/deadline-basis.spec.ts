import { deadlineBasis, storedBasis } from './deadline-basis';

describe('deadlineBasis (D5: a figure is cited only where a source states it)', () => {
  it('cites the article that states the figure', () => {
    expect(deadlineBasis({ amount: 15, unit: 'WORKING_DAYS', source: '003 §六' })).toEqual({
      amount: 15,
      unit: 'WORKING_DAYS',
      source: '003 §六',
      platformDefault: false,
      words: '15个工作日内（003 §六）',
    });
  });

  it('names the plugin of an inherited rule', () => {
    expect(
      deadlineBasis({ amount: 15, unit: 'WORKING_DAYS', source: '003 §六' }, 'county-petition-mechanisms').source,
    ).toBe('003 §六 (county-petition-mechanisms)');
  });

  it('says "platform default" when no source states the figure, whatever rule it sits in', () => {
    const b = deadlineBasis({ amount: 10, unit: 'CALENDAR_DAYS' }, 'county-petition-mechanisms');
    expect(b).toMatchObject({ source: null, platformDefault: true });
    expect(b.words).toBe('10日内（平台默认期限，来源未作规定）');
  });

  it('reads a stored basis back, and nothing from an older action', () => {
    expect(storedBasis(deadlineBasis({ amount: 2, unit: 'WEEKS' }))).toMatchObject({
      platformDefault: true,
      words: '2周内（平台默认期限，来源未作规定）',
    });
    expect(storedBasis(undefined)).toBeNull();
    expect(storedBasis({ amount: 15 })).toBeNull();
  });
});
