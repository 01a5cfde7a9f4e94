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
  followUpNoteMax: 500,
} as const;

/** How a previous cycle's agreement turned out, recorded in the next appraisal. */
export const FOLLOW_UP_STATUSES = ['achieved', 'partly', 'not_achieved', 'no_longer_relevant'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export interface AgreementFollowUp {
  status: FollowUpStatus;
  note: string;
  updatedAt: string;
}

/** PUT /appraisals/:id/previous-agreements/:agreementId/follow-up (reviewer, HR/admin). */
export interface SaveFollowUpRequest {
  status: FollowUpStatus;
  note?: string;
}

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
  /** The team at opening: progress and calibration count the appraisal here. */
  teamId: string | null;
  teamName: string | null;
  /**
   * The employee's team today. Someone who changes team mid-cycle keeps the appraisal, its team at
   * opening and its reviewer (until HR reassigns); the team context beside the conversation follows
   * the current team.
   */
  currentTeamId: string | null;
  currentTeamName: string | null;
  /** The employee changed team since the cycle opened (HR may want to reassign the reviewer). */
  teamChanged: boolean;
  /**
   * Why nobody can review it now: no reviewer (none up the tree, or the account was deleted), the
   * reviewer's account is deactivated (left the organisation), or its role no longer reviews.
   * Null when the reviewer can review. HR reassigns.
   */
  reviewerIssue: AppraisalReviewerIssue | null;
  stage: AppraisalStage;
  /** The deadline of the current stage (null once signed). */
  dueDate: string | null;
}

export const APPRAISAL_REVIEWER_ISSUES = ['missing', 'inactive', 'not_a_reviewer'] as const;
export type AppraisalReviewerIssue = (typeof APPRAISAL_REVIEWER_ISSUES)[number];

/** A row of HR's list of a cycle: with who would review by today's team tree where that matters. */
export interface AppraisalCycleRow extends AppraisalSummary {
  /** Only when the reviewer has an issue or the employee changed team: the nearest manager up today's tree. */
  suggestedReviewer: { id: string; name: string } | null;
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
    /** The agreement's id (for recording its follow-up). */
    id: string;
    cycleName: string;
    /** In the requested language (`?locale=`), Dutch when the value has no English name. */
    valueName: string | null;
    what: string;
    support: string;
    dueDate: string | null;
    /** Whether it was achieved, as recorded in this appraisal; null until recorded. */
    followUp: AgreementFollowUp | null;
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

/** Customer recognition of one journey or touchpoint for the team (the grade 1-10 and its index). */
export interface AppraisalRecognition {
  id: string;
  name: string;
  /** For a touchpoint: its journey. */
  journeyName?: string;
  /** Customer grades (without "don't know"); only at or above the anonymity minimum. */
  n: number;
  mean: number;
  index: number;
}

/**
 * Beside the conversation: per value of the appraisal, how customers recognised it in the journeys
 * and touchpoints served by the employee's current team (with its sub-teams) during the cycle's
 * period. Only journeys and touchpoints with at least the anonymity minimum of grades; the others
 * are counted in `hidden`, never shown.
 */
export interface AppraisalContext {
  teamId: string | null;
  teamName: string | null;
  /** First and last month read (`YYYY-MM`), the cycle's period. */
  from: string;
  to: string;
  minimum: number;
  values: {
    valueId: string;
    valueKey: string;
    journeys: AppraisalRecognition[];
    touchpoints: AppraisalRecognition[];
    /** Journeys and touchpoints with grades below the minimum (left out). */
    hidden: number;
  }[];
}

/**
 * The managers' perspective on one value beside self and customer: submitted manager ratings over
 * the whole organisation per appraisal cycle (newest first, at most 8: the trend line over cycles),
 * only from the anonymity minimum of appraisals.
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
