import { isRole, roleHas } from '@wk/contracts';
import type { AppraisalReviewerIssue, AppraisalSummary } from '@wk/contracts';
import type { AppraisalRow } from './appraisals.repository';

/** The deadline of the stage an appraisal is in (null once signed). */
export function dueDateOf(a: AppraisalRow): string | null {
  switch (a.stage) {
    case 'not_started':
    case 'self_review':
      return a.self_review_due;
    case 'manager_review':
      return a.manager_review_due;
    case 'conversation':
      return a.meeting_date ? a.sign_off_due : a.conversation_due;
    default:
      return null;
  }
}

/** Why the appraisal's reviewer cannot review now (HR reassigns), or null. */
export function reviewerIssueOf(a: AppraisalRow): AppraisalReviewerIssue | null {
  if (!a.reviewer_id || !a.reviewer_status) return 'missing';
  if (a.reviewer_status === 'deactivated') return 'inactive';
  if (!isRole(a.reviewer_role) || !roleHas(a.reviewer_role, 'appraisals.review')) return 'not_a_reviewer';
  return null;
}

export function toSummary(a: AppraisalRow): AppraisalSummary {
  return {
    id: a.id,
    cycleId: a.cycle_id,
    cycleName: a.cycle_name,
    employeeId: a.employee_id,
    employeeName: a.employee_name,
    reviewerId: a.reviewer_id,
    reviewerName: a.reviewer_name,
    teamId: a.team_id,
    teamName: a.team_name,
    currentTeamId: a.current_team_id,
    currentTeamName: a.current_team_name,
    teamChanged: a.current_team_id !== a.team_id,
    reviewerIssue: reviewerIssueOf(a),
    stage: a.stage,
    dueDate: dueDateOf(a),
  };
}
