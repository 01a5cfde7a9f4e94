import type { BehaviourDistribution, BehaviourReport } from '@wk/contracts';
import { localized, type SuppressionReason } from '@wk/domain';

/** The four levels per behaviour as shares for stacked bars, and the weakest behaviours of a team. */

export interface BehaviourStack {
  key: string;
  valueKey: string;
  text: string;
  textEn: string;
  /** Set when the group has fewer respondents than the minimum: no numbers at all. */
  suppressed: SuppressionReason | null;
  respondents: number | null;
  mean: number | null;
  /** Answers per level 1-4 and their shares of the scored answers (n.v.t. left out). */
  counts: [number, number, number, number] | null;
  shares: [number, number, number, number] | null;
  notApplicable: number | null;
}

export const behaviourText = (b: { text: string; textEn: string }, lang: string) =>
  localized(b.text, b.textEn, lang);

function stackOf(b: BehaviourDistribution): BehaviourStack {
  const total = b.levels ? b.levels.reduce((sum, n) => sum + n, 0) : 0;
  const levels = b.suppressed ? null : b.levels;
  return {
    key: b.behaviourKey,
    valueKey: b.valueKey,
    text: b.text,
    textEn: b.textEn,
    suppressed: b.suppressed ?? (b.levels ? null : 'too_few'),
    respondents: b.suppressed ? null : b.respondents,
    mean: b.suppressed ? null : b.mean,
    counts: levels,
    shares: levels && total > 0 ? (levels.map((n) => n / total) as [number, number, number, number]) : null,
    notApplicable: b.suppressed ? null : b.notApplicable,
  };
}

/** The behaviours of period `at` (optionally of one value), in the api's order. */
export function behaviourStacks(report: BehaviourReport, at: string, valueKey?: string): BehaviourStack[] {
  return report.behaviours
    .filter((b) => b.period === at && (valueKey === undefined || b.valueKey === valueKey))
    .map(stackOf);
}

/** The `count` shown behaviours with the lowest mean (ties: api order); held-back ones are left out. */
export function weakestBehaviours(report: BehaviourReport, at: string, count = 5): BehaviourStack[] {
  return behaviourStacks(report, at)
    .map((b, i) => ({ b, i }))
    .filter(({ b }) => b.mean !== null)
    .sort((x, y) => (x.b.mean as number) - (y.b.mean as number) || x.i - y.i)
    .slice(0, count)
    .map(({ b }) => b);
}
