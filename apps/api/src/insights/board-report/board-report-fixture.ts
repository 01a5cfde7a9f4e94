import type { ActionDetail, HeartMonitor, KpiReport, KpiRow, KpiValueInfo, MeanStat } from '@wk/contracts';
import type { BoardReportInput } from './board-report-model';

/** Constructed board report data for the unit specs (no database): known numbers, known words. */

const mean = (n: number, m: number | null, spread = 0.4): MeanStat => ({
  n,
  mean: m,
  low: m === null || n < 2 ? null : m - spread,
  high: m === null || n < 2 ? null : m + spread,
});

export function value(key: string, level: KpiValueInfo['level'], target = 7.5): KpiValueInfo {
  const name = key.charAt(0).toUpperCase() + key.slice(1);
  return { key, name, nameEn: `${name} EN`, level, target };
}

const org = { kind: 'organisation' as const, id: null, name: 'Organisatie', parentId: null };

/** A row with a customer grade (n answers) and a self score; gap = customer index − self index. */
export function row(
  period: string,
  valueKey: string,
  o: {
    grade: number | null;
    n: number;
    selfIndex?: number | null;
    selfN?: number;
    status?: KpiRow['status'];
  },
): KpiRow {
  const customerIndex = o.grade === null ? null : ((o.grade - 1) / 9) * 100;
  const selfIndex = o.selfIndex ?? null;
  const gap = customerIndex !== null && selfIndex !== null ? customerIndex - selfIndex : null;
  return {
    period,
    group: org,
    valueKey,
    self:
      selfIndex === null
        ? { suppressed: true, reason: 'too_few' }
        : {
            suppressed: false,
            n: o.selfN ?? 12,
            score: mean(o.selfN ?? 12, 1 + (selfIndex / 100) * 3, 0.1),
            index: selfIndex,
            goodOrBetter: { share: 0.5, low: 0.4, high: 0.6 },
            roleModel: { share: 0.1, low: 0.05, high: 0.2 },
          },
    customer:
      o.n === 0
        ? null
        : {
            n: o.n,
            dontKnow: 0,
            grade: mean(o.n, o.grade),
            index: customerIndex,
            recognises: { share: 0.6, low: 0.5, high: 0.7 },
            emotional: { share: 0.3, low: 0.2, high: 0.4 },
          },
    gap,
    gapLabel: gap === null ? null : gap < -10 ? 'blind_spot' : gap > 10 ? 'hidden_strength' : 'aligned',
    target: 7.5,
    status:
      o.status ??
      (o.grade === null ? 'no_data' : o.grade >= 7.5 ? 'on_target' : o.grade >= 7 ? 'near' : 'below'),
    change: { customer: { difference: 0.4, p: 0.01, significant: true }, self: null },
  };
}

export function report(
  values: KpiValueInfo[],
  rows: KpiRow[],
  periods = ['2026-Q1', '2026-Q2', '2026-Q3'],
): KpiReport {
  return {
    periodKind: 'quarter',
    periods,
    periodInfo: [],
    minimum: 5,
    reliabilityMinimum: 30,
    values,
    rows,
    participation: [
      { period: periods[periods.length - 1], group: org, invited: 40, completed: 31, rate: 31 / 40 },
    ],
    nps: [
      {
        period: periods[periods.length - 1],
        group: org,
        n: 80,
        nps: 12,
        promoters: 30,
        passives: 30,
        detractors: 20,
        overallGrade: mean(80, 7.2),
      },
    ],
  };
}

