/**
 * Descriptive statistics for the scoring module (docs/formulas.md). Pure, framework-free.
 * Every function takes raw answers in which `null`/`undefined` means "no answer that scores"
 * (n.v.t., "weet ik niet"); those are left out, never counted as zero.
 */

/** An answer list as the database returns it: missing answers are `null`. */
export type MaybeNumbers = readonly (number | null | undefined)[];

/** n, mean and sample standard deviation of a sample; `null` where a statistic does not exist. */
export interface SampleSummary {
  n: number;
  /** `null` for n = 0. */
  mean: number | null;
  /** Sample standard deviation (n - 1); `null` for n < 2. */
  sd: number | null;
}

/** The answers that score: drops null/undefined, rejects NaN and infinities so bad data fails loudly. */
export function presentNumbers(values: MaybeNumbers): number[] {
  const present: number[] = [];
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
    present.push(v);
  }
  return present;
}

/** n: how many answers score (nulls left out). */
export function sampleSize(values: MaybeNumbers): number {
  return presentNumbers(values).length;
}

/** Arithmetic mean of the answers that score; `null` when there are none. */
export function mean(values: MaybeNumbers): number | null {
  const present = presentNumbers(values);
  return present.length ? present.reduce((sum, v) => sum + v, 0) / present.length : null;
}

/** Sample standard deviation with n - 1 (Bessel); `null` for n < 2, exactly 0 when all values are equal. */
export function sampleStandardDeviation(values: MaybeNumbers): number | null {
  return sampleSummary(values).sd;
}

/** n, mean and sd in one pass over the data (two-pass for the variance, which is numerically stable). */
export function sampleSummary(values: MaybeNumbers): SampleSummary {
  const present = presentNumbers(values);
  const n = present.length;
  if (n === 0) return { n, mean: null, sd: null };
  const m = present.reduce((sum, v) => sum + v, 0) / n;
  if (n === 1) return { n, mean: m, sd: null };
  // Equal values give exactly 0, not float noise such as 1e-17 (Welch relies on a true 0).
  if (present.every((v) => v === present[0])) return { n, mean: m, sd: 0 };
  const squares = present.reduce((sum, v) => sum + (v - m) ** 2, 0);
  return { n, mean: m, sd: Math.sqrt(squares / (n - 1)) };
}

/**
 * n, mean and sd from additive sums (n, Σx, Σx²), as the KPI rollups keep them: sums of groups
 * add up, so any breakdown or period is a sum of rows. A variance below 1e-12 of the squared mean
 * is float noise of equal values and counts as 0.
 */
export function summaryFromSums(n: number, sum: number, sumOfSquares: number): SampleSummary {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number >= 0: ${n}`);
  if (n === 0) return { n, mean: null, sd: null };
  const m = sum / n;
  if (n === 1) return { n, mean: m, sd: null };
  const variance = (sumOfSquares - (sum * sum) / n) / (n - 1);
  const sd = variance <= 1e-12 * Math.max(1, m * m) ? 0 : Math.sqrt(variance);
  return { n, mean: m, sd };
}
