import {
  isRecognitionGrade,
  isSelfLevel,
  SELF_LEVEL_DESCRIPTIONS,
  SELF_LEVEL_LABELS,
  SELF_LEVELS,
  selfIndex,
  selfScore,
} from './scales';
import { isIanaTimeZone } from './organisation-settings';

describe('scales', () => {
  it('accepts exactly the four self-assessment levels', () => {
    expect([0, 1, 2, 3, 4, 5, 2.5, '3', null].map(isSelfLevel)).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(SELF_LEVEL_LABELS[4].nl).toBe('Voorbeeldfunctie');
  });

  it('accepts whole grades 1-10 only', () => {
    expect([0, 1, 7, 10, 11, 7.5].map(isRecognitionGrade)).toEqual([false, true, true, true, false, false]);
  });

  it('recognises IANA time zones through Intl', () => {
    expect(isIanaTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isIanaTimeZone('Mars/Olympus')).toBe(false);
    expect(isIanaTimeZone('')).toBe(false);
  });
});

describe('self score', () => {
  it('is the mean of the codes without n.v.t., and its index runs 0-100 (docs/formulas.md)', () => {
    // (3 + 4 + 2) / 3 = 3; index (3 - 1) / 3 x 100 = 66.67
    expect(selfScore([3, 4, null, 2])).toBe(3);
    expect(selfIndex(3)).toBeCloseTo(66.667, 3);
    expect(selfIndex(1)).toBe(0);
    expect(selfIndex(4)).toBe(100);
    expect(selfScore([null, null])).toBeNull();
    expect(selfIndex(null)).toBeNull();
  });
});

describe('self levels explained', () => {
  it('has a short description per level in both languages', () => {
    for (const level of SELF_LEVELS)
      for (const lang of ['nl', 'en'] as const) {
        expect(SELF_LEVEL_DESCRIPTIONS[level][lang].length).toBeGreaterThan(10);
        expect(SELF_LEVEL_DESCRIPTIONS[level][lang].length).toBeLessThanOrEqual(80);
      }
  });
});
