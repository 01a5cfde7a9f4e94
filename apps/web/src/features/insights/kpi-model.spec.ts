import { describe, expect, it } from 'vitest';
import {
  findRow,
  gradeBars,
  npsAt,
  participationAt,
  selfView,
  sparkline,
  SPARKLINE,
  statusPyramid,
  trendSeries,
  valueName,
  valueTiles,
} from './kpi-model';
import { customer, orgReport, report, row, team } from './test-fixtures';

describe('kpi model', () => {
  it('tells a held-back self score from a missing one and from numbers', () => {
    expect(selfView(null)).toEqual({ kind: 'none' });
    expect(selfView({ suppressed: true, reason: 'complementary' })).toEqual({
      kind: 'tooFew',
      reason: 'complementary',
    });
    expect(selfView(orgReport.rows[0].self).kind).toBe('stat');
  });

  it('names values in the reader’s language, Dutch when English is empty', () => {
    expect(valueName({ name: 'Dichtbij', nameEn: 'Close by' }, 'en')).toBe('Close by');
    expect(valueName({ name: 'Dichtbij', nameEn: '' }, 'en')).toBe('Dichtbij');
    expect(valueName({ name: 'Dichtbij', nameEn: 'Close by' }, 'nl')).toBe('Dichtbij');
  });

  it('says of a value retired by a newer version that it is no longer one', () => {
    expect(valueName({ name: 'Dichtbij', nameEn: 'Close by', retired: true }, 'nl')).toBe(
      'Dichtbij (geen waarde meer)',
    );
    expect(valueName({ name: 'Dichtbij', nameEn: 'Close by', retired: true }, 'en')).toBe(
      'Close by (no longer a value)',
    );
  });

  it('makes a tile per value with status, self, gap, change and the trend up to the period', () => {
    const [reliable, personal] = valueTiles(orgReport, '2026-Q2');
    expect(reliable).toMatchObject({
      grade: 7.8,
      customerN: 40,
      status: 'on_target',
      gap: 8.1,
      gapLabel: 'aligned',
      change: { significant: true },
      trend: [
        { period: '2026-Q1', grade: 7.2 },
        { period: '2026-Q2', grade: 7.8 },
      ],
    });
    expect(reliable.self.kind).toBe('stat');
    expect(personal).toMatchObject({
      status: 'below',
      self: { kind: 'tooFew', reason: 'too_few' },
      gap: null,
    });
    expect(personal.trend).toEqual([
      { period: '2026-Q1', grade: null },
      { period: '2026-Q2', grade: 6.4 },
    ]);
  });

  it('shows no data, not zero, for a value without a row', () => {
    const [, personal] = valueTiles(orgReport, '2026-Q1');
    expect(personal).toMatchObject({ grade: null, customerN: 0, status: 'no_data', self: { kind: 'none' } });
    expect(personal.trend).toEqual([{ period: '2026-Q1', grade: null }]);
  });

  it('orders the pyramid from verrassend at the top to basis at the bottom', () => {
    const rows = statusPyramid(valueTiles(orgReport, '2026-Q2'));
    expect(rows.map((r) => r.level)).toEqual(['verrassend', 'persoonlijk', 'gemak', 'basis']);
    expect(rows[1].tiles.map((t) => t.value.key)).toEqual(['persoonlijk']);
    expect(rows[3].tiles.map((t) => t.value.key)).toEqual(['betrouwbaar']);
  });

  it('finds rows by group only when asked', () => {
    const teamRow = row({ period: '2026-Q2', valueKey: 'betrouwbaar', group: team('t1', 'Wijkteam') });
    const rows = [teamRow, ...orgReport.rows];
    expect(findRow(rows, '2026-Q2', 'betrouwbaar')).toBe(teamRow);
    expect(findRow(rows, '2026-Q2', 'betrouwbaar', null)?.group.id).toBeNull();
    expect(findRow(rows, '2026-Q2', 'betrouwbaar', 't1')).toBe(teamRow);
  });

  it('picks NPS and participation of the period', () => {
    expect(npsAt(orgReport, '2026-Q2')?.nps).toBe(12.5);
    expect(npsAt(orgReport, '2026-Q1')).toBeUndefined();
    expect(participationAt(orgReport, '2026-Q2')?.rate).toBe(0.7);
  });

  it('puts both trends on the 0-100 index with bands rescaled by the domain formulas', () => {
    const [q1, q2] = trendSeries(orgReport, 'betrouwbaar');
    // grade 7.2 ± 0.3 → index (6.9 - 1)/9 x 100 = 65.56 .. (7.5 - 1)/9 x 100 = 72.22
    expect(q1.customerBand?.[0]).toBeCloseTo(65.5556, 3);
    expect(q1.customerBand?.[1]).toBeCloseTo(72.2222, 3);
    // self 3 ± 0.2 → (2.8 - 1)/3 x 100 = 60 .. (3.2 - 1)/3 x 100 = 73.33
    expect(q1.selfBand?.[0]).toBeCloseTo(60, 6);
    expect(q1.selfBand?.[1]).toBeCloseTo(73.3333, 3);
    expect(q1.selfIndex).toBeCloseTo(66.6667, 3);
    expect(q2).toMatchObject({ grade: 7.8, gap: 8.1, gapLabel: 'aligned' });
    const [, personal] = trendSeries(orgReport, 'persoonlijk');
    expect(personal).toMatchObject({ selfIndex: null, selfBand: null, self: { kind: 'tooFew' } });
  });

  it('has no band where the interval is undefined (n = 1)', () => {
    const one = report([
      row({
        period: '2026-Q1',
        valueKey: 'betrouwbaar',
        customer: { ...customer(8, 1), grade: { n: 1, mean: 8, low: null, high: null } },
      }),
    ]);
    expect(trendSeries(one, 'betrouwbaar')[0]).toMatchObject({ grade: 8, customerBand: null });
    expect(gradeBars(one, '2026-Q1', 'betrouwbaar')[0]).toMatchObject({ grade: 8, error: null, n: 1 });
  });

  it('makes grade bars with error offsets per group', () => {
    const segments = report([
      row({
        period: '2026-Q2',
        valueKey: 'betrouwbaar',
        group: { kind: 'segment', id: 's1', name: 'Starters', parentId: null },
        customer: customer(7, 30, 6.5, 7.25),
        status: 'below',
      }),
      row({
        period: '2026-Q2',
        valueKey: 'persoonlijk',
        group: { kind: 'segment', id: 's1', name: 'Starters', parentId: null },
        customer: customer(9),
      }),
    ]);
    expect(gradeBars(segments, '2026-Q2', 'betrouwbaar')).toEqual([
      {
        id: 's1',
        name: 'Starters',
        grade: 7,
        low: 6.5,
        high: 7.25,
        error: [0.5, 0.25],
        n: 30,
        status: 'below',
      },
    ]);
  });

  it('draws the sparkline with the target inside the scale and skips a period without a grade', () => {
    const { width, height, pad } = SPARKLINE;
    const { points, targetY } = sparkline(
      [
        { period: '2026-Q1', grade: 7 },
        { period: '2026-Q2', grade: null },
        { period: '2026-Q3', grade: 8 },
      ],
      9,
    );
    // Scale 6.7 (lowest grade - 0.3) to 9.3 (target + 0.3): the target sits near the top.
    expect(points.map((p) => p.x)).toEqual([pad, width - pad]);
    expect(points[0].y).toBeCloseTo(pad + (2.3 / 2.6) * (height - 2 * pad));
    expect(points[1].y).toBeGreaterThan(targetY);
    expect(targetY).toBeCloseTo(pad + (0.3 / 2.6) * (height - 2 * pad));
    expect(sparkline([{ period: '2026-Q1', grade: 5 }], 7.5).points).toEqual([
      { x: width / 2, y: expect.any(Number) },
    ]);
  });
});
