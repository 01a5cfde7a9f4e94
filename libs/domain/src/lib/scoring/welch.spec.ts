import { sampleSummary } from './descriptive';
import { welchTest, welchTestFromSummaries } from './welch';

describe("welchTest (Welch's unequal-variance t-test)", () => {
  it.each([
    // a, b, t, df, p, significant: where the numbers come from
    // a: mean 3, var 2.5; b: mean 6, var 10. va/n = 0.5, vb/n = 2, se = sqrt(2.5);
    // t = 3/1.581139 = 1.897367; df = 2.5² / (0.25/4 + 4/4) = 6.25/1.0625 = 5.882353;
    // p = 0.107531 (scipy.stats.ttest_ind(a, b, equal_var=False), sign flipped as b - a)
    [[1, 2, 3, 4, 5], [2, 4, 6, 8, 10], 1.897367, 5.882353, 0.107531, false],
    // a sd 0, b var 1: se = sqrt(1/3); t = 2/0.577350 = 2√3 = 3.464102; df = (1/3)² / ((1/3)²/2) = 2;
    // with 2 df the upper tail is 1/2 - t/(2·sqrt(t² + 2)) = 0.5 - 3.464102/7.483315 = 0.037090; p = 0.074180
    [[3, 3, 3], [4, 5, 6], 3.464102, 2, 0.07418, false],
    // a: mean 7.5, var 1.1; b: mean 8.833333, var 0.566667; t = 2.529822, df = 9.071118, p = 0.032058 (scipy)
    [[7, 8, 9, 6, 7, 8], [8, 9, 9, 10, 8, 9], 2.529822, 9.071118, 0.032058, true],
    // identical samples: t 0, p 1
    [[1, 2, 3], [1, 2, 3], 0, 4, 1, false],
  ])('%j vs %j: t %p, df %p, p %p', (a, b, t, df, p, significant) => {
    const result = welchTest(a, b);
    expect(result).not.toBeNull();
    expect(result!.t).toBeCloseTo(t, 5);
    expect(result!.df).toBeCloseTo(df, 5);
    expect(result!.p).toBeCloseTo(p, 5);
    expect(result!.significant).toBe(significant);
  });

  it('reports the difference as b - a, and swapping the groups flips only the sign', () => {
    const forward = welchTest([1, 2, 3, 4, 5], [2, 4, 6, 8, 10])!;
    const backward = welchTest([2, 4, 6, 8, 10], [1, 2, 3, 4, 5])!;
    expect(forward.difference).toBe(3);
    expect(backward.difference).toBe(-3);
    expect(backward.t).toBeCloseTo(-forward.t, 12);
    expect(backward.p).toBeCloseTo(forward.p, 12);
  });

  it.each([
    [[4], [1, 2, 3], 'a has n = 1: no variance estimate'],
    [[1, 2, 3], [], 'b is empty'],
    [[null, null], [1, 2], 'a is all nulls'],
    [[3, 3], [4, 4], 'both sds are 0: standard error 0, t undefined'],
  ])('returns null for %j vs %j (%s)', (a, b, _why) => {
    expect(welchTest(a, b)).toBeNull();
  });

  it('gives the same result from summary statistics', () => {
    const a = [1, 2, 3, 4, 5];
    const b = [2, 4, 6, 8, 10];
    expect(welchTestFromSummaries(sampleSummary(a), sampleSummary(b))).toEqual(welchTest(a, b));
    // {n, mean, sd} as a database returns them
    const fromDb = welchTestFromSummaries(
      { n: 5, mean: 3, sd: Math.sqrt(2.5) },
      { n: 5, mean: 6, sd: Math.sqrt(10) },
    );
    expect(fromDb!.p).toBeCloseTo(0.107531, 5);
  });
});
