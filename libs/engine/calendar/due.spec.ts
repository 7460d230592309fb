import { prcCalendar } from './prc-calendar';

describe('due(start, duration, pauses)', () => {
  const calendar = prcCalendar();

  it('counts working days like addWorkingDays', () => {
    expect(calendar.due('2026-09-28', { amount: 15, unit: 'WORKING_DAYS' })).toEqual({
      date: '2026-10-23',
      provisional: false,
      missingYears: [],
    });
  });

  it('counts calendar days, weeks and months from the day after start', () => {
    expect(calendar.due('2026-03-02', { amount: 60, unit: 'CALENDAR_DAYS' }).date).toBe('2026-05-01');
    expect(calendar.due('2026-03-02', { amount: 2, unit: 'WEEKS' }).date).toBe('2026-03-16');
    expect(calendar.due('2026-01-31', { amount: 1, unit: 'MONTHS' }).date).toBe('2026-02-28');
    expect(calendar.due('2026-03-02', { amount: 3, unit: 'MONTHS' }).date).toBe('2026-06-02');
  });

  it('a calendar-day deadline never depends on the arrangement, so it is not provisional in 2027', () => {
    expect(calendar.due('2026-12-01', { amount: 60, unit: 'CALENDAR_DAYS' })).toEqual({
      date: '2027-01-30',
      provisional: false,
      missingYears: [],
    });
  });

  it('a hearing pause extends a calendar-day deadline by its length', () => {
    const hearing = { from: '2026-03-10', to: '2026-03-19', kind: 'HEARING' }; // 10 days
    expect(calendar.due('2026-03-02', { amount: 60, unit: 'CALENDAR_DAYS' }, [hearing]).date).toBe('2026-05-11');
    expect(calendar.due('2026-03-02', { amount: 2, unit: 'WEEKS' }, [hearing]).date).toBe('2026-03-26');
    expect(calendar.due('2026-03-02', { amount: 1, unit: 'MONTHS' }, [hearing]).date).toBe('2026-04-12');
  });

  it('a pause stops a working-day count only for the working days inside it', () => {
    // 2026-10-12 … 10-16 are 5 working days: 15 working days after 09-28 move from 10-23 to 10-30
    const pause = { from: '2026-10-11', to: '2026-10-16' };
    expect(calendar.due('2026-09-28', { amount: 15, unit: 'WORKING_DAYS' }, [pause]).date).toBe('2026-10-30');
  });

  it('ignores the parts of a pause on or before the start day, and overlapping pauses count once', () => {
    const pauses = [
      { from: '2026-02-20', to: '2026-03-05' },
      { from: '2026-03-04', to: '2026-03-06' },
    ];
    // counting resumes on 03-07: 60 unpaused days after 03-02 with 03-03…03-06 stopped → 2026-05-05
    expect(calendar.due('2026-03-02', { amount: 60, unit: 'CALENDAR_DAYS' }, pauses).date).toBe('2026-05-05');
  });

  it('with `excluding`, only pauses of the listed kinds stop the clock', () => {
    const pauses = [
      { from: '2026-03-10', to: '2026-03-19', kind: 'HEARING' },
      { from: '2026-04-01', to: '2026-04-05', kind: 'MAIL' },
    ];
    expect(calendar.due('2026-03-02', { amount: 60, unit: 'CALENDAR_DAYS' }, pauses).date).toBe('2026-05-16');
    expect(calendar.due('2026-03-02', { amount: 60, unit: 'CALENDAR_DAYS', excluding: ['HEARING'] }, pauses).date).toBe(
      '2026-05-11',
    );
    expect(calendar.due('2026-03-02', { amount: 60, unit: 'CALENDAR_DAYS', excluding: [] }, pauses).date).toBe(
      '2026-05-01',
    );
  });

  it('lastDayOff NEXT_WORKING_DAY moves a period ending in a break to the first working day after it', () => {
    // 2026-09-01 + 30 days = 10-01, National Day: the period ends on 10-08 instead
    expect(calendar.due('2026-09-01', { amount: 30, unit: 'CALENDAR_DAYS' }).date).toBe('2026-10-01');
    expect(calendar.due('2026-09-01', { amount: 30, unit: 'CALENDAR_DAYS', lastDayOff: 'NEXT_WORKING_DAY' }).date).toBe(
      '2026-10-08',
    );
    // 2026-12-04 + 4 weeks = 2027-01-01: moved by an assumption about 2027, hence provisional
    expect(calendar.due('2026-12-04', { amount: 4, unit: 'WEEKS', lastDayOff: 'NEXT_WORKING_DAY' })).toEqual({
      date: '2027-01-01',
      provisional: true,
      missingYears: [2027],
    });
  });

  it('rejects nonsense durations and pauses with a message naming the value', () => {
    expect(() => calendar.due('2026-03-02', { amount: 1.5, unit: 'CALENDAR_DAYS' })).toThrow(
      'duration.amount must be a whole number ≥ 0, got 1.5',
    );
    expect(() => calendar.due('2026-03-02', { amount: 1, unit: 'YEARS' as never })).toThrow(
      'duration.unit must be one of',
    );
    expect(() =>
      calendar.due('2026-03-02', { amount: 1, unit: 'WEEKS' }, [{ from: '2026-03-10', to: '2026-03-09' }]),
    ).toThrow('pauses[0] ends (2026-03-09) before it starts (2026-03-10)');
    expect(() =>
      calendar.due('2026-03-02', { amount: 1, unit: 'WEEKS' }, [{ from: '2026-02-30', to: '2026-03-09' }]),
    ).toThrow('pauses[0].from must be a real calendar date');
    expect(() => calendar.addWorkingDays('2026/03/02', 1)).toThrow(
      'start must be a real calendar date as YYYY-MM-DD, got "2026/03/02"',
    );
  });
});
