import type { CustomerStat, KpiGroup, KpiReport, KpiRow, SelfStat } from '@wk/contracts';

/** Small hand-made api answers for the model and page specs (numbers chosen, not computed). */

export const ORG: KpiGroup = { kind: 'organisation', id: null, name: 'Gemeente Demo', parentId: null };
export const team = (id: string, name: string, parentId: string | null = null): KpiGroup => ({
  kind: 'team',
  id,
  name,
  parentId,
});

export const customer = (mean: number | null, n = 40, low?: number, high?: number): CustomerStat => ({
  n,
  dontKnow: 2,
  grade: {
    n,
    mean,
    low: low ?? (mean === null ? null : mean - 0.3),
    high: high ?? (mean === null ? null : mean + 0.3),
  },
  index: mean === null ? null : ((mean - 1) / 9) * 100,
  recognises: { share: 0.6, low: 0.45, high: 0.73 },
  emotional: { share: 0.3, low: 0.18, high: 0.45 },
});

export const self = (mean: number, n = 12): SelfStat => ({
  suppressed: false,
  n,
  score: { n, mean, low: mean - 0.2, high: mean + 0.2 },
  index: ((mean - 1) / 3) * 100,
  goodOrBetter: { share: 0.7, low: 0.5, high: 0.85 },
  roleModel: { share: 0.2, low: 0.1, high: 0.4 },
});

export const row = (over: Partial<KpiRow> & Pick<KpiRow, 'period' | 'valueKey'>): KpiRow => ({
  group: ORG,
  self: null,
  customer: null,
  gap: null,
  gapLabel: null,
  target: 7.5,
  status: 'no_data',
  change: { customer: null, self: null },
  ...over,
});

export const VALUES: KpiReport['values'] = [
  { key: 'betrouwbaar', name: 'Betrouwbaar', nameEn: 'Reliable', level: 'basis', target: 7.5 },
  { key: 'persoonlijk', name: 'Persoonlijk', nameEn: 'Personal', level: 'persoonlijk', target: 8.5 },
];

export const report = (rows: KpiRow[], over: Partial<KpiReport> = {}): KpiReport => ({
  periodKind: 'quarter',
  periods: ['2026-Q1', '2026-Q2'],
  periodInfo: [
    {
      key: '2026-Q1',
      kind: 'quarter',
      seriesId: null,
      seriesName: null,
      start: '2026-01-01',
      end: '2026-04-01',
    },
    {
      key: '2026-Q2',
      kind: 'quarter',
      seriesId: null,
      seriesName: null,
      start: '2026-04-01',
      end: '2026-07-01',
    },
  ],
  minimum: 5,
  reliabilityMinimum: 30,
  values: VALUES,
  rows,
  participation: [],
  nps: [],
  ...over,
});

/** The organisation over two quarters: betrouwbaar on target with a balanced gap, persoonlijk below with a blind spot. */
export const orgReport = report(
  [
    row({
      period: '2026-Q1',
      valueKey: 'betrouwbaar',
      customer: customer(7.2),
      self: self(3),
      status: 'near',
    }),
    row({
      period: '2026-Q2',
      valueKey: 'betrouwbaar',
      customer: customer(7.8),
      self: self(3.1),
      gap: 8.1,
      gapLabel: 'aligned',
      status: 'on_target',
      change: { customer: { difference: 0.6, p: 0.01, significant: true }, self: null },
    }),
    row({
      period: '2026-Q2',
      valueKey: 'persoonlijk',
      target: 8.5,
      customer: customer(6.4),
      self: { suppressed: true, reason: 'too_few' },
      status: 'below',
    }),
  ],
  {
    participation: [{ period: '2026-Q2', group: ORG, invited: 50, completed: 35, rate: 0.7 }],
    nps: [
      {
        period: '2026-Q2',
        group: ORG,
        n: 80,
        nps: 12.5,
        promoters: 30,
        passives: 30,
        detractors: 20,
        overallGrade: { n: 80, mean: 7.4, low: 7.1, high: 7.7 },
      },
    ],
  },
);
