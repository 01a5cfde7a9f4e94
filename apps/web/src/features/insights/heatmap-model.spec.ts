import { describe, expect, it } from 'vitest';
import { heatmap, heatmapTable, selfShade } from './heatmap-model';
import { customer, orgReport, row, self, team, VALUES } from './test-fixtures';
import { TOO_FEW } from './table-model';

const wijk = team('t1', 'Wijkteam');
const balie = team('t2', 'Balie');
const rows = [
  row({
    period: '2026-Q2',
    valueKey: 'betrouwbaar',
    group: wijk,
    customer: customer(6),
    self: self(3.6),
    gap: -42,
    gapLabel: 'blind_spot',
    status: 'below',
  }),
  row({
    period: '2026-Q2',
    valueKey: 'persoonlijk',
    group: wijk,
    self: { suppressed: true, reason: 'complementary' },
  }),
  row({
    period: '2026-Q2',
    valueKey: 'betrouwbaar',
    group: balie,
    customer: customer(8.6),
    self: self(2.4),
    gap: 33,
    gapLabel: 'hidden_strength',
    status: 'on_target',
  }),
  row({ period: '2026-Q1', valueKey: 'betrouwbaar', group: balie, gap: 1, gapLabel: 'aligned' }),
];

describe('heatmap model', () => {
  it('colours gap cells by label with the number, and marks held-back cells', () => {
    const map = heatmap(rows, VALUES, '2026-Q2', 'gap');
    expect(map.rows.map((r) => r.group.name)).toEqual(['Wijkteam', 'Balie']);
    expect(map.rows[0].cells).toEqual([
      { valueKey: 'betrouwbaar', value: -42, tone: 'blind_spot', label: 'blind_spot' },
      { valueKey: 'persoonlijk', value: TOO_FEW, tone: 'too_few', label: null },
    ]);
    // Balie has no row for persoonlijk: no data, not "too few"
    expect(map.rows[1].cells[1]).toEqual({ valueKey: 'persoonlijk', value: null, tone: 'none', label: null });
    expect(map.rows[1].cells[0].tone).toBe('hidden_strength');
  });

  it('shows self scores in shades and customer grades by target status', () => {
    const selfMap = heatmap(rows, VALUES, '2026-Q2', 'self');
    expect(selfMap.rows[0].cells[0]).toMatchObject({ value: 3.6, tone: 'self-5' });
    expect(selfMap.rows[0].cells[1].value).toEqual(TOO_FEW);
    const customerMap = heatmap(rows, VALUES, '2026-Q2', 'customer');
    expect(customerMap.rows[1].cells[0]).toMatchObject({ value: 8.6, tone: 'on_target', label: 'on_target' });
    // the customer side is not held back by the employee minimum
    expect(customerMap.rows[0].cells[1]).toMatchObject({ value: null, tone: 'none' });
  });

  it.each([
    [1, 'self-1'],
    [1.99, 'self-1'],
    [2, 'self-2'],
    [2.5, 'self-3'],
    [3, 'self-4'],
    [3.5, 'self-5'],
    [4, 'self-5'],
  ] as const)('shades self score %p as %s', (score, shade) => {
    expect(selfShade(score)).toBe(shade);
  });

  it('puts lead rows (the organisation) first', () => {
    const map = heatmap(rows, VALUES, '2026-Q2', 'gap', orgReport.rows);
    expect(map.rows.map((r) => r.group.name)).toEqual(['Gemeente Demo', 'Wijkteam', 'Balie']);
  });

  it('lists the grid in long form for the CSV', () => {
    const map = heatmap(rows, VALUES, '2026-Q2', 'gap');
    const table = heatmapTable(map, {
      group: 'Team',
      value: 'Waarde',
      metric: 'Kloof',
      label: 'Duiding',
      valueName: (v) => v.name,
      labelText: (l) => `<${l}>`,
    });
    expect(table.columns.map((c) => c.kind)).toEqual(['text', 'text', 'gap', 'text']);
    expect(table.rows).toEqual([
      { group: 'Wijkteam', value: 'Betrouwbaar', metric: -42, label: '<blind_spot>' },
      { group: 'Wijkteam', value: 'Persoonlijk', metric: TOO_FEW, label: null },
      { group: 'Balie', value: 'Betrouwbaar', metric: 33, label: '<hidden_strength>' },
      { group: 'Balie', value: 'Persoonlijk', metric: null, label: null },
    ]);
  });
});
