/**
 * 95% uncertainty intervals (docs/formulas.md, "Uncertainty"): Student t for means, Wilson for shares.
 * The t distribution comes from @stdlib (not hand-written).
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { type MaybeNumbers, sampleSummary, type SampleSummary } from './descriptive';

/** The confidence level of every interval the product shows. */
export const CONFIDENCE_LEVEL = 0.95;
/** Standard normal quantile for 97.5%, used by the Wilson interval. */
export const Z_95 = 1.959963984540054;

/** The possible range of a scale; a mean interval is clipped to it (a mean cannot lie outside). */
export interface ScaleRange {
  min: number;
  max: number;
}

/**
 * A mean with its 95% Student-t interval. `low`/`high` are `null` when the interval is undefined:
 * n = 0 (no mean) and n = 1 (no spread, the dashboard says "interval undefined").
 */
export interface MeanInterval extends SampleSummary {
  low: number | null;
  high: number | null;
}

/** A share (0..1) with its 95% Wilson score interval; all `null` for n = 0. */
export interface ShareInterval {
  n: number;
  /** May be fractional when respondents are weighted (see summarizeSelfValue). */
  successes: number;
  share: number | null;
  low: number | null;
  high: number | null;
}

/** Mean of the answers that score with a 95% t interval (t quantile with n - 1 df), optionally clipped to a scale. */
export function meanInterval(values: MaybeNumbers, range?: ScaleRange): MeanInterval {
  return meanIntervalFromSummary(sampleSummary(values), range);
}

/** The same interval from summary statistics (e.g. n/avg/stddev_samp computed by the database). */
export function meanIntervalFromSummary(summary: SampleSummary, range?: ScaleRange): MeanInterval {
  const { n, mean, sd } = summary;
  if (mean === null || sd === null || n < 2) return { n, mean, sd, low: null, high: null };
  const half = tQuantile(1 - (1 - CONFIDENCE_LEVEL) / 2, n - 1) * (sd / Math.sqrt(n));
  let low = mean - half;
  let high = mean + half;
  if (range) {
    low = Math.max(range.min, low);
    high = Math.min(range.max, high);
  }
  return { n, mean, sd, low, high };
}

/**
 * Share successes/n with the 95% Wilson score interval (z = 1.959963984540054).
 * Stays inside [0, 1] and is not degenerate at 0 or n successes, unlike the Wald interval.
 */
export function wilsonInterval(successes: number, n: number): ShareInterval {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number >= 0: ${n}`);
  if (!Number.isFinite(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must lie in 0..n: ${successes} of ${n}`);
  }
  if (n === 0) return { n, successes, share: null, low: null, high: null };
  const p = successes / n;
  const z2 = Z_95 * Z_95;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z_95 / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 or n successes the bound is exactly 0 or 1; float rounding must not push it past.
  const low = successes === 0 ? 0 : Math.max(0, centre - half);
  const high = successes === n ? 1 : Math.min(1, centre + half);
  return { n, successes, share: p, low, high };
}

/** A 0-100 index (or any rescaled mean) with its interval bounds rescaled the same way. */
export interface IndexInterval {
  value: number | null;
  low: number | null;
  high: number | null;
}

/** Rescales a mean interval with a linear index formula (selfIndex, recognitionIndex): bounds map to bounds. */
export function rescaleInterval(
  interval: MeanInterval,
  toIndex: (v: number | null) => number | null,
): IndexInterval {
  return { value: toIndex(interval.mean), low: toIndex(interval.low), high: toIndex(interval.high) };
}
