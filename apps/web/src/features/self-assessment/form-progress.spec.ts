import { describe, expect, it } from 'vitest';
import { firstOpenStep, fromRadio, progressOf, toRadio } from './form-progress';

const behaviour = (id: string) => ({ id, key: id, textNl: id, textEn: '' });
const values = [
  { id: 'v1', key: 'a', nameNl: 'A', nameEn: '', behaviours: [behaviour('b1'), behaviour('b2')] },
  { id: 'v2', key: 'b', nameNl: 'B', nameEn: '', behaviours: [behaviour('b3')] },
];

describe('self-assessment progress', () => {
  it('counts n.v.t. (null) as answered and opens at the first unfinished value', () => {
    const form = { values, answers: { b1: 3 as const, b2: null } };
    expect(progressOf(form)).toMatchObject({ done: 2, total: 3, complete: false });
    expect(firstOpenStep(form)).toBe(1);
    expect(firstOpenStep({ values, answers: {} })).toBe(0);
    expect(firstOpenStep({ values, answers: { b1: 1, b2: 2, b3: 4 } })).toBe(1);
    expect(progressOf({ values, answers: { b1: 1, b2: 2, b3: 4 } }).complete).toBe(true);
  });

  it('maps levels to radio values and back', () => {
    expect([toRadio(undefined), toRadio(null), toRadio(4)]).toEqual([null, 'na', '4']);
    expect([fromRadio('na'), fromRadio('2')]).toEqual([null, 2]);
  });
});
