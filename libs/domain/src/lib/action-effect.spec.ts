import { actionEffect, effectWindow, type ActionVerdict } from './action-effect';
import { sampleSummary } from './scoring/descriptive';

const s = (n: number, mean: number, sd: number) => ({ n, mean, sd });

describe('actionEffect', () => {
  // Known before/after data: grades of customers, and summaries with known Welch outcomes.
  const cases: [string, Parameters<typeof actionEffect>, ActionVerdict][] = [
    [
      'a clear rise',
      [sampleSummary([5, 6, 5, 6, 5, 6, 5, 6]), sampleSummary([8, 9, 8, 9, 8, 9, 8, 9])],
      'improved',
    ],
    ['a clear fall', [sampleSummary([8, 9, 8, 9, 8, 9]), sampleSummary([5, 6, 5, 6, 5, 6])], 'worse'],
    ['noise only', [sampleSummary([6, 8, 7, 5, 9, 7]), sampleSummary([7, 6, 8, 7, 6, 8])], 'no_change'],
    ['a small rise on few answers', [s(5, 7.0, 1.5), s(5, 7.4, 1.5)], 'no_change'],
    ['the same small rise on many answers', [s(2000, 7.0, 1.5), s(2000, 7.4, 1.5)], 'improved'],
    ['one answer after', [s(30, 7, 1), s(1, 9, 0)], 'insufficient'],
    ['no answers before', [{ n: 0, mean: null, sd: null }, s(30, 7, 1)], 'insufficient'],
    ['no spread on either side', [s(10, 7, 0), s(10, 7, 0)], 'insufficient'],
    ['below the given minimum', [s(4, 2, 0.5), s(4, 3.5, 0.5), 5], 'insufficient'],
    ['at the given minimum', [s(5, 2, 0.5), s(5, 3.5, 0.5), 5], 'improved'],
  ];
  it.each(cases)('%s', (_name, args, verdict) => {
    expect(actionEffect(...args).verdict).toBe(verdict);
  });

  it('reports the difference after - before and Welch p', () => {
    const effect = actionEffect(s(40, 6.1, 1.2), s(40, 7.3, 1.1));
    expect(effect.difference).toBeCloseTo(1.2, 10);
    expect(effect.p).toBeLessThan(0.001);
    expect(actionEffect(s(1, 6, 0), s(1, 8, 0))).toEqual({ verdict: 'insufficient', difference: 2, p: null });
  });

  it('a verdict is never improved when the mean fell, nor worse when it rose (generated cases)', () => {
    for (let i = 0; i < 500; i++) {
      const a = s(2 + (i % 50), 1 + ((i * 7) % 9), 0.1 + ((i * 3) % 20) / 10);
      const b = s(2 + ((i * 11) % 60), 1 + ((i * 5) % 9), 0.1 + ((i * 13) % 20) / 10);
      const { verdict, difference } = actionEffect(a, b);
      if (difference! < 0) expect(verdict).not.toBe('improved');
      if (difference! > 0) expect(verdict).not.toBe('worse');
      if (difference === 0) expect(['no_change', 'insufficient']).toContain(verdict);
    }
  });
});

describe('effectWindow', () => {
  it.each([
    ['quarter', '2026-05', '2026-06-30', '2026-12', { before: '2026-Q1', after: '2026-Q3', complete: true }],
    ['quarter', '2026-05', '2026-07-01', '2026-12', { before: '2026-Q1', after: '2026-Q4', complete: false }],
    ['quarter', '2026-01', '2026-11-15', '2027-01', { before: '2025-Q4', after: '2027-Q1', complete: false }],
    ['quarter', '2026-02', '2026-12-31', '2027-04', { before: '2025-Q4', after: '2027-Q1', complete: true }],
    ['month', '2026-01', '2026-01-20', '2026-03', { before: '2025-12', after: '2026-02', complete: true }],
    ['month', '2026-12', '2026-12-20', '2027-01', { before: '2026-11', after: '2027-01', complete: false }],
    ['month', '2026-11', '2026-12-20', '2027-02', { before: '2026-10', after: '2027-01', complete: true }],
  ] as const)('%s: made %s, due %s, today %s', (kind, created, due, today, expected) => {
    expect(effectWindow(kind, created, due, today)).toEqual(expected);
  });
});
