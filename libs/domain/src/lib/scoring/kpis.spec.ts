import { selfIndex } from '../scales';
import { recognitionIndex } from './customer';
import { gapLabel, outsideInGap, participation, recognitionTarget, targetStatus } from './kpis';

describe('outside-in gap', () => {
  it.each([
    [-50, 'blind_spot', 'far below'],
    [-10.0001, 'blind_spot', 'just below -10'],
    [-10, 'aligned', 'exactly -10 is not below -10'],
    [0, 'aligned', 'no gap'],
    [10, 'aligned', 'exactly +10 is not above +10'],
    [10.0001, 'hidden_strength', 'just above +10'],
  ])('gap %p is %p (%s)', (gap, label, _why) => {
    expect(gapLabel(gap)).toBe(label);
  });

  it('is recognition index minus self index', () => {
    // grade 8.2 → (8.2 - 1)/9 x 100 = 80; self 2.8 → (2.8 - 1)/3 x 100 = 60; 80 - 60 = +20
    expect(outsideInGap(recognitionIndex(8.2), selfIndex(2.8))).toEqual({
      gap: 20,
      label: 'hidden_strength',
    });
    expect(outsideInGap(30, 70)).toEqual({ gap: -40, label: 'blind_spot' });
  });

  it('does not let float noise flip a boundary', () => {
    // grade 1 → 0; self 1.3 → 10.000000000000002 in floats: the gap is -10 and so "aligned"
    const r = outsideInGap(recognitionIndex(1), selfIndex(1.3));
    expect(r.gap).toBeCloseTo(-10, 12);
    expect(r.label).toBe('aligned');
  });

  it.each([
    [null, 50],
    [50, null],
    [null, null],
  ])('is null when a side is missing (%p, %p)', (recognition, self) => {
    expect(outsideInGap(recognition, self)).toEqual({ gap: null, label: null });
  });
});

describe('participation', () => {
  it.each([
    [3, 4, 0.75],
    [4, 4, 1],
    [0, 4, 0],
    [0, 0, null],
  ])('%p of %p invited → %p', (completed, invited, rate) => {
    expect(participation(completed, invited)).toEqual({ completed, invited, rate });
  });

  it('rejects impossible counts', () => {
    expect(() => participation(5, 4)).toThrow(RangeError);
    expect(() => participation(-1, 4)).toThrow(RangeError);
    expect(() => participation(1, 2.5)).toThrow(RangeError);
  });
});

describe('recognition targets', () => {
  it.each([
    ['basis', undefined, 7.5, 'default by level'],
    ['gemak', null, 7.5, 'null uses the default'],
    ['persoonlijk', undefined, 8.5, 'default by level'],
    ['verrassend', undefined, 8.5, 'default by level'],
    ['basis', 9, 9, 'the organisation overrides'],
  ] as const)('%s with %p → %p (%s)', (level, configured, target, _why) => {
    expect(recognitionTarget(level, configured)).toBe(target);
  });

  it('rejects a target outside 1-10', () => {
    expect(() => recognitionTarget('basis', 11)).toThrow(RangeError);
    expect(() => recognitionTarget('basis', Number.NaN)).toThrow(RangeError);
  });

  it.each([
    [7.6, 7.5, 'on_target', 'above'],
    [7.5, 7.5, 'on_target', 'exactly on the target counts as on target'],
    [7.4, 7.5, 'near', 'less than 0.5 below'],
    [7.0, 7.5, 'near', 'exactly 0.5 below is still near'],
    [6.99, 7.5, 'below', 'more than 0.5 below'],
    [8.0, 8.5, 'near', 'upper levels: exactly 0.5 below 8.5'],
    [7.99, 8.5, 'below', 'upper levels: more than 0.5 below'],
    [7.8, 8.3, 'near', '8.3 - 0.5 is 7.800000000000001 in floats; 7.8 is still near'],
    [null, 7.5, 'no_data', 'no grade'],
  ])('grade %p against %p is %p (%s)', (grade, target, status, _why) => {
    expect(targetStatus(grade, target)).toBe(status);
  });
});
