import { selfIndex } from './scales';
import { recognitionIndex, RECOGNITION_RANGE } from './scoring/customer';
import { gapLabel, type TargetStatus } from './scoring/kpis';
import { SELF_RANGE } from './scoring/self';

/**
 * Guidance (issue 17, item 3): a short reading per value and the cells to look at first. Pure:
 * the web feeds it the KPI rows it already has. The input types are the subset of the insights
 * contract's KpiRow / BehaviourDistribution these rules read (structural, so those rows fit as is).
 */

/** Reliability minimum of customer aggregates: below it a figure is "voorlopig" (provisional). */
export const RELIABILITY_DEFAULT = 30;

export interface GuidanceMean {
  n: number;
  mean: number | null;
  low: number | null;
  high: number | null;
}

export interface GuidanceRow {
  valueKey: string;
  group: { kind: string; id: string | null; name: string };
  self:
    { suppressed: true } | { suppressed: false; n: number; score: GuidanceMean; index: number | null } | null;
  customer: { n: number; grade: GuidanceMean; index: number | null } | null;
  status: TargetStatus;
  change: {
    customer: { difference: number; significant: boolean } | null;
    self: { difference: number; significant: boolean } | null;
  };
}

export interface GuidanceBehaviour {
  behaviourKey: string;
  text: string;
  textEn: string;
  mean: number | null;
  respondents: number | null;
  suppressed: string | null;
}

export interface GuidanceLimits {
  /** Employee aggregates below it are never used (the anonymity minimum in force). */
  anonymityMinimum: number;
  /** Customer aggregates below it are provisional and never a verdict. */
  reliabilityMinimum: number;
}

/** True when a customer aggregate of `n` answers is too small for a verdict (shown as provisional). */
export function isProvisional(n: number, reliabilityMinimum: number): boolean {
  return n < reliabilityMinimum;
}

export type ReadingKind =
  'tooFewAnswers' | 'blindSpot' | 'hiddenStrength' | 'belowTarget' | 'aligned' | 'onTarget';

export interface ValueReading {
  kind: ReadingKind;
  selfIndex: number | null;
  customerIndex: number | null;
  customerN: number;
  /** The touchpoint with the lowest grade among those with enough answers (only when at least two have). */
  lowestTouchpoint?: { id: string | null; name: string; grade: number; n: number };
  /** The behaviour with the lowest self score among those shown (only when at least two are). */
  weakestBehaviour?: { key: string; text: string; textEn: string; mean: number };
}

const usableSelf = (row: GuidanceRow | undefined, limits: GuidanceLimits) =>
  row?.self && !row.self.suppressed && row.self.n >= limits.anonymityMinimum && row.self.index !== null
    ? row.self
    : null;

const usableCustomer = (row: GuidanceRow | undefined, limits: GuidanceLimits) =>
  row?.customer && row.customer.index !== null && !isProvisional(row.customer.n, limits.reliabilityMinimum)
    ? row.customer
    : null;

function lowest<T>(items: T[], key: (item: T) => number): T | undefined {
  return items.length < 2 ? undefined : items.reduce((a, b) => (key(b) < key(a) ? b : a));
}

/**
 * The reading of one value in one period: `row` is the value's row (organisation or a team),
 * `touchpoints` its rows per touchpoint, `behaviours` its behaviours' distributions.
 * A gap only counts when both sides are usable; without enough customer answers nothing is judged.
 */
