import { isRole, roleHas } from '@wk/contracts';
import type {
  Appraisal,
  AppraisalReview,
  AppraisalReviewerIssue,
  AppraisalRole,
  AppraisalSummary,
  AppraisalValue,
} from '@wk/contracts';
import { localized } from '@wk/domain';
import type { Locale, SelfLevel } from '@wk/domain';
import type {
  AgreementRow,
  Author,
  PreviousAgreementRow,
  RatingRow,
  ReviewRow,
  ShareableRoundRow,
  SharedAnswerRow,
} from './appraisal-conversations.repository';
import type { ValueRow } from './appraisal-context.repository';
import type { AppraisalEventRow, AppraisalRow } from './appraisals.repository';

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

/** What an appraisal's view is drawn from besides its row (the parts the caller may not see left empty). */
export interface AppraisalParts {
  values: ValueRow[];
  reviews: ReviewRow[];
  ratings: RatingRow[];
  agreements: AgreementRow[];
  events: AppraisalEventRow[];
  sharedRoundIds: string[];
  sharedAnswers: SharedAnswerRow[];
  shareableRounds: ShareableRoundRow[];
  previousAgreements: PreviousAgreementRow[];
}

/**
 * The appraisal as someone in `role` may see it: blind until both reviews are in (the employee
 * sees the manager's once HR releases it; HR each once submitted), shared rounds only to the parties.
 */
export function toAppraisal(
  a: AppraisalRow,
  role: AppraisalRole,
  locale: Locale,
  p: AppraisalParts,
): Appraisal {
  const bothIn = Boolean(a.self_submitted_at && a.manager_submitted_at);
  const showSelf = role === 'employee' || (role === 'reviewer' ? bothIn : Boolean(a.self_submitted_at));
  const showManager =
    role === 'reviewer' ||
    (role === 'employee' ? bothIn || Boolean(a.released_at) : Boolean(a.manager_submitted_at));
  const party = role === 'employee' || role === 'reviewer';
  return {
    ...toSummary(a),
    viewerRole: role,
    version: a.version,
    periodStart: a.period_start,
    periodEnd: a.period_end,
    deadlines: {
      selfReview: a.self_review_due,
      managerReview: a.manager_review_due,
      conversation: a.conversation_due,
      signOff: a.sign_off_due,
    },
    values: valuesOf(p.values, locale),
    questions: a.questions,
    agreementsSection: a.agreements_section,
    selfReview: showSelf ? reviewOf('self', p, a.self_submitted_at) : null,
    managerReview: showManager ? reviewOf('manager', p, a.manager_submitted_at) : null,
    selfSubmitted: Boolean(a.self_submitted_at),
    managerSubmitted: Boolean(a.manager_submitted_at),
    released: Boolean(a.released_at),
    meetingDate: a.meeting_date,
    sharedNotes: a.shared_notes,
    agreements: p.agreements.map((g) => ({
      valueId: g.value_id,
      what: g.what,
      support: g.support,
      dueDate: g.due_date,
    })),
    employeeSignedAt: a.employee_signed_at?.toISOString() ?? null,
    reviewerSignedAt: a.reviewer_signed_at?.toISOString() ?? null,
    employeeRemark: a.employee_remark,
    employeeDisagrees: a.employee_disagrees,
    sharedRoundIds: party ? p.sharedRoundIds : [],
    sharedSelfAssessments: [...new Set(p.sharedAnswers.map((s) => s.round_id))].map((roundId) => {
      const rows = p.sharedAnswers.filter((s) => s.round_id === roundId);
      return {
        roundId,
        openedAt: rows[0].opens_at.toISOString(),
        answers: rows.map((r) => ({ behaviourId: r.behaviour_id, level: r.level as SelfLevel | null })),
      };
    }),
    shareableRounds: p.shareableRounds.map((r) => ({
      roundId: r.round_id,
      cycleName: r.cycle_name,
      openedAt: r.opens_at.toISOString(),
    })),
    previousAgreements: p.previousAgreements.map((g) => ({
      id: g.id,
      cycleName: g.cycle_name,
      valueName: localized(g.value_name, g.value_name_en, locale) ?? null,
      what: g.what,
      support: g.support,
      dueDate: g.due_date,
      followUp: g.follow_up_status
        ? {
            status: g.follow_up_status,
            note: g.follow_up_note ?? '',
            updatedAt: g.follow_up_at!.toISOString(),
          }
        : null,
    })),
    events: p.events.map((e) => ({
      kind: e.kind,
      actorName: e.actor_name,
      reason: e.reason,
      at: e.created_at.toISOString(),
    })),
  };
}

/** The version's values with their behaviours, in the reader's language. */
function valuesOf(rows: ValueRow[], locale: Locale): AppraisalValue[] {
  const values: AppraisalValue[] = [];
  for (const v of rows) {
    let value = values.find((x) => x.id === v.value_id);
    if (!value) {
      value = {
        id: v.value_id,
        key: v.value_key,
        name: localized(v.value_name_nl, v.value_name_en, locale),
        description: localized(v.description_nl, v.description_en, locale),
        behaviours: [],
      };
      values.push(value);
    }
    value.behaviours.push({ id: v.behaviour_id, text: localized(v.text_nl, v.text_en, locale) });
  }
  return values;
}

function reviewOf(author: Author, p: AppraisalParts, submittedAt: Date | null): AppraisalReview {
  const review = p.reviews.find((r) => r.author === author);
  return {
    ratings: p.ratings
      .filter((r) => r.author === author)
      .map((r) => ({ behaviourId: r.behaviour_id, level: r.level as SelfLevel | null })),
    comments: Object.entries(review?.comments ?? {}).map(([valueId, text]) => ({ valueId, text })),
    answers: Object.entries(review?.answers ?? {}).map(([questionId, text]) => ({ questionId, text })),
    submittedAt: submittedAt?.toISOString() ?? null,
  };
}
