/**
 * Employee self-assessment scores per value (docs/formulas.md, "Self side" and "Who counts once"):
 * a respondent counts once per value: first average the respondent's behaviour answers within
 * the value, then average over respondents. N.v.t. (`null`) is left out of everything.
 */
import { isSelfLevel, selfIndex, selfScore, type SelfLevel } from '../scales';
import { presentNumbers } from './descriptive';
import type { IndexInterval, MeanInterval, ShareInterval } from './intervals';
import { meanInterval, rescaleInterval, wilsonInterval } from './intervals';

/** One behaviour answer of one employee within one value. */
export interface SelfAnswerRow {
  respondentId: string;
  level: SelfLevel | null;
}

/** The same answer with the value it belongs to, for summarising all values at once. */
export interface SelfValueAnswerRow extends SelfAnswerRow {
  valueKey: string;
}

/** One respondent's contribution to a value. */
export interface RespondentSelfScore {
  respondentId: string;
  /** selfScore of the respondent's answers; `null` when every answer was n.v.t. */
  score: number | null;
  /** Answers that score (not n.v.t.). */
  scored: number;
  /** Share of the respondent's scored answers at 3-4 and at 4; `null` when nothing scored. */
  goodOrBetter: number | null;
  roleModel: number | null;
}

export interface SelfValueSummary {
  /** Distinct respondents with at least one scored answer: the n of the intervals and of the anonymity minimum. */
  respondents: number;
  /** Respondents who answered n.v.t. to every behaviour of the value (they feed no number). */
  notApplicableOnly: number;
  /** Self score (1-4): mean over respondents of their own mean, with a t interval clipped to 1-4. */
  score: MeanInterval;
  /** Self index (0-100) of the score and of its bounds. */
  index: IndexInterval;
  /** Share of answers at 3-4 ("goed or better"), each respondent weighted once, with a Wilson interval over respondents. */
  goodOrBetter: ShareInterval;
  /** Share of answers at 4 ("voorbeeldfunctie"), weighted the same way. */
  roleModel: ShareInterval;
}

export const SELF_RANGE = { min: 1, max: 4 } as const;
/** The self level from which an answer counts as "goed or better", and the top level ("voorbeeldfunctie"). */
export const SELF_GOOD_FROM = 3;
export const SELF_ROLE_MODEL = 4;

/** Per-respondent mean and top-box shares within one value (the first step of the aggregation rule). */
export function respondentSelfScores(rows: readonly SelfAnswerRow[]): RespondentSelfScore[] {
  const byRespondent = new Map<string, (SelfLevel | null)[]>();
  for (const row of rows) {
    if (row.level !== null && !isSelfLevel(row.level)) throw new RangeError(`not a self level: ${row.level}`);
    const levels = byRespondent.get(row.respondentId) ?? [];
    levels.push(row.level);
    byRespondent.set(row.respondentId, levels);
  }
  return [...byRespondent].map(([respondentId, levels]) => {
    const scored = levels.filter((l): l is SelfLevel => l !== null);
    const shareAt = (min: number) =>
      scored.length ? scored.filter((l) => l >= min).length / scored.length : null;
    return {
      respondentId,
      score: selfScore(levels),
      scored: scored.length,
      goodOrBetter: shareAt(SELF_GOOD_FROM),
      roleModel: shareAt(SELF_ROLE_MODEL),
    };
  });
}

/** Self score, self index and top-box shares of one value, each respondent counted once. */
export function summarizeSelfValue(rows: readonly SelfAnswerRow[]): SelfValueSummary {
  const perRespondent = respondentSelfScores(rows);
  const scoring = perRespondent.filter((r) => r.score !== null);
  const score = meanInterval(
    scoring.map((r) => r.score),
    SELF_RANGE,
  );
  // Respondent-weighted share: the mean of each respondent's own share; Wilson over the respondents.
  const weightedShare = (shares: (number | null)[]): ShareInterval => {
    const present = presentNumbers(shares);
    const successes = Math.min(
      present.length,
      present.reduce((sum, s) => sum + s, 0),
    );
    return wilsonInterval(successes, present.length);
  };
  return {
    respondents: scoring.length,
    notApplicableOnly: perRespondent.length - scoring.length,
    score,
    index: rescaleInterval(score, selfIndex),
    goodOrBetter: weightedShare(scoring.map((r) => r.goodOrBetter)),
    roleModel: weightedShare(scoring.map((r) => r.roleModel)),
  };
}

/** summarizeSelfValue for every value in the rows, keyed by value key (in first-seen order). */
export function summarizeSelfByValue(rows: readonly SelfValueAnswerRow[]): Map<string, SelfValueSummary> {
  const byValue = new Map<string, SelfValueAnswerRow[]>();
  for (const row of rows) {
    const list = byValue.get(row.valueKey) ?? [];
    list.push(row);
    byValue.set(row.valueKey, list);
  }
  return new Map([...byValue].map(([key, list]) => [key, summarizeSelfValue(list)]));
}
