import type {
  ChangeStat,
  KpiReport,
  KpiRow,
  KpiValueInfo,
  NpsRow,
  ParticipationRow,
  SelfStat,
} from '@wk/contracts';
import {
  type GapLabel,
  isProvisional,
  localized,
  PYRAMID_LEVELS,
  type PyramidLevel,
  recognitionIndex,
  selfIndex,
  type SuppressionReason,
  type TargetStatus,
} from '@wk/domain';

/**
 * Shapes KpiReports for the overview tiles, the pyramid and the trend chart. Every number comes
 * from the api (computed by `@wk/domain` scoring); this only picks, orders and rescales bounds
 * with the domain's own index formulas.
 */

/** The employee side of a row: nothing, held back by the anonymity minimum, or the numbers. */
export type SelfView =
  { kind: 'none' } | { kind: 'tooFew'; reason: SuppressionReason } | { kind: 'stat'; stat: SelfStat };

export function selfView(self: KpiRow['self'] | undefined): SelfView {
  if (!self) return { kind: 'none' };
  if (self.suppressed) return { kind: 'tooFew', reason: self.reason };
  return { kind: 'stat', stat: self };
}

/** A value's name in the reader's language; a value no longer in the current version says so. */
export const valueName = (value: Pick<KpiValueInfo, 'name' | 'nameEn' | 'retired'>, lang: string) =>
  localized(value.name, value.nameEn, lang) +
  (value.retired ? (lang === 'en' ? ' (no longer a value)' : ' (geen waarde meer)') : '');

/**
 * The row of one value in one period. `groupId` undefined: any group (a report with one group,
 * such as breakdown=organisation with or without a team filter); null: the organisation.
 */
export function findRow(
  rows: KpiRow[],
  period: string,
  valueKey: string,
  groupId?: string | null,
): KpiRow | undefined {
  return rows.find(
    (r) =>
      r.period === period && r.valueKey === valueKey && (groupId === undefined || r.group.id === groupId),
  );
}

export interface ValueTile {
  value: KpiValueInfo;
  period: string;
  grade: number | null;
  gradeLow: number | null;
  gradeHigh: number | null;
  /** Recognition index 0-100 of the grade. */
  customerIndex: number | null;
  /** Customers who gave a grade. */
  customerN: number;
  /** Fewer customers than the reliability minimum: shown as "voorlopig", never as a verdict. */
  provisional: boolean;
  status: TargetStatus;
  self: SelfView;
  gap: number | null;
  gapLabel: GapLabel | null;
  /** Customer grade against the previous period. */
  change: ChangeStat | null;
  /** The recognition grade per period of the report, oldest first, up to and including `period`. */
  trend: { period: string; grade: number | null }[];
}

/** One tile per value of the report (in its order) for period `at`, with the grade trend up to it. */
export function valueTiles(report: KpiReport, at: string, groupId?: string | null): ValueTile[] {
  // Periods are in order (rounds and waves are ids, so their keys do not sort).
  const upTo = report.periods.slice(0, report.periods.indexOf(at) + 1);
  return report.values.map((value) => {
    const row = findRow(report.rows, at, value.key, groupId);
    return {
      value,
      period: at,
      grade: row?.customer?.grade.mean ?? null,
      gradeLow: row?.customer?.grade.low ?? null,
      gradeHigh: row?.customer?.grade.high ?? null,
      customerIndex: row?.customer?.index ?? null,
      customerN: row?.customer?.n ?? 0,
      provisional: provisionalN(row?.customer?.n ?? 0, report.reliabilityMinimum),
      status: row?.status ?? 'no_data',
      self: selfView(row?.self),
      gap: row?.gap ?? null,
      gapLabel: row?.gapLabel ?? null,
      change: row?.change.customer ?? null,
      trend: upTo.map((period) => ({
        period,
        grade: findRow(report.rows, period, value.key, groupId)?.customer?.grade.mean ?? null,
      })),
    };
  });
}

/**
 * A customer aggregate with some answers but fewer than the reliability minimum (none at all is
 * "no data", not provisional).
 */
export const provisionalN = (n: number, reliabilityMinimum: number): boolean =>
  n > 0 && isProvisional(n, reliabilityMinimum);

/** The experience pyramid top (verrassend) to bottom (basis), each level with its tiles. */
export function statusPyramid<T extends { value: { level: PyramidLevel } }>(
  tiles: T[],
): { level: PyramidLevel; tiles: T[] }[] {
  return [...PYRAMID_LEVELS].reverse().map((level) => ({
    level,
    tiles: tiles.filter((t) => t.value.level === level),
  }));
}

