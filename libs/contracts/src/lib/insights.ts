import type {
  CalendarPeriodKind,
  GapLabel,
  HeartCellState,
  PeriodKind,
  PyramidLevel,
  SuppressionReason,
  TargetStatus,
} from '@wk/domain';

export type { CalendarPeriodKind, HeartCellState, PeriodKind };

/**
 * Outside-in KPIs (docs/formulas.md, docs/anonymity.md). Every number is computed by
 * `libs/domain` scoring from summary rollups; the server enforces the anonymity minimum.
 */

/** How a report is split: the whole organisation, or per team (with sub-teams), segment, journey or touchpoint. */
export const BREAKDOWNS = ['organisation', 'team', 'segment', 'journey', 'touchpoint'] as const;
export type BreakdownKind = (typeof BREAKDOWNS)[number];

/**
 * Query of `GET /api/insights/kpis` (all optional but `period`). Rounds (`period=round`) carry
 * only employee answers and waves (`period=wave`) only customer answers, so their rows have no gap.
 */
export interface KpiQuery {
  period: PeriodKind;
  /**
   * First and last period (inclusive): `2026-Q1`..`2026-Q4`, `2026-01`..`2026-12`, or round / wave
   * ids; default: the last 4 quarters / 12 months / 4 rounds / 4 waves.
   */
  from?: string;
  to?: string;
  /** Rounds of this cycle only (`period=round`). */
  cycleId?: string;
  /** Customer answers of this survey only; required for `period=wave` (its waves are the periods). */
  surveyId?: string;
  breakdown?: BreakdownKind;
  /** Filters: the team with all its sub-teams; a segment, journey or touchpoint (customer side). */
  teamId?: string;
  segmentId?: string;
  journeyId?: string;
  touchpointId?: string;
  /** Only this value (its stable key); the report then has no NPS rows. */
  valueKey?: string;
}

export interface MeanStat {
  n: number;
  mean: number | null;
  /** 95% Student-t interval; null for n < 2 ("interval undefined"). */
  low: number | null;
  high: number | null;
}

export interface ShareStat {
  /** 0..1 */
  share: number | null;
  low: number | null;
  high: number | null;
}

/** A group that is not shown: fewer respondents than the minimum, or hidden so that one cannot be derived. */
export interface Suppressed {
  suppressed: true;
  reason: SuppressionReason;
}

export interface SelfStat {
  suppressed: false;
  /** Distinct respondents with a scored answer on the value. */
  n: number;
  score: MeanStat;
  /** 0-100 */
  index: number | null;
  goodOrBetter: ShareStat;
  roleModel: ShareStat;
}

export interface CustomerStat {
  n: number;
  dontKnow: number;
  grade: MeanStat;
  /** 0-100 */
  index: number | null;
  recognises: ShareStat;
  emotional: ShareStat;
}

export interface ChangeStat {
  /** This period's mean minus the previous period's. */
  difference: number;
  p: number;
  /** Welch's t-test, p < 0.05. */
  significant: boolean;
}

export interface KpiGroup {
  kind: BreakdownKind;
  /** null for the organisation. */
  id: string | null;
  name: string;
  /** Segment, journey and touchpoint groups: the optional English name (show with libs/domain localized). */
  nameEn?: string | null;
  /** Team breakdown: the parent team (a tree); else null. */
  parentId: string | null;
}

export interface KpiRow {
  period: string;
  group: KpiGroup;
  valueKey: string;
  /** null where the breakdown has no employee side (segment, journey, touchpoint). */
  self: SelfStat | Suppressed | null;
  customer: CustomerStat | null;
  gap: number | null;
  gapLabel: GapLabel | null;
  target: number;
  status: TargetStatus;
  /** Against the previous period of the same group and value; null without two usable periods. */
  change: { customer: ChangeStat | null; self: ChangeStat | null };
}

export interface ParticipationRow {
  period: string;
  group: KpiGroup;
  invited: number;
  completed: number;
  rate: number | null;
}

export interface NpsRow {
  period: string;
  group: KpiGroup;
  n: number;
  nps: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  overallGrade: MeanStat;
}

export interface KpiValueInfo {
  key: string;
  name: string;
  nameEn: string;
  level: PyramidLevel;
  target: number;
  /** A value left out of a newer values version: only its past periods have answers. */
  retired?: boolean;
}

/** A period of a report or of the period picker: a month, quarter, round or wave. */
export interface PeriodInfo {
  key: string;
  kind: PeriodKind;
  /** The cycle of a round or the survey of a wave; null for calendar periods. */
  seriesId: string | null;
  seriesName: string | null;
  /** ISO timestamps: opening and closing of a round or wave, first day and first day after a month or quarter. */
  start: string;
  end: string;
}

export interface KpiReport {
  periodKind: PeriodKind;
  periods: string[];
  /** The periods in order, with what a reader needs to name them. */
  periodInfo: PeriodInfo[];
  /** The anonymity minimum in force for employee aggregates. */
  minimum: number;
  /** Customer aggregates with fewer answers are provisional (organisation setting, default 30). */
  reliabilityMinimum: number;
  /** The values of the current version (key, name, pyramid level, target). */
  values: KpiValueInfo[];
  rows: KpiRow[];
  participation: ParticipationRow[];
  nps: NpsRow[];
}

/** `GET /api/insights/behaviours?period&from&to&valueKey&teamId`: the four levels per behaviour. */
export interface BehaviourDistribution {
  period: string;
  valueKey: string;
  behaviourKey: string;
  text: string;
  textEn: string;
  /** Answers per level 1-4 and n.v.t.; null (with `suppressed`) below the minimum of respondents. */
  levels: [number, number, number, number] | null;
  notApplicable: number | null;
  respondents: number | null;
  mean: number | null;
  suppressed: SuppressionReason | null;
}

export interface BehaviourReport {
  minimum: number;
  behaviours: BehaviourDistribution[];
}

/**
 * A touchpoint's figure on one line of the heart monitor. Below the anonymity minimum of answers
 * the grade has no mean or interval (`state` "too_few"); below the reliability minimum it is
 * shown as provisional and never marked as a peak or dip (libs/domain heart-monitor.ts).
 */
export interface HeartCell {
  grade: MeanStat;
  state: HeartCellState;
  /** At least 0.3 grade above (peak) or below (dip) its nearest reliable neighbours on the same line. */
  peak: boolean;
  dip: boolean;
}

/** `GET /api/insights/journeys/:id`: the heart monitor, recognition per touchpoint in journey order. */
export interface HeartMonitorPoint extends HeartCell {
  touchpointId: string;
  name: string;
  /** The touchpoint's optional English name (show with libs/domain localized). */
  nameEn?: string | null;
  channel: string;
  momentOfTruth: boolean;
  /**
   * The cell itself (`grade`, `state`, `peak`, `dip`) is the average line: the mean grade over all
   * values at this touchpoint. `values` holds the same per value, every value of the current version in its order.
   */
  values: ({ valueKey: string } & HeartCell)[];
}

export interface HeartMonitor {
  journeyId: string;
  name: string;
  nameEn?: string | null;
  period: string;
  /** Customer answers below which a figure is not shown, and below which it is provisional. */
  minimum: number;
  reliabilityMinimum: number;
  /** The values of the lines, in order (key, names, pyramid level, target). */
  values: KpiValueInfo[];
  points: HeartMonitorPoint[];
}
