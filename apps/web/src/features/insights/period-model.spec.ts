import { describe, expect, it } from 'vitest';
import {
  isPeriodKey,
  parsePeriodKind,
  periodLabel,
  periodOf,
  periodOptions,
  reportPdfUrl,
  trendRange,
} from './period-model';

describe('period keys', () => {
  it('reads the kind from the URL, quarter unless month', () => {
    expect(parsePeriodKind('month')).toBe('month');
    expect(parsePeriodKind('year')).toBe('quarter');
    expect(parsePeriodKind(null)).toBe('quarter');
  });

  it.each([
    ['quarter', '2026-Q3', true],
    ['quarter', '2026-Q5', false],
    ['quarter', '2026-11', false],
    ['month', '2026-11', true],
    ['month', '2026-13', false],
    ['month', '2026-1', false],
  ] as const)('%s %s valid: %p', (kind, key, valid) => {
    expect(isPeriodKey(kind, key)).toBe(valid);
  });

  it('finds the period of a date and offers the latest first', () => {
    const now = new Date(2026, 6, 15); // 15 July 2026
    expect(periodOf('quarter', now)).toBe('2026-Q3');
    expect(periodOf('month', now)).toBe('2026-07');
    expect(periodOptions('quarter', now, 3)).toEqual(['2026-Q3', '2026-Q2', '2026-Q1']);
    expect(periodOptions('month', now)).toHaveLength(24);
    // across a year end
    expect(periodOptions('month', new Date(2026, 0, 3), 3)).toEqual(['2026-01', '2025-12', '2025-11']);
  });

  it('asks a year of trend ending at the chosen period', () => {
    expect(trendRange('quarter', '2026-Q2')).toEqual({ from: '2025-Q3', to: '2026-Q2' });
    expect(trendRange('month', '2026-03')).toEqual({ from: '2025-04', to: '2026-03' });
    expect(trendRange('quarter', '2026-Q1')).toEqual({ from: '2025-Q2', to: '2026-Q1' });
  });

  it('names periods for people', () => {
    expect(periodLabel('2026-Q3', 'nl')).toBe('Q3 2026');
    expect(periodLabel('2026-11', 'nl')).toBe('november 2026');
    expect(periodLabel('2026-11', 'en')).toBe('November 2026');
  });

  it('links the board report PDF of a period', () => {
    expect(reportPdfUrl('quarter', '2026-Q3')).toBe('/api/insights/report.pdf?period=quarter&at=2026-Q3');
  });
});
