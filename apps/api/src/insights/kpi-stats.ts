import {
  meanIntervalFromSummary,
  RECOGNITION_RANGE,
  recognitionIndex,
  SELF_RANGE,
  selfIndex,
  summaryFromSums,
  welchTestFromSummaries,
  wilsonInterval,
} from '@wk/domain';
import type { SampleSummary, ShareInterval } from '@wk/domain';
import type { ChangeStat, CustomerStat, MeanStat, SelfStat, ShareStat } from '@wk/contracts';

/** A rollup row of self scores: per respondent mean, and its shares at 3-4 and at 4, summed. */
export interface SelfSums {
  n: number;
  sum: number;
  sumsq: number;
  good: number;
  role: number;
}

/** An employee cell's sums: the self sums and each level's share per respondent, summed. */
export interface EmployeeSums extends SelfSums {
  levels: [number, number, number, number];
}

/** A rollup row of customer grades ("weet ik niet" counted apart). */
export interface CustomerSums {
  n: number;
  dontKnow: number;
  sum: number;
  sumsq: number;
  ge8: number;
  ge9: number;
  le6: number;
}

export const emptySelf = (): SelfSums => ({ n: 0, sum: 0, sumsq: 0, good: 0, role: 0 });
export const emptyCustomer = (): CustomerSums => ({
  n: 0,
  dontKnow: 0,
  sum: 0,
  sumsq: 0,
  ge8: 0,
  ge9: 0,
  le6: 0,
});

/** Adds `b` into `a` (rollups are additive across teams, months and touchpoints). */
export function addInto<T extends object>(a: T, b: T): T {
  for (const key of Object.keys(b) as (keyof T)[]) (a[key] as number) += Number(b[key]);
  return a;
}

const share = (s: ShareInterval): ShareStat => ({ share: s.share, low: s.low, high: s.high });

function meanStat(summary: SampleSummary, range: { min: number; max: number }): MeanStat {
  const interval = meanIntervalFromSummary(summary, range);
  return { n: interval.n, mean: interval.mean, low: interval.low, high: interval.high };
}

export const selfSummary = (s: SelfSums) => summaryFromSums(s.n, s.sum, s.sumsq);
export const customerSummary = (c: CustomerSums) => summaryFromSums(c.n, c.sum, c.sumsq);

export function selfStat(s: SelfSums): SelfStat {
  const score = meanStat(selfSummary(s), SELF_RANGE);
  return {
    suppressed: false,
    n: s.n,
    score,
    index: selfIndex(score.mean),
    goodOrBetter: share(wilsonInterval(s.good, s.n)),
    roleModel: share(wilsonInterval(s.role, s.n)),
  };
}

export function customerStat(c: CustomerSums): CustomerStat {
  const grade = meanStat(customerSummary(c), RECOGNITION_RANGE);
  return {
    n: c.n,
    dontKnow: c.dontKnow,
    grade,
    index: recognitionIndex(grade.mean),
    recognises: share(wilsonInterval(c.ge8, c.n)),
    emotional: share(wilsonInterval(c.ge9, c.n)),
  };
}

/** This period against the previous one: Welch's t-test on the summaries; null when no test is possible. */
export function changeStat(previous: SampleSummary, current: SampleSummary): ChangeStat | null {
  const test = welchTestFromSummaries(previous, current);
  return test ? { difference: test.difference, p: test.p, significant: test.significant } : null;
}
