import type { ManagerPerspective } from '@wk/contracts';
import { describe, expect, it } from 'vitest';
import { perspectiveSeries } from './manager-perspective';

const cycle = (name: string, suppressed: boolean, index: number | null) => ({
  cycleId: name,
  cycleName: name,
  periodEnd: '2026-12-31',
  n: suppressed ? 2 : 6,
  suppressed,
  mean: index === null ? null : 1 + (index / 100) * 3,
  index,
});

describe('perspectiveSeries', () => {
  it('runs oldest cycle first and leaves a cycle below the minimum as a gap', () => {
    const p: ManagerPerspective = {
      valueKey: 'betrouwbaar',
      minimum: 5,
      cycles: [cycle('2026', false, 60), cycle('2025', true, null), cycle('2024', false, 50)],
    };
    expect(perspectiveSeries(p)).toEqual([
      { cycle: '2024', index: 50 },
      { cycle: '2025', index: null },
      { cycle: '2026', index: 60 },
    ]);
  });
});
