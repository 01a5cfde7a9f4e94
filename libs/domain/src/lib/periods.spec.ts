import {
  lastCompletePeriod,
  defaultPeriods,
  eventRange,
  isPeriodKey,
  periodMonths,
  periodOfMonth,
  periodRange,
  previousPeriod,
} from './periods';

describe('reporting periods', () => {
  it('recognises month and quarter keys', () => {
    expect(isPeriodKey('month', '2026-11')).toBe(true);
    expect(isPeriodKey('month', '2026-13')).toBe(false);
    expect(isPeriodKey('quarter', '2026-Q4')).toBe(true);
    expect(isPeriodKey('quarter', '2026-Q5')).toBe(false);
    expect(isPeriodKey('quarter', '2026-11')).toBe(false);
  });

  it('places a month in its quarter', () => {
    expect(periodOfMonth('quarter', '2026-01-01')).toBe('2026-Q1');
    expect(periodOfMonth('quarter', '2026-03')).toBe('2026-Q1');
    expect(periodOfMonth('quarter', '2026-04')).toBe('2026-Q2');
    expect(periodOfMonth('month', '2026-12-01')).toBe('2026-12');
  });

  it('lists ranges across year ends and steps back one period', () => {
    expect(periodRange('quarter', '2025-Q3', '2026-Q2')).toEqual([
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(periodRange('month', '2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodRange('month', '2026-02', '2026-01')).toEqual([]);
    expect(previousPeriod('quarter', '2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('month', '2026-01')).toBe('2025-12');
  });

  it('defaults to the last complete month or quarter, across year ends', () => {
    expect(lastCompletePeriod('quarter', '2026-12')).toBe('2026-Q3');
    expect(lastCompletePeriod('quarter', '2027-01')).toBe('2026-Q4');
    expect(lastCompletePeriod('quarter', '2026-04')).toBe('2026-Q1');
    expect(lastCompletePeriod('month', '2026-12')).toBe('2026-11');
    expect(lastCompletePeriod('month', '2027-01')).toBe('2026-12');
  });

  it('gives the months a period covers', () => {
    expect(periodMonths('quarter', '2026-Q4')).toEqual({ first: '2026-10-01', afterLast: '2027-01-01' });
    expect(periodMonths('month', '2026-12')).toEqual({ first: '2026-12-01', afterLast: '2027-01-01' });
  });

  it('defaults to the last four quarters or twelve months', () => {
    expect(defaultPeriods('quarter', '2026-11')).toEqual({ from: '2026-Q1', to: '2026-Q4' });
    expect(defaultPeriods('month', '2026-11')).toEqual({ from: '2025-12', to: '2026-11' });
  });

  describe('rounds and waves (a series in time order)', () => {
    const series = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];

    it.each([
      // [from, to, periods, before]: the same rules as calendar ranges, counted in events
      [undefined, undefined, ['r3', 'r4', 'r5', 'r6'], 'r2'], // the latest four, with the one before
      ['r2', 'r3', ['r2', 'r3'], 'r1'],
      ['r1', undefined, series, null], // the first round has nothing to compare with
      [undefined, 'r4', ['r4'], 'r3'], // only `to`: that one
      ['r5', 'r5', ['r5'], 'r4'],
    ])('from %s to %s', (from, to, periods, before) => {
      expect(eventRange(series, from, to)).toEqual({ periods, before });
    });

    it('names the bound that is not in the series, or that comes after the other', () => {
      expect(eventRange(series, 'x', 'r2')).toEqual({ invalid: 'from' });
      expect(eventRange(series, 'r1', 'x')).toEqual({ invalid: 'to' });
      expect(eventRange(series, 'r4', 'r2')).toEqual({ invalid: 'from' });
    });

    it('is empty for a series without events, and fewer than four when there are fewer', () => {
      expect(eventRange([], undefined, undefined)).toEqual({ periods: [], before: null });
      expect(eventRange(['w1', 'w2'], undefined, undefined)).toEqual({ periods: ['w1', 'w2'], before: null });
    });
  });
});
