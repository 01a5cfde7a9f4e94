import { netPromoterScore, npsFromCounts, recognitionIndex, summarizeRecognition } from './customer';

describe('recognitionIndex', () => {
  it.each([
    [1, 0, 'bottom of the scale'],
    [10, 100, 'top of the scale'],
    [5.5, 50, '(5.5 - 1)/9 x 100'],
    [7.3, 70, '(7.3 - 1)/9 x 100 = 6.3/9 x 100'],
    [null, null, 'no grade'],
  ])('grade %p → %p (%s)', (grade, index, _why) => {
    if (index === null) expect(recognitionIndex(grade)).toBeNull();
    else expect(recognitionIndex(grade)).toBeCloseTo(index, 10);
  });
});

describe('summarizeRecognition', () => {
  it('computes grade, index and top-box shares, leaving "weet ik niet" out', () => {
    const s = summarizeRecognition([7, 8, 9, 6, null]);
    expect(s).toMatchObject({ n: 4, dontKnow: 1 });
    // mean 7.5, sd 1.290994; t(0.975, 3) = 3.182446; half 3.182446 x 0.645497 = 2.054260
    expect(s.grade.mean).toBe(7.5);
    expect(s.grade.low).toBeCloseTo(5.44574, 5);
    expect(s.grade.high).toBeCloseTo(9.55426, 5);
    // index (7.5 - 1)/9 x 100 = 72.222222; low (5.445740 - 1)/9 x 100 = 49.397108; high 95.047336
    expect(s.index.value).toBeCloseTo(72.222222, 5);
    expect(s.index.low).toBeCloseTo(49.397108, 5);
    expect(s.index.high).toBeCloseTo(95.047336, 5);
    // >= 8: 8 and 9 → 2 of 4, Wilson(2, 4) = [0.150039, 0.849961]
    expect(s.recognises).toMatchObject({ n: 4, successes: 2, share: 0.5 });
    expect(s.recognises.low).toBeCloseTo(0.150039, 5);
    expect(s.recognises.high).toBeCloseTo(0.849961, 5);
    // 9-10: only 9 → 1 of 4, Wilson(1, 4) = [0.045587, 0.699358]
    expect(s.emotional).toMatchObject({ successes: 1, share: 0.25 });
    expect(s.emotional.low).toBeCloseTo(0.045587, 5);
    expect(s.emotional.high).toBeCloseTo(0.699358, 5);
  });

  it('clips the grade interval to 1-10', () => {
    // [9, 10]: mean 9.5, sd 0.707107, t(0.975, 1) = 12.706205 → half 6.353102: [3.146898, 10]
    const s = summarizeRecognition([9, 10]);
    expect(s.grade.low).toBeCloseTo(3.146898, 5);
    expect(s.grade.high).toBe(10);
    expect(s.index.high).toBe(100);
  });

  it.each([
    [[], 0, 'no responses'],
    [[null, null, null], 3, 'only "weet ik niet"'],
  ])('has no numbers for %j (%s)', (grades, dontKnow, _why) => {
    const s = summarizeRecognition(grades);
    expect(s).toMatchObject({ n: 0, dontKnow });
    expect(s.grade.mean).toBeNull();
    expect(s.index).toEqual({ value: null, low: null, high: null });
    expect(s.recognises.share).toBeNull();
    expect(s.emotional.share).toBeNull();
  });

  it('has a grade but no interval for one response', () => {
    const s = summarizeRecognition([10]);
    expect(s.grade).toEqual({ n: 1, mean: 10, sd: null, low: null, high: null });
    expect(s.recognises).toMatchObject({ share: 1, high: 1 });
    expect(s.recognises.low).toBeCloseTo(0.206549, 5); // 1/(1 + z²)
  });

  it.each([[0], [11], [7.5]])('rejects %p as a grade', (grade) => {
    expect(() => summarizeRecognition([8, grade])).toThrow(RangeError);
  });
});

describe('netPromoterScore', () => {
  it.each([
    // scores, promoters, passives, detractors, nps: % promoters - % detractors
    [[10, 9, 8, 7, 6, 0], 2, 2, 2, 0, 'bands: 9-10 promote, 7-8 passive, 0-6 detract'],
    [[9, 10, 10, 3], 3, 0, 1, 50, '(3 - 1)/4 x 100'],
    [[7, 8, 7], 0, 3, 0, 0, 'only passives: 0, not null'],
    [[9, 10], 2, 0, 0, 100, 'only promoters'],
    [[0, 6, null], 0, 0, 2, -100, 'only detractors; unanswered left out'],
    [[6, 7, 8, 9], 1, 2, 1, 0, 'boundaries 6 | 7 and 8 | 9'],
    [[10, 9, 8], 2, 1, 0, 200 / 3, '2/3 promoters = 66.67'],
  ])('%j → NPS %p', (scores, promoters, passives, detractors, nps, _why) => {
    const r = netPromoterScore(scores);
    expect(r).toMatchObject({ promoters, passives, detractors });
    expect(r.nps).toBeCloseTo(nps, 10);
  });

  it('is null without scores', () => {
    expect(netPromoterScore([])).toMatchObject({ n: 0, nps: null });
    expect(netPromoterScore([null]).nps).toBeNull();
  });

  it('gives Wilson intervals for the promoter and detractor shares', () => {
    const r = netPromoterScore([10, 9, 8, 7, 6, 0]);
    // 2 of 6: Wilson(2, 6) = [0.096771, 0.700007]
    expect(r.promoterShare.low).toBeCloseTo(0.096771, 5);
    expect(r.promoterShare.high).toBeCloseTo(0.700007, 5);
    expect(r.detractorShare.share).toBeCloseTo(1 / 3, 12);
  });

  it.each([[11], [-1], [8.5]])('rejects %p as a score', (score) => {
    expect(() => netPromoterScore([score])).toThrow(RangeError);
  });
});

describe('npsFromCounts', () => {
  it('equals the NPS of the scores it counts', () => {
    // 3 promoters, 2 passives, 1 detractor: (3 - 1) / 6 = 33.33...
    expect(npsFromCounts(3, 2, 1)).toEqual(netPromoterScore([9, 10, 10, 7, 8, 3]));
    expect(npsFromCounts(3, 2, 1).nps).toBeCloseTo(100 / 3, 10);
    expect(npsFromCounts(0, 0, 0).nps).toBeNull();
    expect(() => npsFromCounts(-1, 0, 0)).toThrow(RangeError);
  });
});
