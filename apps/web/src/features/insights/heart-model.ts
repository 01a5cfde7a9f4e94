import type { HeartMonitor } from '@wk/contracts';

/** The heart monitor of a journey as chart points: recognition per touchpoint in journey order. */

export interface HeartPoint {
  /** 1-based place in the journey. */
  step: number;
  touchpointId: string;
  name: string;
  channel: string;
  momentOfTruth: boolean;
  peak: boolean;
  dip: boolean;
  grade: number | null;
  low: number | null;
  high: number | null;
  /** The 95% band for the Area; null without an interval. */
  band: [number, number] | null;
  n: number;
  /** Grade per value key at this touchpoint. */
  values: Record<string, number | null>;
}

export function heartSeries(monitor: HeartMonitor): HeartPoint[] {
  return monitor.points.map((p, i) => ({
    step: i + 1,
    touchpointId: p.touchpointId,
    name: p.name,
    channel: p.channel,
    momentOfTruth: p.momentOfTruth,
    peak: p.peak,
    dip: p.dip,
    grade: p.grade.mean,
    low: p.grade.low,
    high: p.grade.high,
    band: p.grade.low !== null && p.grade.high !== null ? [p.grade.low, p.grade.high] : null,
    n: p.grade.n,
    values: Object.fromEntries(p.values.map((v) => [v.valueKey, v.grade.mean])),
  }));
}

/** Value keys that occur at any touchpoint, in order of first appearance (the table's columns). */
export function heartValueKeys(monitor: HeartMonitor): string[] {
  return [...new Set(monitor.points.flatMap((p) => p.values.map((v) => v.valueKey)))];
}

/** What marks a point, most important first: the text next to it in the chart and table. */
export function heartMarks(point: Pick<HeartPoint, 'peak' | 'dip' | 'momentOfTruth'>) {
  return [
    ...(point.momentOfTruth ? (['momentOfTruth'] as const) : []),
    ...(point.peak ? (['peak'] as const) : []),
    ...(point.dip ? (['dip'] as const) : []),
  ];
}