export function valueReading(
  row: GuidanceRow | undefined,
  touchpoints: readonly GuidanceRow[],
  behaviours: readonly GuidanceBehaviour[],
  limits: GuidanceLimits,
): ValueReading {
  const self = usableSelf(row, limits);
  const customer = usableCustomer(row, limits);
  const tps = touchpoints.flatMap((r) => {
    const c = usableCustomer(r, limits);
    return c && c.grade.mean !== null
      ? [{ id: r.group.id, name: r.group.name, grade: c.grade.mean, n: c.n }]
      : [];
  });
  const shown = behaviours.flatMap((b) =>
    b.suppressed === null && b.mean !== null && (b.respondents ?? 0) >= limits.anonymityMinimum
      ? [{ key: b.behaviourKey, text: b.text, textEn: b.textEn, mean: b.mean }]
      : [],
  );
  const reading: ValueReading = {
    kind: 'tooFewAnswers',
    selfIndex: self?.index ?? null,
    customerIndex: customer?.index ?? null,
    customerN: row?.customer?.n ?? 0,
  };
  const tp = lowest(tps, (t) => t.grade);
  const behaviour = lowest(shown, (b) => b.mean);
  if (tp) reading.lowestTouchpoint = tp;
  if (behaviour) reading.weakestBehaviour = behaviour;
  if (!customer || !row) return reading;
  const gap = self && self.index !== null && customer.index !== null ? customer.index - self.index : null;
  const label = gap === null ? null : gapLabel(gap);
  if (label === 'blind_spot') return { ...reading, kind: 'blindSpot' };
  if (label === 'hidden_strength') return { ...reading, kind: 'hiddenStrength' };
  if (row.status === 'below') return { ...reading, kind: 'belowTarget' };
  return { ...reading, kind: gap !== null ? 'aligned' : 'onTarget' };
}

export type FocusReason = 'blindSpot' | 'hiddenStrength' | 'customerDrop' | 'selfDrop';

export interface FocusCell {
  valueKey: string;
  group: { kind: string; id: string | null; name: string };
  reason: FocusReason;
  /** Size in index points (0-100 scale): |gap|, or the drop against the previous period. */
  size: number;
  selfIndex: number | null;
  customerIndex: number | null;
}

const GRADE_TO_INDEX = 100 / (RECOGNITION_RANGE.max - RECOGNITION_RANGE.min);
const SELF_TO_INDEX = 100 / (SELF_RANGE.max - SELF_RANGE.min);

/** A gap is solid when labelled (beyond ±10) and the two 95% intervals (on the index) do not overlap. */
function solidGap(
  self: { score: GuidanceMean; index: number | null },
  customer: { grade: GuidanceMean; index: number | null },
): number | null {
  if (self.index === null || customer.index === null) return null;
  const gap = customer.index - self.index;
  if (gapLabel(gap) === 'aligned') return null;
  const sLow = selfIndex(self.score.low);
  const sHigh = selfIndex(self.score.high);
  const cLow = recognitionIndex(customer.grade.low);
  const cHigh = recognitionIndex(customer.grade.high);
  if (sLow === null || sHigh === null || cLow === null || cHigh === null) return null;
  const apart = gap < 0 ? cHigh < sLow : cLow > sHigh;
  return apart ? gap : null;
}

/**
 * The cells (value × team or journey) to look at first: solid gaps (beyond the threshold, intervals
 * apart) and significant drops (Welch p < 0.05 against the previous period), largest first, one per
 * value × group, at most `count`. Nothing below the anonymity or reliability minimum takes part.
 */
export function focusCells(rows: readonly GuidanceRow[], limits: GuidanceLimits, count = 3): FocusCell[] {
  const best = new Map<string, FocusCell>();
  for (const row of rows) {
    const self = usableSelf(row, limits);
    const customer = usableCustomer(row, limits);
    const base = {
      valueKey: row.valueKey,
      group: row.group,
      selfIndex: self?.index ?? null,
      customerIndex: customer?.index ?? null,
    };
    const candidates: FocusCell[] = [];
    const gap = self && customer ? solidGap(self, customer) : null;
    if (gap !== null)
      candidates.push({ ...base, reason: gap < 0 ? 'blindSpot' : 'hiddenStrength', size: Math.abs(gap) });
    const cc = row.change.customer;
    if (customer && cc?.significant && cc.difference < 0)
      candidates.push({ ...base, reason: 'customerDrop', size: -cc.difference * GRADE_TO_INDEX });
    const sc = row.change.self;
    if (self && sc?.significant && sc.difference < 0)
      candidates.push({ ...base, reason: 'selfDrop', size: -sc.difference * SELF_TO_INDEX });
    const key = `${row.valueKey}|${row.group.kind}|${row.group.id}`;
    for (const c of candidates) {
      const held = best.get(key);
      if (!held || c.size > held.size) best.set(key, c);
    }
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        b.size - a.size || a.valueKey.localeCompare(b.valueKey) || a.group.name.localeCompare(b.group.name),
    )
    .slice(0, Math.max(0, count));
}
