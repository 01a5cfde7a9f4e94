/** The flow of one appraisal, derived from what happened (one rule for api, worker and web). */
export type AppraisalStageName =
  'not_started' | 'self_review' | 'manager_review' | 'conversation' | 'signed' | 'closed';

export interface AppraisalFacts {
  selfStarted: boolean;
  selfSubmitted: boolean;
  managerSubmitted: boolean;
  employeeSigned: boolean;
  reviewerSigned: boolean;
  cycleClosed: boolean;
}

export function appraisalStage(f: AppraisalFacts): AppraisalStageName {
  if (f.employeeSigned && f.reviewerSigned) return f.cycleClosed ? 'closed' : 'signed';
  if (f.selfSubmitted && f.managerSubmitted) return 'conversation';
  if (f.selfSubmitted) return 'manager_review';
  return f.selfStarted ? 'self_review' : 'not_started';
}

/** The dates of an appraisal cycle, in the order they must come. */
export const APPRAISAL_DATE_ORDER = [
  'selfReviewDue',
  'managerReviewDue',
  'conversationDue',
  'signOffDue',
] as const;

/**
 * The first date field out of order (period end before its start, or a stage deadline before the
 * one before it), with its message; null when all is in order. Dates are `YYYY-MM-DD`.
 */
export function appraisalDateProblem(
  d: { periodStart: string; periodEnd: string } & Record<(typeof APPRAISAL_DATE_ORDER)[number], string>,
): { field: string; message: string } | null {
  if (d.periodEnd < d.periodStart)
    return { field: 'periodEnd', message: 'periodEnd must not be before periodStart' };
  for (let i = 1; i < APPRAISAL_DATE_ORDER.length; i++) {
    const [before, field] = [APPRAISAL_DATE_ORDER[i - 1], APPRAISAL_DATE_ORDER[i]];
    if (d[field] < d[before]) return { field, message: `${field} must not be before ${before}` };
  }
  return null;
}
