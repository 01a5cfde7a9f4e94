import {
  mean,
  presentNumbers,
  sampleSize,
  sampleStandardDeviation,
  sampleSummary,
  summaryFromSums,
} from './descriptive';

describe('descriptive statistics', () => {
  it.each([
    // values, n, mean, sd: where the numbers come from
    [[], 0, null, null, 'empty: no mean, no sd'],
    [[null, null, undefined], 0, null, null, 'all nulls are left out, so as good as empty'],
    [[4], 1, 4, null, 'n = 1: the mean is the value, sd needs n - 1 >= 1'],
    [[3, 3, 3], 3, 3, 0, 'all equal: sd exactly 0'],
    [
      [3, 4, 4],
      3,
      11 / 3,
      Math.sqrt(1 / 3),
      'mean 11/3; squares 4/9 + 1/9 + 1/9 = 2/3, / (3 - 1) = 1/3; sd 0.577350',
    ],
    [[1, 2, 3, 4, 5], 5, 3, Math.sqrt(2.5), 'squares 4+1+0+1+4 = 10, / 4 = 2.5; sd 1.581139'],
    [[2, null, 4, undefined], 2, 3, Math.SQRT2, 'nulls dropped: 2,4 have squares 1+1 = 2, / 1; sd 1.414214'],
  ])('%j: n %p, mean %p, sd %p (%s)', (values, n, m, sd, _why) => {
    expect(sampleSize(values)).toBe(n);
    expect(sampleSummary(values).n).toBe(n);
    if (m === null) expect(mean(values)).toBeNull();
    else expect(mean(values)).toBeCloseTo(m, 12);
    if (sd === null) expect(sampleStandardDeviation(values)).toBeNull();
    else expect(sampleStandardDeviation(values)).toBeCloseTo(sd, 12);
  });

  it('gives exactly 0 for equal fractional values, not float noise', () => {
    // 0.1 + 0.1 + 0.1 = 0.30000000000000004, so a naive mean differs from 0.1 in the last bit
    expect(sampleSummary([0.1, 0.1, 0.1]).sd).toBe(0);
  });

  it('rejects NaN and infinities instead of scoring them', () => {
    expect(() => presentNumbers([1, Number.NaN])).toThrow(RangeError);
    expect(() => mean([Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe('summaryFromSums', () => {
  it('gives the same n, mean and sd as the raw sample', () => {
    // 3, 4, 4: Σx = 11, Σx² = 9 + 16 + 16 = 41; mean 11/3, variance (41 - 121/3)/2 = 1/3.
    const fromSums = summaryFromSums(3, 11, 41);
    const fromRaw = sampleSummary([3, 4, 4]);
    expect(fromSums.mean).toBeCloseTo(fromRaw.mean!, 12);
    expect(fromSums.sd).toBeCloseTo(fromRaw.sd!, 12);
    expect(fromSums.sd).toBeCloseTo(Math.sqrt(1 / 3), 12);
  });

  it('handles n = 0, n = 1 and equal values', () => {
    expect(summaryFromSums(0, 0, 0)).toEqual({ n: 0, mean: null, sd: null });
    expect(summaryFromSums(1, 7, 49)).toEqual({ n: 1, mean: 7, sd: null });
    // 0.1 + 0.1 + 0.1 leaves float noise in Σx² - (Σx)²/n; equal values must give exactly 0.
    expect(summaryFromSums(3, 0.1 + 0.1 + 0.1, 0.01 + 0.01 + 0.01).sd).toBe(0);
    expect(() => summaryFromSums(-1, 0, 0)).toThrow(RangeError);
  });
});
