import { describe, expect, it } from 'vitest';
import type { PeriodInfo } from '@wk/contracts';
import {
  eventSelection,
  isPeriodKey,
  parsePeriodKind,
  periodLabel,
  periodOf,
  periodOptions,
  rememberPeriods,
  reportPdfUrl,
  trendRange,
  lastComplete,
} from './period-model';

describe('period keys', () => {
  it('reads the kind from the URL, quarter unless month', () => {
    expect(parsePeriodKind('month')).toBe('month');
    expect(parsePeriodKind('year')).toBe('quarter');
    expect(parsePeriodKind(null)).toBe('quarter');
    // Rounds and waves only where the page shows them on their own.
    expect(parsePeriodKind('round')).toBe('quarter');
    expect(parsePeriodKind('round', true)).toBe('round');
    expect(parsePeriodKind('wave', true)).toBe('wave');
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
    expect(reportPdfUrl('month', '2026-09', { teamId: 't2', valueKey: 'betrouwbaar' })).toBe(
      '/api/insights/report.pdf?period=month&at=2026-09&teamId=t2&valueKey=betrouwbaar',
    );
  });

  describe('rounds and waves', () => {
    const round = (key: string, seriesId: string, start: string): PeriodInfo => ({
      key,
      kind: 'round',
      seriesId,
      seriesName: seriesId === 'c1' ? 'Kwartaalmeting' : 'Pilot',
      start,
      end: start,
    });
    // Newest first, as the api offers them; two cycles interleaved.
    const choices = [
      round('r6', 'c1', '2026-10-05T07:00:00Z'),
      round('p1', 'c2', '2026-09-01T07:00:00Z'),
      round('r5', 'c1', '2026-07-06T07:00:00Z'),
      round('r4', 'c1', '2026-04-06T07:00:00Z'),
      round('r3', 'c1', '2026-01-05T07:00:00Z'),
      round('r2', 'c1', '2025-10-06T07:00:00Z'),
    ];

    it('takes the chosen round, else the newest, with a trend of four rounds of its own cycle', () => {
      expect(eventSelection(choices, 'r5')).toEqual({
        at: 'r5',
        seriesId: 'c1',
        range: { from: 'r2', to: 'r5' },
      });
      expect(eventSelection(choices, null)).toEqual({
        at: 'r6',
        seriesId: 'c1',
        range: { from: 'r3', to: 'r6' },
      });
      expect(eventSelection(choices, 'gone')?.at).toBe('r6');
      // A cycle with one round: the trend is that round.
      expect(eventSelection(choices, 'p1')).toEqual({
        at: 'p1',
        seriesId: 'c2',
        range: { from: 'p1', to: 'p1' },
      });
      expect(eventSelection([], null)).toBeNull();
    });

    it('names a round by its cycle and the day it opened, once the api has told its name', () => {
      expect(periodLabel('r6', 'nl')).toBe('r6');
      rememberPeriods(choices);
      expect(periodLabel('r6', 'nl')).toBe('Kwartaalmeting · 5 okt 2026');
      expect(periodLabel('r6', 'en')).toBe('Kwartaalmeting · 5 Oct 2026');
    });
  });
});

describe('lastComplete (the default period)', () => {
  it.each([
    ['quarter', new Date(2026, 11, 3), '2026-Q3'],
    ['quarter', new Date(2026, 0, 15), '2025-Q4'],
    ['quarter', new Date(2026, 3, 1), '2026-Q1'],
    ['month', new Date(2026, 0, 15), '2025-12'],
    ['month', new Date(2026, 6, 31), '2026-06'],
  ] as const)('%s on %s → %s (never the unfinished current one)', (kind, now, expected) => {
    expect(lastComplete(kind, now)).toBe(expected);
  });
});
