/**
 * Customer-side scores (docs/formulas.md, "Customer side"): recognition grade and index per value, its
 * top-box shares, and the NPS. One response is one respondent, so answers average directly.
 * `null` is "weet ik niet" / not answered and is left out.
 */
import { isRecognitionGrade, RECOGNITION_MAX, RECOGNITION_MIN } from '../scales';
import { type MaybeNumbers, presentNumbers } from './descriptive';
import type { IndexInterval, MeanInterval, ShareInterval } from './intervals';
import { meanInterval, rescaleInterval, wilsonInterval } from './intervals';

export const RECOGNITION_RANGE = { min: RECOGNITION_MIN, max: RECOGNITION_MAX } as const;
/** Grades from which a customer "recognises" the value, and from which there is "emotional connection". */
export const RECOGNISES_FROM = 8;
export const EMOTIONAL_FROM = 9;
/** NPS bands on the 0-10 recommendation scale. */
export const NPS_PROMOTER_FROM = 9;
export const NPS_DETRACTOR_UP_TO = 6;

export interface RecognitionSummary {
  /** Grades given (not "weet ik niet"): the n of every interval. */
  n: number;
  /** Answers "weet ik niet". */
  dontKnow: number;
  /** Recognition grade (1-10) with a t interval clipped to 1-10. */
  grade: MeanInterval;
  /** Recognition index (0-100) of the grade and of its bounds. */
  index: IndexInterval;
  /** Share of grades >= 8 ("recognises"). */
  recognises: ShareInterval;
  /** Share of grades 9-10 ("emotional connection"). */
  emotional: ShareInterval;
}

export interface NpsResult {
  /** Scores given (0-10); unanswered left out. */
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** Shares of promoters and detractors with Wilson intervals. */
  promoterShare: ShareInterval;
  detractorShare: ShareInterval;
  /** % promoters - % detractors, on -100..100; `null` for n = 0. */
  nps: number | null;
}

/** Recognition index on 0-100: (grade - 1) / 9 x 100 (the customer twin of selfIndex). */
export function recognitionIndex(grade: number | null): number | null {
  return grade === null ? null : ((grade - RECOGNITION_MIN) / (RECOGNITION_MAX - RECOGNITION_MIN)) * 100;
}

/** Recognition grade, index and top-box shares of one value; also fits the optional overall grade (1-10). */
export function summarizeRecognition(grades: MaybeNumbers): RecognitionSummary {
  const given = presentNumbers(grades);
  for (const g of given) if (!isRecognitionGrade(g)) throw new RangeError(`not a grade 1-10: ${g}`);
  const grade = meanInterval(given, RECOGNITION_RANGE);
  return {
    n: given.length,
    dontKnow: grades.length - given.length,
    grade,
    index: rescaleInterval(grade, recognitionIndex),
    recognises: wilsonInterval(given.filter((g) => g >= RECOGNISES_FROM).length, given.length),
    emotional: wilsonInterval(given.filter((g) => g >= EMOTIONAL_FROM).length, given.length),
  };
}

/** Net Promoter Score: % promoters (9-10) - % detractors (0-6) of the scores given (0-10). */
export function netPromoterScore(scores: MaybeNumbers): NpsResult {
  const given = presentNumbers(scores);
  for (const s of given) {
    if (!Number.isInteger(s) || s < 0 || s > 10) throw new RangeError(`not an NPS score 0-10: ${s}`);
  }
  return npsFromCounts(
    given.filter((s) => s >= NPS_PROMOTER_FROM).length,
    given.filter((s) => s > NPS_DETRACTOR_UP_TO && s < NPS_PROMOTER_FROM).length,
    given.filter((s) => s <= NPS_DETRACTOR_UP_TO).length,
  );
}

/** The same NPS from counts, as the rollups keep them. */
export function npsFromCounts(promoters: number, passives: number, detractors: number): NpsResult {
  for (const count of [promoters, passives, detractors])
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`not a count: ${count}`);
  const n = promoters + passives + detractors;
  return {
    n,
    promoters,
    passives,
    detractors,
    promoterShare: wilsonInterval(promoters, n),
    detractorShare: wilsonInterval(detractors, n),
    nps: n === 0 ? null : ((promoters - detractors) / n) * 100,
  };
}
