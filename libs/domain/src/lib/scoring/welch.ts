/**
 * Welch's unequal-variance t-test (docs/formulas.md: a change between two periods is significant only
 * when Welch's t-test gives p < 0.05). The t distribution comes from @stdlib.
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { type MaybeNumbers, sampleSummary, type SampleSummary } from './descriptive';

/** The significance level for "significant change". */
export const SIGNIFICANCE_LEVEL = 0.05;

export interface WelchResult {
  /** mean(b) - mean(a): positive when b (the later period) is higher. */
  difference: number;
  /** t statistic, same sign as `difference`. */
  t: number;
  /** Welch–Satterthwaite degrees of freedom (fractional). */
  df: number;
  /** Two-sided p-value. */
  p: number;
  significant: boolean;
}

/** Welch's t-test of two samples (nulls left out); `null` when it is undefined (see welchTestFromSummaries). */
export function welchTest(a: MaybeNumbers, b: MaybeNumbers): WelchResult | null {
  return welchTestFromSummaries(sampleSummary(a), sampleSummary(b));
}

/**
 * Welch's t-test from {n, mean, sd} of each group (a = earlier, b = later).
 * Returns `null` when the test is undefined: either group has n < 2 (no variance estimate), or
 * both standard deviations are 0 (standard error 0, t would be ±Infinity or NaN). Callers show
 * "no test possible", never "significant".
 */
export function welchTestFromSummaries(a: SampleSummary, b: SampleSummary): WelchResult | null {
  if (a.n < 2 || b.n < 2 || a.mean === null || b.mean === null || a.sd === null || b.sd === null) return null;
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se2 = va + vb;
  if (se2 === 0) return null;
  const difference = b.mean - a.mean;
  const t = difference / Math.sqrt(se2);
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  // 2 x lower tail of -|t| keeps precision for large |t| (1 - cdf would round to 0 early).
  const p = Math.min(1, 2 * tCdf(-Math.abs(t), df));
  return { difference, t, df, p, significant: p < SIGNIFICANCE_LEVEL };
}
