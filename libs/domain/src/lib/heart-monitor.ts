/**
 * The heart monitor of a customer journey (docs/decisions.md, "heart monitor"): a line of customer
 * grades along the journey's touchpoints, one for the average over the values and one per value,
 * with its peaks (where it goes well) and dips (where it goes badly).
 */

/** A point must stand this many grade points above (peak) or below (dip) its neighbours. */
export const HEART_PEAK_MARGIN = 0.3;

/**
 * What may be said about one touchpoint's figure:
 * - `empty`: no answers;
 * - `too_few`: fewer answers than the anonymity minimum: not shown at all;
 * - `provisional`: shown (with n and interval) but too few for a verdict, so never a peak or dip;
 * - `reliable`: at least the reliability minimum of answers.
 */
export type HeartCellState = 'empty' | 'too_few' | 'provisional' | 'reliable';

export function heartCellState(n: number, minimum: number, reliabilityMinimum: number): HeartCellState {
  if (n <= 0) return 'empty';
  if (n < minimum) return 'too_few';
  if (n < reliabilityMinimum) return 'provisional';
  return 'reliable';
}

export interface HeartLinePoint {
  mean: number | null;
  state: HeartCellState;
}

export type HeartMark = 'peak' | 'dip' | null;

/**
 * Peaks and dips of one line along the journey, in touchpoint order. Only reliable points take
 * part: a reliable point is a **peak** when it lies at least `margin` above each of its nearest
 * reliable neighbours (the closest reliable touchpoint before and after it; touchpoints without a
 * reliable figure are skipped), and a **dip** when it lies at least `margin` below each of them. A
 * point with no reliable neighbour at all is neither: there is nothing to compare it with.
 */
export function heartPeaksAndDips(line: HeartLinePoint[], margin = HEART_PEAK_MARGIN): HeartMark[] {
  const reliable = line.map((p) => (p.state === 'reliable' && p.mean !== null ? p.mean : null));
  const nearest = (from: number, step: 1 | -1): number | null => {
    for (let i = from + step; i >= 0 && i < reliable.length; i += step)
      if (reliable[i] !== null) return reliable[i];
    return null;
  };
  // A small tolerance so that 7.3 against 7.0 counts as the 0.3 it is meant to be.
  const EPSILON = 1e-9;
  return reliable.map((mean, i) => {
    if (mean === null) return null;
    const neighbours = [nearest(i, -1), nearest(i, 1)].filter((m): m is number => m !== null);
    if (!neighbours.length) return null;
    if (neighbours.every((m) => mean - m >= margin - EPSILON)) return 'peak';
    if (neighbours.every((m) => m - mean >= margin - EPSILON)) return 'dip';
    return null;
  });
}
