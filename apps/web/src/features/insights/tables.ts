import type { GapLabel, TargetStatus } from '@wk/domain';
import type { TFunction } from 'i18next';
import { type BehaviourStack, behaviourText } from './behaviour-model';
import { type GradeBar, type SelfView, type TrendPoint, valueName, type ValueTile } from './kpi-model';
import { periodLabel } from './period-model';
import { type CellValue, type Column, type TableSpec, TOO_FEW } from './table-model';

/**
 * The tables behind the charts (and so their CSVs). Pure: texts come from the `t` passed in.
 */
export type Translate = TFunction;

const statusText = (t: Translate, s: TargetStatus) => t(`insights.status.${s}`);
const gapText = (t: Translate, g: GapLabel | null) => (g ? t(`insights.gapLabels.${g}`) : null);

/** A self-side number, or "too few" when held back (its n included: hidden groups hide their n too). */
function selfCell(
  self: SelfView,
  pick: (s: Extract<SelfView, { kind: 'stat' }>['stat']) => CellValue,
): CellValue {
  if (self.kind === 'tooFew') return TOO_FEW;
  return self.kind === 'stat' ? pick(self.stat) : null;
}

const col = (key: string, label: string, kind: Column['kind'] = 'text'): Column => ({ key, label, kind });

/** The customer grade and its 95% interval: the same two columns in every table that shows a grade. */
const gradeColumns = (t: Translate) => [
  col('grade', t('insights.table.grade'), 'grade'),
  col('gradeCi', t('insights.table.interval'), 'grade'),
];
const gradeCells = (grade: number | null, low: number | null, high: number | null) => ({
  grade,
  gradeCi: grade === null ? null : { low, high },
});
const customersColumn = (t: Translate) => col('customers', t('insights.table.customers'), 'count');
const employeesColumn = (t: Translate) => col('employees', t('insights.table.employees'), 'count');
const gapColumns = (t: Translate) => [
  col('gap', t('insights.table.gap'), 'gap'),
  col('gapLabel', t('insights.table.gapLabel')),
];

export function tilesTable(tiles: ValueTile[], t: Translate, lang: string): TableSpec {
  const periods = tiles[0]?.trend.map((p) => p.period) ?? [];
  return {
    columns: [
      col('value', t('insights.table.value')),
      col('level', t('insights.table.level')),
      ...gradeColumns(t),
      col('target', t('insights.table.target'), 'grade'),
      col('status', t('insights.table.status')),
      customersColumn(t),
      col('selfIndex', t('insights.table.selfIndex'), 'index'),
      employeesColumn(t),
      ...gapColumns(t),
      ...periods.map((p) =>
        col(`trend:${p}`, t('insights.table.gradeIn', { period: periodLabel(p, lang) }), 'grade'),
      ),
    ],
    rows: tiles.map((tile) => ({
      value: valueName(tile.value, lang),
      level: t(`values.levels.${tile.value.level}`),
      ...gradeCells(tile.grade, tile.gradeLow, tile.gradeHigh),
      target: tile.value.target,
      status: statusText(t, tile.status),
      customers: tile.customerN,
      selfIndex: selfCell(tile.self, (s) => s.index),
      employees: selfCell(tile.self, (s) => s.n),
      gap: tile.gap,
      gapLabel: gapText(t, tile.gapLabel),
      ...Object.fromEntries(tile.trend.map((p) => [`trend:${p.period}`, p.grade])),
    })),
  };
}

export function trendTable(points: TrendPoint[], t: Translate, lang: string): TableSpec {
  return {
    columns: [
      col('period', t('insights.table.period')),
      ...gradeColumns(t),
      customersColumn(t),
      col('customerIndex', t('insights.table.recognitionIndex'), 'index'),
      col('selfScore', t('insights.table.selfScore'), 'self'),
      col('selfCi', t('insights.table.interval'), 'self'),
      employeesColumn(t),
      col('selfIndex', t('insights.table.selfIndex'), 'index'),
      ...gapColumns(t),
    ],
    rows: points.map((p) => ({
      period: periodLabel(p.period, lang),
      ...gradeCells(p.grade, p.gradeLow, p.gradeHigh),
      customers: p.customerN,
      customerIndex: p.customerIndex,
      selfScore: selfCell(p.self, (s) => s.score.mean),
      selfCi: selfCell(p.self, (s) =>
        s.score.mean === null ? null : { low: s.score.low, high: s.score.high },
      ),
      employees: selfCell(p.self, (s) => s.n),
      selfIndex: selfCell(p.self, (s) => s.index),
      gap: p.gap,
      gapLabel: gapText(t, p.gapLabel),
    })),
  };
}

export function barsTable(bars: GradeBar[], t: Translate, groupLabel: string): TableSpec {
  return {
    columns: [
      col('group', groupLabel),
      ...gradeColumns(t),
      customersColumn(t),
      col('status', t('insights.table.status')),
    ],
    rows: bars.map((b) => ({
      group: b.name,
      ...gradeCells(b.grade, b.low, b.high),
      customers: b.n,
      status: statusText(t, b.status),
    })),
  };
}

export function behaviourTable(
  stacks: BehaviourStack[],
  t: Translate,
  lang: string,
  valueNameOf?: (key: string) => string,
): TableSpec {
  const level = (i: number) => col(`l${i}`, t(`insights.behaviours.level${i}`), 'share');
  return {
    // No n.v.t. column: the api gives no count beside the shares (an exact count could identify).
    columns: [
      col('behaviour', t('insights.behaviours.behaviour')),
      ...(valueNameOf ? [col('value', t('insights.table.value'))] : []),
      level(1),
      level(2),
      level(3),
      level(4),
      col('respondents', t('insights.table.employees'), 'count'),
      col('mean', t('insights.behaviours.meanHeader'), 'self'),
    ],
    rows: stacks.map((s) => {
      const hidden = s.suppressed !== null;
      const share = (i: number): CellValue => (hidden ? TOO_FEW : (s.shares?.[i] ?? null));
      return {
        behaviour: behaviourText(s, lang),
        ...(valueNameOf ? { value: valueNameOf(s.valueKey) } : {}),
        l1: share(0),
        l2: share(1),
        l3: share(2),
        l4: share(3),
        respondents: hidden ? TOO_FEW : s.respondents,
        mean: hidden ? TOO_FEW : s.mean,
      };
    }),
  };
}