/** NPS of period `at` (the first group of the report: the organisation or the filtered team). */
export function npsAt(report: KpiReport, at: string): NpsRow | undefined {
  return report.nps.find((r) => r.period === at);
}

export function participationAt(report: KpiReport, at: string): ParticipationRow | undefined {
  return report.participation.find((r) => r.period === at);
}

export interface TrendPoint {
  period: string;
  /** Recognition index 0-100 and its 95% band (rescaled grade interval). */
  customerIndex: number | null;
  customerBand: [number, number] | null;
  grade: number | null;
  gradeLow: number | null;
  gradeHigh: number | null;
  customerN: number;
  /** Self index 0-100 and its 95% band (rescaled self-score interval). */
  selfIndex: number | null;
  selfBand: [number, number] | null;
  self: SelfView;
  gap: number | null;
  gapLabel: GapLabel | null;
}

const band = (low: number | null, high: number | null): [number, number] | null =>
  low === null || high === null ? null : [low, high];

/**
 * Customer and self trend of one value on the common 0-100 index, so the vertical distance between
 * the lines is the outside-in gap itself; bounds go through the domain's index formulas.
 */
export function trendSeries(report: KpiReport, valueKey: string, groupId?: string | null): TrendPoint[] {
  return report.periods.map((period) => {
    const row = findRow(report.rows, period, valueKey, groupId);
    const grade = row?.customer?.grade ?? null;
    const self = selfView(row?.self);
    const score = self.kind === 'stat' ? self.stat.score : null;
    return {
      period,
      customerIndex: row?.customer?.index ?? null,
      customerBand: grade ? band(recognitionIndex(grade.low), recognitionIndex(grade.high)) : null,
      grade: grade?.mean ?? null,
      gradeLow: grade?.low ?? null,
      gradeHigh: grade?.high ?? null,
      customerN: row?.customer?.n ?? 0,
      selfIndex: self.kind === 'stat' ? self.stat.index : null,
      selfBand: score ? band(selfIndex(score.low), selfIndex(score.high)) : null,
      self,
      gap: row?.gap ?? null,
      gapLabel: row?.gapLabel ?? null,
    };
  });
}

export interface GradeBar {
  id: string | null;
  name: string;
  grade: number | null;
  low: number | null;
  high: number | null;
  /** ErrorBar offsets below and above the grade; null without an interval. */
  error: [number, number] | null;
  n: number;
  status: TargetStatus;
}

/** One bar per group (segment, journey, touchpoint) of one value in period `at`, in report order. */
export function gradeBars(report: KpiReport, at: string, valueKey: string): GradeBar[] {
  return report.rows
    .filter((r) => r.period === at && r.valueKey === valueKey)
    .map((r) => {
      const g = r.customer?.grade;
      const mean = g?.mean ?? null;
      return {
        id: r.group.id,
        name: r.group.name,
        grade: mean,
        low: g?.low ?? null,
        high: g?.high ?? null,
        error: mean !== null && g?.low != null && g?.high != null ? [mean - g.low, g.high - mean] : null,
        n: r.customer?.n ?? 0,
        status: r.status,
      };
    });
}

/** The values with one moved to the front (the value a page is about comes first in its heatmap). */
export function focusFirst<T extends { key: string }>(values: T[], key: string): T[] {
  const focus = values.filter((v) => v.key === key);
  return [...focus, ...values.filter((v) => v.key !== key)];
}

/** A tile's sparkline box, in pixels. */
export const SPARKLINE = { width: 132, height: 36, pad: 5 };

/**
 * The points of a tile's sparkline in SVG coordinates: periods evenly spaced, grades on a scale
 * that holds the target with 0.3 to spare (within 1-10); a period without a grade is skipped and
 * the line joins its neighbours. Plain SVG, so the overview needs no charting library.
 */
export function sparkline(trend: ValueTile['trend'], target: number) {
  const grades = trend.flatMap((p) => (p.grade === null ? [] : [p.grade]));
  const low = Math.max(1, Math.min(...grades, target) - 0.3);
  const high = Math.min(10, Math.max(...grades, target) + 0.3);
  const { width, height, pad } = SPARKLINE;
  const y = (grade: number) => pad + ((high - grade) / (high - low || 1)) * (height - 2 * pad);
  const step = trend.length > 1 ? (width - 2 * pad) / (trend.length - 1) : 0;
  const points = trend.flatMap((p, i) =>
    p.grade === null ? [] : [{ x: trend.length > 1 ? pad + i * step : width / 2, y: y(p.grade) }],
  );
  return { points, targetY: y(target) };
}
