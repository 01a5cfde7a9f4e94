import type { BehaviourDistribution, BehaviourReport } from '@wk/contracts';
import { describe, expect, it } from 'vitest';
import { behaviourStacks, behaviourText, weakestBehaviours } from './behaviour-model';

const b = (
  key: string,
  levels: [number, number, number, number] | null,
  mean: number | null,
  over: Partial<BehaviourDistribution> = {},
): BehaviourDistribution => ({
  period: '2026-Q2',
  valueKey: 'betrouwbaar',
  behaviourKey: key,
  text: `gedrag ${key}`,
  textEn: '',
  levels,
  notApplicable: levels ? 1 : null,
  respondents: levels ? 10 : null,
  mean,
  suppressed: levels ? null : 'too_few',
  ...over,
});

const report: BehaviourReport = {
  minimum: 5,
  behaviours: [
    b('a', [1, 2, 5, 2], 2.8),
    b('b', null, null),
    b('c', [4, 4, 2, 0], 1.8),
    b('d', [0, 0, 5, 5], 3.5, { valueKey: 'persoonlijk' }),
    b('e', [0, 10, 0, 0], 2, { period: '2026-Q1' }),
    b('f', [0, 4, 4, 2], 2.8),
  ],
};

describe('behaviour model', () => {
  it('turns level counts into shares of the scored answers, n.v.t. left out', () => {
    const [a, bb] = behaviourStacks(report, '2026-Q2', 'betrouwbaar');
    expect(a.shares).toEqual([0.1, 0.2, 0.5, 0.2]);
    expect(a.counts).toEqual([1, 2, 5, 2]);
    expect(bb).toMatchObject({ suppressed: 'too_few', shares: null, mean: null, respondents: null });
  });

  it('keeps the period and value filters', () => {
    expect(behaviourStacks(report, '2026-Q2', 'betrouwbaar').map((s) => s.key)).toEqual(['a', 'b', 'c', 'f']);
    expect(behaviourStacks(report, '2026-Q2').map((s) => s.key)).toEqual(['a', 'b', 'c', 'd', 'f']);
  });

  it('lists the weakest shown behaviours, lowest mean first, ties in api order', () => {
    expect(weakestBehaviours(report, '2026-Q2', 3).map((s) => s.key)).toEqual(['c', 'a', 'f']);
  });

  it('never shows numbers of a held-back behaviour even if the api sent levels', () => {
    const leaky = { minimum: 5, behaviours: [b('x', [1, 1, 1, 1], 2.5, { suppressed: 'complementary' })] };
    expect(behaviourStacks(leaky, '2026-Q2')[0]).toMatchObject({ shares: null, counts: null, mean: null });
  });

  it('falls back to the Dutch text', () => {
    expect(behaviourText({ text: 'kom afspraken na', textEn: '' }, 'en')).toBe('kom afspraken na');
    expect(behaviourText({ text: 'kom afspraken na', textEn: 'keep promises' }, 'en')).toBe('keep promises');
  });
});
