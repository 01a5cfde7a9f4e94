import type { HomeAppraisal, HomeReview } from '@wk/contracts';
import { dueDateOf } from './appraisal-view';
import type { AppraisalRow } from './appraisals.repository';

const FINISHED = new Set(['signed', 'closed']);

function own(a: AppraisalRow, today: string): HomeAppraisal {
  const dueDate = dueDateOf(a);
  return {
    id: a.id,
    cycleName: a.cycle_name,
    stage: a.stage,
    dueDate,
    overdue: dueDate !== null && dueDate < today,
  };
}

/** The employee's appraisals in open cycles that are not signed yet, with the current stage's deadline. */
export function openAppraisals(rows: AppraisalRow[], today: string): HomeAppraisal[] {
  return rows.filter((a) => a.cycle_status === 'open' && !FINISHED.has(a.stage)).map((a) => own(a, today));
}

/**
 * The reviewer's to-dos in open cycles: the manager review not submitted yet, or the conversation not
 * yet signed by the reviewer; each with the reviewer's own deadline, earliest first.
 */
export function reviewsToDo(rows: AppraisalRow[], today: string): HomeReview[] {
  return rows
    .filter(
      (a) =>
        a.cycle_status === 'open' &&
        !FINISHED.has(a.stage) &&
        (!a.manager_submitted_at || (a.stage === 'conversation' && !a.reviewer_signed_at)),
    )
    .map((a) => {
      const dueDate = !a.manager_submitted_at
        ? a.manager_review_due
        : a.meeting_date
          ? a.sign_off_due
          : a.conversation_due;
      return {
        ...own(a, today),
        dueDate,
        overdue: dueDate < today,
        employeeName: a.employee_name,
        teamName: a.team_name,
      };
    })
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}
