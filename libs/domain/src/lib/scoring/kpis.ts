/**
 * KPIs that combine scores (docs/formulas.md, "Combining the two" and "Targets"): outside-in gap,
 * participation and target status. Boundaries compare with a tolerance of 1e-9 so float noise
 * (e.g. an index of 60.00000000000001) never flips a label.
 */
import { DEFAULT_TARGET_BY_LEVEL, type PyramidLevel, VALUE_LIMITS } from '../values';

/** Float tolerance for boundary comparisons: far below any difference the product can show. */
const TOLERANCE = 1e-9;

/** Index points beyond which the gap is labelled (exactly ±10 is still "aligned"). */
export const GAP_THRESHOLD = 10;
/** How far below its target a grade still counts as "near". */
export const NEAR_TARGET_MARGIN = 0.5;

export type GapLabel = 'blind_spot' | 'aligned' | 'hidden_strength';
export type TargetStatus = 'on_target' | 'near' | 'below' | 'no_data';

export interface OutsideInGap {
  /** recognition index - self index, in index points; `null` when either side has no score. */
  gap: number | null;
  label: GapLabel | null;
}

export interface Participation {
  completed: number;
  invited: number;
  /** completed / invited on 0..1; `null` when nobody was invited. */
  rate: number | null;
}

/** Label of a gap: below -10 blind spot (employees see more than customers), above +10 hidden strength. */
export function gapLabel(gap: number): GapLabel {
  if (gap < -GAP_THRESHOLD - TOLERANCE) return 'blind_spot';
  if (gap > GAP_THRESHOLD + TOLERANCE) return 'hidden_strength';
  return 'aligned';
}

/** Outside-in gap = recognition index - self index, with its label; nulls when a side is missing. */
export function outsideInGap(recognitionIdx: number | null, selfIdx: number | null): OutsideInGap {
  if (recognitionIdx === null || selfIdx === null) return { gap: null, label: null };
  const gap = recognitionIdx - selfIdx;
  return { gap, label: gapLabel(gap) };
}

/** Participation = completed / invited (per round, per team). */
export function participation(completed: number, invited: number): Participation {
  if (!Number.isInteger(invited) || invited < 0)
    throw new RangeError(`invited must be a whole number >= 0: ${invited}`);
  if (!Number.isInteger(completed) || completed < 0 || completed > invited) {
    throw new RangeError(`completed must lie in 0..invited: ${completed} of ${invited}`);
  }
  return { completed, invited, rate: invited === 0 ? null : completed / invited };
}

/** The recognition target of a value: the organisation's own, else the default of its pyramid level. */
export function recognitionTarget(level: PyramidLevel, configured?: number | null): number {
  if (configured === null || configured === undefined) return DEFAULT_TARGET_BY_LEVEL[level];
  if (
    !Number.isFinite(configured) ||
    configured < VALUE_LIMITS.targetMin ||
    configured > VALUE_LIMITS.targetMax
  ) {
    throw new RangeError(
      `target must lie in ${VALUE_LIMITS.targetMin}..${VALUE_LIMITS.targetMax}: ${configured}`,
    );
  }
  return configured;
}

/** Status of a recognition grade against its target: on target (>=), near (within 0.5 below), below; no grade = no_data. */
export function targetStatus(grade: number | null, target: number): TargetStatus {
  if (grade === null) return 'no_data';
  if (grade >= target - TOLERANCE) return 'on_target';
  if (grade >= target - NEAR_TARGET_MARGIN - TOLERANCE) return 'near';
  return 'below';
}
