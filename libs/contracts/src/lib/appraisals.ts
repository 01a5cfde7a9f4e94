import type { SelfLevel } from '@wk/domain';

/** not started → self review → manager review → conversation → signed → closed. */
export const APPRAISAL_STAGES = [
  'not_started',
  'self_review',
  'manager_review',
  'conversation',
  'signed',
  'closed',
] as const;
export type AppraisalStage = (typeof APPRAISAL_STAGES)[number];
export type AppraisalCycleStatus = 'draft' | 'open' | 'closed';
/** Who the caller is in one appraisal. */
export type AppraisalRole = 'employee' | 'reviewer' | 'hr';

export const APPRAISAL_LIMITS = {
  nameMax: 120,
  questionsMax: 10,
  questionMax: 300,
  commentMax: 2000,
  answerMax: 4000,
  notesMax: 10000,
  agreementsMax: 30,
  agreementTextMax: 1000,
  reasonMax: 1000,
} as const;

export interface AppraisalQuestion {
  id: string;
  text: string;
}

export interface AppraisalCycle {
  id: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  /** Empty: the whole organisation; else these teams and their sub-teams. */
  teamIds: string[];
  valuesVersionId: string;
  valuesVersionNumber: number;
  selfReviewDue: string;
  managerReviewDue: string;
  conversationDue: string;
  signOffDue: string;
  questions: AppraisalQuestion[];
  agreementsSection: boolean;
  status: AppraisalCycleStatus;
  openedAt: string | null;
  appraisals: number;
  createdAt: string;
}

export interface CreateAppraisalCycleRequest {
  name: string;
  periodStart: string;
  periodEnd: string;
  teamIds?: string[];
  valuesVersionId: string;
  selfReviewDue: string;
  managerReviewDue: string;
  conversationDue: string;
  signOffDue: string;
  questions?: string[];
  agreementsSection?: boolean;
}

/** Progress of a cycle: how many appraisals per team and stage (never answers). */
export interface AppraisalProgressRow {
  teamId: string | null;
  teamName: string | null;
  stage: AppraisalStage;
  count: number;
}

export interface AppraisalSummary {
  id: string;
  cycleId: string;
  cycleName: string;
  employeeId: string;
  employeeName: string;
  reviewerId: string | null;
  reviewerName: string | null;
  /** The team at opening (for the team's context beside the conversation). */
  teamId: string | null;
  teamName: string | null;
  stage: AppraisalStage;
  /** The deadline of the current stage (null once signed). */
  dueDate: string | null;
}

export interface AppraisalBehaviour {
  id: string;
  text: string;
}
export interface AppraisalValue {
  id: string;
  /** Stable across versions: links to the value in insights. */
  key: string;
  name: string;
  description: string;
  behaviours: AppraisalBehaviour[];
}

export interface AppraisalRating {
  behaviourId: string;
  /** 1-4, null for n.v.t. */
  level: SelfLevel | null;
}
export interface AppraisalComment {
  valueId: string;
  text: string;
}
export interface AppraisalAnswer {
  questionId: string;
  text: string;
}

export interface AppraisalReview {
  ratings: AppraisalRating[];
  comments: AppraisalComment[];
  answers: AppraisalAnswer[];
  submittedAt: string | null;
}

export interface AppraisalAgreement {
  valueId: string | null;
  what: string;
  support: string;
  dueDate: string | null;
}

/** The employee's own answers of a self-assessment round, shared by consent with the reviewer. */
export interface SharedSelfAssessment {
  roundId: string;
  openedAt: string;
  answers: AppraisalRating[];
}

export interface AppraisalEvent {
  kind: 'reopen' | 'release' | 'reassign';
  actorName: string | null;
  reason: string;
  at: string;
}

export interface Appraisal extends AppraisalSummary {
  /** The caller's part in it. */
  viewerRole: AppraisalRole;
  version: number;
  periodStart: string;
  periodEnd: string;
  deadlines: { selfReview: string; managerReview: string; conversation: string; signOff: string };
  values: AppraisalValue[];
  questions: AppraisalQuestion[];
  agreementsSection: boolean;
  /** Null while the caller may not read it (blind until both are in). */
  selfReview: AppraisalReview | null;
  managerReview: AppraisalReview | null;
  selfSubmitted: boolean;
  managerSubmitted: boolean;
  released: boolean;
  meetingDate: string | null;
  sharedNotes: string;
  agreements: AppraisalAgreement[];
  employeeSignedAt: string | null;
  reviewerSignedAt: string | null;
  employeeRemark: string;
  employeeDisagrees: boolean;
  /** Rounds the employee shares with the reviewer (ids; answers only in `sharedSelfAssessments`). */
  sharedRoundIds: string[];
  /** Only for the employee and the reviewer, only the shared rounds. */
  sharedSelfAssessments: SharedSelfAssessment[];
  /** For the employee: the rounds it could share. */
  shareableRounds: { roundId: string; cycleName: string; openedAt: string }[];
  events: AppraisalEvent[];
  /** The agreements of the employee's previous signed appraisal, to follow up on. */
  previousAgreements: {
    cycleName: string;
    valueName: string | null;
    what: string;
    support: string;
    dueDate: string | null;
  }[];
}

export interface SaveAppraisalReviewRequest {
  /** The appraisal version the edit was made on (optimistic check: another tab's save → 409). */
  version: number;
  ratings: AppraisalRating[];
  comments?: AppraisalComment[];
  answers?: AppraisalAnswer[];
  /** Submit after saving: every behaviour must then have a rating (n.v.t. counts). */
  submit?: boolean;
}

export interface SaveAppraisalConversationRequest {
  version: number;
  meetingDate?: string | null;
  sharedNotes?: string;
  agreements?: AppraisalAgreement[];
}

export interface SignAppraisalRequest {
  remark?: string;
  disagree?: boolean;
}

export interface ShareRoundsRequest {
  roundIds: string[];
}

export interface ReassignReviewerRequest {
  reviewerId: string;
}

export interface ReopenAppraisalRequest {
  reason: string;
}

/**
 * HR's calibration of one cycle: the manager ratings per value, per team and per reviewer, only for
 * groups of at least the anonymity minimum of submitted manager reviews (to spot lenient and strict reviewers).
 */
export interface AppraisalCalibration {
  anonymityMinimum: number;
  values: { id: string; name: string }[];
  teams: CalibrationGroup[];
  reviewers: CalibrationGroup[];
}

export interface CalibrationGroup {
  id: string | null;
  name: string | null;
  /** Submitted manager reviews in the group. */
  n: number;
  /** True below the anonymity minimum: then `perValue` is empty. */
  suppressed: boolean;
  perValue: { valueId: string; mean: number | null; distribution: [number, number, number, number] }[];
}

/**
 * The managers' perspective on one value beside self and customer: submitted manager ratings over
 * the whole organisation per appraisal cycle (newest first), only from the anonymity minimum of appraisals.
 */
export interface ManagerPerspective {
  valueKey: string;
  minimum: number;
  cycles: {
    cycleId: string;
    cycleName: string;
    periodEnd: string;
    /** Appraisals with a manager rating on the value. */
    n: number;
    suppressed: boolean;
    /** Mean level 1-4 and as index 0-100 (the self index scale); null when suppressed. */
    mean: number | null;
    index: number | null;
  }[];
}
