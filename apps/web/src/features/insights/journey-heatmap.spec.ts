import type { KpiRow } from '@wk/contracts';
import { describe, expect, it } from 'vitest';
import { journeyCell, localizedRows } from './journey-heatmap';

const row = (kind: 'journey' | 'touchpoint', nameEn: string | null): KpiRow =>
  ({
    period: '2026-Q3',
    valueKey: 'betrouwbaar',
    group: { kind, id: 'g1', name: 'Verhuizen', nameEn, parentId: null },
  }) as KpiRow;

describe('journey and touchpoint cells', () => {
  it.each([
    ['journey', { journeyId: 'g1', touchpointId: null }],
    ['touchpoint', { journeyId: null, touchpointId: 'g1' }],
  ] as const)('prefills the action cell of a %s row', (kind, ids) => {
    expect(journeyCell('betrouwbaar', row(kind, null).group, 'quarter', '2026-Q3')).toEqual({
      valueKey: 'betrouwbaar',
      ...ids,
      periodKind: 'quarter',
      period: '2026-Q3',
      metric: 'customer',
    });
  });

  it.each([
    ['en', 'Moving house', 'Moving house'],
    ['en', null, 'Verhuizen'],
    ['en', '', 'Verhuizen'],
    ['nl', 'Moving house', 'Verhuizen'],
  ])('names the group in %s (English %s) as %s', (lang, nameEn, shown) => {
    expect(localizedRows([row('journey', nameEn)], lang)[0].group.name).toBe(shown);
  });
});