export function heart(): HeartMonitor {
  const cell = (
    m: number | null,
    n: number,
    state: 'reliable' | 'provisional' | 'too_few',
    peak = false,
    dip = false,
  ) => ({
    grade: mean(n, m),
    state,
    peak,
    dip,
  });
  return {
    journeyId: 'j1',
    name: 'Verhuizing',
    period: '2026-Q3',
    minimum: 5,
    reliabilityMinimum: 30,
    values: [],
    points: [
      {
        touchpointId: 't1',
        name: 'Website',
        channel: 'web',
        momentOfTruth: false,
        values: [],
        ...cell(7.8, 60, 'reliable', true),
      },
      {
        touchpointId: 't2',
        name: 'Bevestiging',
        channel: 'email',
        momentOfTruth: true,
        values: [],
        ...cell(5.1, 44, 'reliable', false, true),
      },
      {
        touchpointId: 't3',
        name: 'Bezoek',
        channel: 'visit',
        momentOfTruth: false,
        values: [],
        ...cell(7.2, 12, 'provisional'),
      },
      {
        touchpointId: 't4',
        name: 'Nazorg',
        channel: 'phone',
        momentOfTruth: false,
        values: [],
        ...cell(null, 3, 'too_few'),
      },
    ],
  };
}

export function action(what: string, o: Partial<ActionDetail> = {}): ActionDetail {
  return {
    id: `a-${what}`,
    focusId: 'f1',
    focusTitle: 'Afspraken nakomen',
    cell: {
      valueKey: 'betrouwbaar',
      valueName: 'Betrouwbaar',
      valueNameEn: 'Reliable',
      teamId: 't',
      teamName: 'Klantenservice',
      journeyId: null,
      journeyName: null,
      touchpointId: null,
      touchpointName: null,
      periodKind: 'quarter',
      period: '2026-Q2',
      metric: 'customer',
    },
    what,
    owner: { id: 'u1', name: 'Sanne de Vries' },
    dueDate: '2026-07-15',
    status: 'done',
    createdAt: '2026-05-01T10:00:00Z',
    updatedAt: '2026-07-01T10:00:00Z',
    canEdit: true,
    notes: [],
    effect: { state: 'pending', before: '2026-Q1', after: '2026-Q4' },
    ...o,
  };
}

/** Three values over three quarters: a blind spot, a hidden strength, a provisional one; a heart monitor; two actions. */
export function boardInput(over: Partial<BoardReportInput> = {}): BoardReportInput {
  const values = [
    value('betrouwbaar', 'basis'),
    value('gemakkelijk', 'gemak'),
    value('persoonlijk', 'persoonlijk', 8.5),
  ];
  const rows = [
    row('2026-Q1', 'betrouwbaar', { grade: 6.4, n: 90, selfIndex: 80 }),
    row('2026-Q2', 'betrouwbaar', { grade: 6.1, n: 95, selfIndex: 81 }),
    row('2026-Q3', 'betrouwbaar', { grade: 5.95, n: 100, selfIndex: 82 }),
    row('2026-Q2', 'gemakkelijk', { grade: 7.9, n: 60, selfIndex: 55 }),
    row('2026-Q3', 'gemakkelijk', { grade: 8.2, n: 64, selfIndex: 60 }),
    row('2026-Q3', 'persoonlijk', { grade: 4.5, n: 3, selfIndex: 70, status: 'below' }),
  ];
  return {
    locale: 'nl',
    organisation: 'Woonstede',
    team: null,
    value: null,
    kind: 'quarter',
    at: '2026-Q3',
    today: '2026-12-04',
    report: report(values, rows),
    touchpoints: [],
    behaviours: [],
    heart: heart(),
    actions: [
      action('Elke klant binnen een dag terugbellen', {
        status: 'in_progress',
        effect: { state: 'pending', before: '2026-Q2', after: '2027-Q1' },
      }),
      action('Bevestigingsmail herschrijven', {
        effect: {
          state: 'measured',
          before: '2026-Q1',
          after: '2026-Q3',
          beforeMean: 6.1,
          afterMean: 6.8,
          beforeN: 90,
          afterN: 100,
          verdict: 'improved',
          difference: 0.7,
          p: 0.001,
        },
      }),
    ],
    moreActions: 0,
    ...over,
  };
}
