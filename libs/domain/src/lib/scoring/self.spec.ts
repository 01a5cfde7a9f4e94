import type { SelfLevel } from '../scales';
import { respondentSelfScores, type SelfAnswerRow, summarizeSelfByValue, summarizeSelfValue } from './self';

/** Rows for one value from a compact map: respondent → behaviour answers. */
const rows = (byRespondent: Record<string, (SelfLevel | null)[]>): SelfAnswerRow[] =>
  Object.entries(byRespondent).flatMap(([respondentId, levels]) =>
    levels.map((level) => ({ respondentId, level })),
  );

describe('respondentSelfScores', () => {
  it('averages each respondent within the value and leaves n.v.t. out', () => {
    expect(respondentSelfScores(rows({ a: [3, null, 4], b: [null, null] }))).toEqual([
      { respondentId: 'a', score: 3.5, scored: 2, goodOrBetter: 1, roleModel: 0.5 },
      { respondentId: 'b', score: null, scored: 0, goodOrBetter: null, roleModel: null },
    ]);
  });

  it('rejects codes outside 1-4', () => {
    expect(() => respondentSelfScores([{ respondentId: 'a', level: 5 as SelfLevel }])).toThrow(RangeError);
  });
});

describe('summarizeSelfValue', () => {
  it('counts every respondent once: mean of respondent means, not of answers', () => {
    // respondent means 4 and 2 → score 3 (the mean over all 4 answers would be 14/4 = 3.5)
    const s = summarizeSelfValue(rows({ a: [4, 4, 4], b: [2] }));
    expect(s.respondents).toBe(2);
    expect(s.score.mean).toBe(3);
    expect(s.score.sd).toBeCloseTo(Math.SQRT2, 12); // (4-3)² + (2-3)² = 2, / 1
    // t(0.975, 1) = 12.706205, half = 12.706205 x sqrt(2)/sqrt(2): clipped to the scale 1-4
    expect(s.score).toMatchObject({ low: 1, high: 4 });
    // self index (3 - 1)/3 x 100 = 66.67; bounds 1 → 0 and 4 → 100
    expect(s.index.value).toBeCloseTo(200 / 3, 10);
    expect(s.index).toMatchObject({ low: 0, high: 100 });
    // top box per respondent: a 3/3 at 3-4, b 0/1 → 1 of 2 respondents (answers would give 3/4)
    expect(s.goodOrBetter.share).toBe(0.5);
    expect(s.goodOrBetter.low).toBeCloseTo(0.094531, 5); // Wilson(1, 2): centre 0.5, half 0.405469
    expect(s.goodOrBetter.high).toBeCloseTo(0.905469, 5);
    expect(s.roleModel.share).toBe(0.5);
  });

  it('computes score, index and shares with intervals for three respondents', () => {
    // respondent means: a (3,3) = 3, b (4) = 4, c (4,4,n.v.t.) = 4 → 3, 4, 4
    const s = summarizeSelfValue(rows({ a: [3, 3], b: [4], c: [4, 4, null] }));
    expect(s.respondents).toBe(3);
    expect(s.score.mean).toBeCloseTo(11 / 3, 12);
    // 11/3 - t(0.975, 2) x (1/3) = 3.666667 - 4.302653/3 = 2.232449; the high 5.100884 clips to 4
    expect(s.score.low).toBeCloseTo(2.232449, 5);
    expect(s.score.high).toBe(4);
    // index: (11/3 - 1)/3 x 100 = 88.888889; low (2.232449 - 1)/3 x 100 = 41.081636; high 100
    expect(s.index.value).toBeCloseTo(88.888889, 5);
    expect(s.index.low).toBeCloseTo(41.081636, 5);
    expect(s.index.high).toBe(100);
    // 3 of 3 at 3-4: Wilson low = 3/(3 + z²) = 3/6.841459 = 0.438503, high 1
    expect(s.goodOrBetter).toMatchObject({ n: 3, successes: 3, share: 1, high: 1 });
    expect(s.goodOrBetter.low).toBeCloseTo(0.438503, 5);
    // 2 of 3 at 4 (a has none): Wilson(2, 3) = [0.207660, 0.938508]
    expect(s.roleModel.share).toBeCloseTo(2 / 3, 12);
    expect(s.roleModel.low).toBeCloseTo(0.20766, 5);
    expect(s.roleModel.high).toBeCloseTo(0.938508, 5);
  });

  it('weights shares per respondent, which can make the success count fractional', () => {
    // a: 1 of 2 answers at 3-4 (0.5), b: 2 of 2 (1) → 1.5 of 2 respondents; Wilson(1.5, 2) = [0.197867, 0.973323]
    const s = summarizeSelfValue(rows({ a: [3, 2], b: [4, 4] }));
    expect(s.goodOrBetter).toMatchObject({ n: 2, successes: 1.5, share: 0.75 });
    expect(s.goodOrBetter.low).toBeCloseTo(0.197867, 5);
    expect(s.goodOrBetter.high).toBeCloseTo(0.973323, 5);
  });

  it.each([
    [{}, 0, 'no answers at all'],
    [{ a: [null, null], b: [null] }, 2, 'only n.v.t.: two respondents, none scores'],
  ])('has no numbers for %j (%s)', (answers, notApplicableOnly, _why) => {
    const s = summarizeSelfValue(rows(answers as Record<string, (SelfLevel | null)[]>));
    expect(s.respondents).toBe(0);
    expect(s.notApplicableOnly).toBe(notApplicableOnly);
    expect(s.score).toEqual({ n: 0, mean: null, sd: null, low: null, high: null });
    expect(s.index).toEqual({ value: null, low: null, high: null });
    expect(s.goodOrBetter.share).toBeNull();
    expect(s.roleModel.share).toBeNull();
  });

  it('has a score but no interval for a single respondent', () => {
    const s = summarizeSelfValue(rows({ a: [2, 3], b: [null] }));
    expect(s).toMatchObject({ respondents: 1, notApplicableOnly: 1 });
    expect(s.score).toEqual({ n: 1, mean: 2.5, sd: null, low: null, high: null });
    expect(s.index).toEqual({ value: 50, low: null, high: null }); // (2.5 - 1)/3 x 100
  });

  it('gives a zero-width interval when every respondent scores the same', () => {
    const s = summarizeSelfValue(rows({ a: [3], b: [3, 3], c: [3, null] }));
    expect(s.score).toEqual({ n: 3, mean: 3, sd: 0, low: 3, high: 3 });
    expect(s.roleModel).toMatchObject({ successes: 0, share: 0, low: 0 });
  });
});

describe('summarizeSelfByValue', () => {
  it('summarises each value separately, in first-seen order', () => {
    const result = summarizeSelfByValue([
      { valueKey: 'dichtbij', respondentId: 'a', level: 4 },
      { valueKey: 'deskundig', respondentId: 'a', level: 2 },
      { valueKey: 'dichtbij', respondentId: 'b', level: 2 },
      { valueKey: 'deskundig', respondentId: 'b', level: null },
    ]);
    expect([...result.keys()]).toEqual(['dichtbij', 'deskundig']);
    expect(result.get('dichtbij')!.score.mean).toBe(3); // (4 + 2)/2
    expect(result.get('deskundig')).toMatchObject({ respondents: 1, notApplicableOnly: 1 });
    expect(result.get('deskundig')!.score.mean).toBe(2);
  });
});
