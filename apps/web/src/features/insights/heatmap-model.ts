import type { KpiGroup, KpiRow, KpiValueInfo } from '@wk/contracts';
import type { GapLabel, TargetStatus } from '@wk/domain';
import { selfView } from './kpi-model';
import { type CellValue, type ColumnKind, type TableSpec, TOO_FEW } from './table-model';

/**
 * Group x value grids (teams x values, touchpoints x values) for the heatmaps. Each cell carries
 * its number, a tone for the colour and a label for the text, so colour is never the only signal.
 */

export type HeatMetric = 'gap' | 'self' | 'customer';
/** Self-score shades, low to high: 1 below 2, 2 below 2.5, 3 below 3, 4 below 3.5, 5 from 3.5. */
export type SelfShade = 'self-1' | 'self-2' | 'self-3' | 'self-4' | 'self-5';
export type HeatTone = GapLabel | TargetStatus | SelfShade | 'too_few' | 'none';

export interface HeatCell {
  valueKey: string;
  value: CellValue;
  tone: HeatTone;
  /** The label next to the number: a gap label or target status; null where the number says it all. */
  label: GapLabel | TargetStatus | null;
}

export interface HeatRow {
  group: KpiGroup;
  cells: HeatCell[];
}

export interface Heatmap {
  metric: HeatMetric;
  kind: ColumnKind;
  values: KpiValueInfo[];
  rows: HeatRow[];
}

export const METRIC_KIND: Record<HeatMetric, ColumnKind> = { gap: 'gap', self: 'self', customer: 'grade' };

export function selfShade(score: number): SelfShade {
  if (score < 2) return 'self-1';
  if (score < 2.5) return 'self-2';
  if (score < 3) return 'self-3';
  if (score < 3.5) return 'self-4';
  return 'self-5';
}

function cellOf(row: KpiRow | undefined, valueKey: string, metric: HeatMetric): HeatCell {
  const none: HeatCell = { valueKey, value: null, tone: 'none', label: null };
  if (!row) return none;
  const self = selfView(row.self);
  if (metric === 'customer') {
    const grade = row.customer?.grade.mean ?? null;
    return grade === null ? none : { valueKey, value: grade, tone: row.status, label: row.status };
  }
  // A gap needs the employee side, so a held-back self score holds back the gap too.
  if (self.kind === 'tooFew') return { valueKey, value: TOO_FEW, tone: 'too_few', label: null };
  if (metric === 'self') {
    const score = self.kind === 'stat' ? self.stat.score.mean : null;
    return score === null ? none : { valueKey, value: score, tone: selfShade(score), label: null };
  }
  if (row.gap === null || row.gapLabel === null) return none;
  return { valueKey, value: row.gap, tone: row.gapLabel, label: row.gapLabel };
}

/**
 * One row per group of period `at` (groups in the order the api lists them, `lead` rows first,
 * e.g. the organisation as a reference line), one cell per value of `values`.
 */
export function heatmap(
  rows: KpiRow[],
  values: KpiValueInfo[],
  at: string,
  metric: HeatMetric,
  lead: KpiRow[] = [],
): Heatmap {
  const groups = new Map<string, { group: KpiGroup; rows: KpiRow[] }>();
  const add = (r: KpiRow, prefix: string) => {
    if (r.period !== at) return;
    const id = `${prefix}:${r.group.kind}:${r.group.id ?? ''}`;
    const entry = groups.get(id) ?? { group: r.group, rows: [] };
    entry.rows.push(r);
    groups.set(id, entry);
  };
  lead.forEach((r) => add(r, 'lead'));
  rows.forEach((r) => add(r, 'row'));
  return {
    metric,
    kind: METRIC_KIND[metric],
    values,
    rows: [...groups.values()].map(({ group, rows: groupRows }) => ({
      group,
      cells: values.map((v) =>
        cellOf(
          groupRows.find((r) => r.valueKey === v.key),
          v.key,
          metric,
        ),
      ),
    })),
  };
}

/** The grid in long form (one line per group and value) for the CSV: group, value, number, label. */
export function heatmapTable(
  map: Heatmap,
  labels: {
    group: string;
    value: string;
    metric: string;
    label: string;
    valueName: (v: KpiValueInfo) => string;
    labelText: (label: GapLabel | TargetStatus) => string;
  },
): TableSpec {
  return {
    columns: [
      { key: 'group', label: labels.group, kind: 'text' },
      { key: 'value', label: labels.value, kind: 'text' },
      { key: 'metric', label: labels.metric, kind: map.kind },
      { key: 'label', label: labels.label, kind: 'text' },
    ],
    rows: map.rows.flatMap((row) =>
      row.cells.map((cell, i) => ({
        group: row.group.name,
        value: labels.valueName(map.values[i]),
        metric: cell.value,
        label: cell.label ? labels.labelText(cell.label) : null,
      })),
    ),
  };
}
