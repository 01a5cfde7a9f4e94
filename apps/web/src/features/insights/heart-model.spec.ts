import type { HeartMonitor, HeartMonitorPoint } from '@wk/contracts';
import { describe, expect, it } from 'vitest';
import { heartMarks, heartSeries, heartValueKeys } from './heart-model';

const point = (
  id: string,
  mean: number | null,
  over: Partial<HeartMonitorPoint> = {},
): HeartMonitorPoint => ({
  touchpointId: id,
  name: `Stap ${id}`,
  channel: 'phone',
  momentOfTruth: false,
  grade: { n: 20, mean, low: mean === null ? null : mean - 0.5, high: mean === null ? null : mean + 0.5 },
  values: [{ valueKey: 'betrouwbaar', grade: { n: 20, mean, low: null, high: null } }],
  peak: false,
  dip: false,
  ...over,
});

const monitor: HeartMonitor = {
  journeyId: 'j1',
  name: 'Reparatie melden',
  period: '2026-Q2',
  points: [
    point('1', 7),
    point('2', 8.2, { peak: true, momentOfTruth: true, grade: { n: 20, mean: 8.2, low: 7.5, high: 8.9 } }),
    point('3', 5.9, {
      dip: true,
      values: [
        { valueKey: 'betrouwbaar', grade: { n: 20, mean: 6, low: null, high: null } },
        { valueKey: 'persoonlijk', grade: { n: 20, mean: 5.8, low: null, high: null } },
      ],
    }),
    point('4', null, { grade: { n: 0, mean: null, low: null, high: null } }),
  ],
};

describe('heart monitor model', () => {
  it('keeps journey order and numbers the steps', () => {
    const series = heartSeries(monitor);
    expect(series.map((p) => p.step)).toEqual([1, 2, 3, 4]);
    expect(series[1]).toMatchObject({ grade: 8.2, band: [7.5, 8.9], peak: true, momentOfTruth: true, n: 20 });
    expect(series[2].values).toEqual({ betrouwbaar: 6, persoonlijk: 5.8 });
    expect(series[3]).toMatchObject({ grade: null, band: null, n: 0 });
  });

  it('lists value keys in order of first appearance', () => {
    expect(heartValueKeys(monitor)).toEqual(['betrouwbaar', 'persoonlijk']);
  });

  it('names the marks of a point, moment of truth first', () => {
    expect(heartMarks({ peak: true, dip: false, momentOfTruth: true })).toEqual(['momentOfTruth', 'peak']);
    expect(heartMarks({ peak: false, dip: true, momentOfTruth: false })).toEqual(['dip']);
    expect(heartMarks({ peak: false, dip: false, momentOfTruth: false })).toEqual([]);
  });
});
