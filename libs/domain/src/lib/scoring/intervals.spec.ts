import { meanInterval, meanIntervalFromSummary, rescaleInterval, wilsonInterval, Z_95 } from './intervals';

describe('meanInterval (95% Student t)', () => {
  it.each([
    // values, mean, low, high: where the numbers come from
    [[], null, null, null, 'n = 0: no mean'],
    [[null, null], null, null, null, 'all nulls: n = 0'],
    [[7], 7, null, null, 'n = 1: the interval is undefined'],
    [[5, 5, 5, 5], 5, 5, 5, 'sd 0: the interval collapses onto the mean'],
    // mean 11/3, sd sqrt(1/3), se = sd/sqrt(3) = 1/3; t(0.975, 2) = 4.302653 from t tables; half 1.434218
    [[3, 4, 4], 11 / 3, 2.232449, 5.100884, 't(0.975, 2) = 4.302653'],
    // mean 3, sd sqrt(2.5), se = sqrt(0.5) = 0.707107; t(0.975, 4) = 2.776445; half 1.963243
    [[1, 2, 3, 4, 5], 3, 1.036757, 4.963243, 't(0.975, 4) = 2.776445'],
    // mean 7.5, sd 1.290994, se 0.645497; t(0.975, 3) = 3.182446; half 2.054260
    [[7, 8, 9, 6, null], 7.5, 5.44574, 9.55426, 'null left out, t(0.975, 3) = 3.182446'],
  ])('%j: mean %p in [%p, %p] (%s)', (values, m, low, high, _why) => {
    const result = meanInterval(values);
    const n = values.filter((v) => v !== null).length;
    expect(result.n).toBe(n);
    for (const [actual, expected] of [
      [result.mean, m],
      [result.low, low],
      [result.high, high],
    ]) {
      if (expected === null) expect(actual).toBeNull();
      else expect(actual).toBeCloseTo(expected, 5);
    }
  });

  it('clips the interval to the scale when a range is given', () => {
    // [3,4,4] on 1-4: high 5.100884 cannot be a mean of 1-4 answers, so it becomes 4
    const clipped = meanInterval([3, 4, 4], { min: 1, max: 4 });
    expect(clipped.low).toBeCloseTo(2.232449, 5);
    expect(clipped.high).toBe(4);
    // [1,4]: mean 2.5, sd 2.121320, t(0.975, 1) = 12.706205, half 19.059307: both sides clipped
    expect(meanInterval([1, 4], { min: 1, max: 4 })).toMatchObject({ low: 1, high: 4 });
  });

  it('computes the same interval from summary statistics', () => {
    // n 9, sd 1.5: se 0.5; t(0.975, 8) = 2.306004; half 1.153002
    const r = meanIntervalFromSummary({ n: 9, mean: 7, sd: 1.5 });
    expect(r.low).toBeCloseTo(5.846998, 5);
    expect(r.high).toBeCloseTo(8.153002, 5);
    expect(meanIntervalFromSummary({ n: 1, mean: 7, sd: null })).toEqual({
      n: 1,
      mean: 7,
      sd: null,
      low: null,
      high: null,
    });
  });

  it('rescales bounds with an index formula', () => {
    const toIndex = (v: number | null) => (v === null ? null : v * 10);
    expect(rescaleInterval({ n: 2, mean: 3, sd: 1, low: 2, high: 4 }, toIndex)).toEqual({
      value: 30,
      low: 20,
      high: 40,
    });
    expect(rescaleInterval(meanInterval([]), toIndex)).toEqual({ value: null, low: null, high: null });
  });
});

describe('wilsonInterval (95%)', () => {
  const z2 = Z_95 * Z_95; // 3.841459
  it.each([
    // successes, n, low, high: where the numbers come from
    [0, 10, 0, z2 / (10 + z2), 'at 0 successes: low 0, high z²/(n + z²) = 0.277533'],
    [10, 10, 10 / (10 + z2), 1, 'at n successes: low n/(n + z²) = 0.722467, high 1'],
    [1, 1, 1 / (1 + z2), 1, 'n = 1, success: low 1/(1 + z²) = 0.206549'],
    [0, 1, 0, z2 / (1 + z2), 'n = 1, failure: high z²/(1 + z²) = 0.793451'],
    [5, 10, 0.236593, 0.763407, 'p 0.5: centre 0.5, half (z/1.384146) x sqrt(0.025 + 0.009604) = 0.263407'],
    [8, 10, 0.490162, 0.943318, 'p 0.8: centre 0.716740, half 0.226578'],
    [1, 4, 0.045587, 0.699358, 'p 0.25: centre 0.372473, half 0.326886'],
  ])('%p of %p: [%p, %p] (%s)', (successes, n, low, high, _why) => {
    const result = wilsonInterval(successes, n);
    expect(result.share).toBeCloseTo(successes / n, 12);
    expect(result.low).toBeCloseTo(low, 5);
    expect(result.high).toBeCloseTo(high, 5);
  });

  it('is exactly 0 and 1 at the edges, never float noise past them', () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(10, 10).high).toBe(1); // the formula gives 0.9999999999999999
  });

  it('returns nulls for n = 0', () => {
    expect(wilsonInterval(0, 0)).toEqual({ n: 0, successes: 0, share: null, low: null, high: null });
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 5)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 2.5)).toThrow(RangeError);
  });
});
