import type { ActionStatus, PyramidLevel, TargetStatus, WaveKind } from '@wk/domain';
import type { Role } from './roles';
import type { AppraisalStage } from './appraisals';
import type { SetupChecklist } from './platform';

/**
 * `GET /api/home` (issue 17, item 7): the next steps of the signed-in person, by role, on one home
 * page. Every part is scoped to the caller's organisation; a part the role does not get is null.
 */
export interface HomeOverview {
  role: Role;
  /** `YYYY-MM-DD` today in the organisation's time zone (what "overdue" is measured against). */
  today: string;
  /** The organisation's anonymity minimum: team counts and averages below it are never shown. */
  anonymityMinimum: number;
  /** The caller's own self-assessments: forms still open and the last closed result. */
  selfAssessments: HomeSelfAssessments;
  /** The caller's own appraisals in open cycles that are not signed yet. */
  appraisals: HomeAppraisal[];
  /** Employees: the open actions of their team (and the teams above it). Else null. */
  teamActions: HomeActions | null;
  /** Managers: their teams' participation, open and overdue actions. Else null. */
  manager: HomeManager | null;
  /** Anyone who reviews appraisals (manager, HR, admin): the ones where they are the reviewer and must act. Else null. */
  reviews: HomeReview[] | null;
  /** HR and admins: open rounds and waves, values below target, overdue actions, the setup checklist. Else null. */
  organisation: HomeOrganisation | null;
}

export interface HomeOpenForm {
  roundId: string;
  cycleName: string;
  closesAt: string;
  /** Submitted already (the form can still be changed until the round closes). */
  completedAt: string | null;
  /** The personal form's path in the app (`/self-assessment/<token>`). */
  formPath: string;
}

export interface HomeValueResult {
  key: string;
  nameNl: string;
  nameEn: string;
  /** The caller's own self score 1-4 (null: every behaviour n.v.t. or not answered). */
  myScore: number | null;
  /** The team's average where the dashboard publishes it (closed round, at least the minimum); else null. */
  teamAverage: number | null;
}

export interface HomeLastResult {
  roundId: string;
  cycleName: string;
  opensAt: string;
  values: HomeValueResult[];
}

export interface HomeSelfAssessments {
  open: HomeOpenForm[];
  /** The latest closed round the caller completed; null when there is none. */
  last: HomeLastResult | null;
}

export interface HomeAppraisal {
  id: string;
  cycleName: string;
  stage: AppraisalStage;
  /** The deadline of the current stage. */
  dueDate: string | null;
  overdue: boolean;
}

export interface HomeReview extends HomeAppraisal {
  employeeName: string;
  teamName: string | null;
}

export interface HomeActionItem {
  id: string;
  what: string;
  focusTitle: string;
  valueName: string;
  valueNameEn: string;
  teamName: string | null;
  ownerName: string;
  /** The caller owns it. */
  mine: boolean;
  dueDate: string;
  status: ActionStatus;
  overdue: boolean;
}

/** Counts of the visible actions still to do, and the first few (overdue first, then by due date). */
export interface HomeActions {
  open: number;
  overdue: number;
  items: HomeActionItem[];
}

/** A team's participation in an open round: counts only, and only from the anonymity minimum invited on. */
export interface HomeTeamParticipation {
  teamId: string;
  teamName: string;
  /** Fewer invited than the minimum: no counts at all (null). */
  suppressed: boolean;
  invited: number | null;
  completed: number | null;
  /** completed / invited, 0-1. */
  rate: number | null;
}

export interface HomeRoundParticipation {
  roundId: string;
  cycleName: string;
  closesAt: string;
  /** The manager's teams (with sub-teams) that were invited, each on its own (people in the team itself). */
  teams: HomeTeamParticipation[];
}

export interface HomeManager {
  rounds: HomeRoundParticipation[];
  actions: HomeActions;
}

export interface HomeRound {
  roundId: string;
  cycleId: string;
  cycleName: string;
  opensAt: string;
  closesAt: string;
  invited: number;
  completed: number;
  rate: number | null;
}

export interface HomeWave {
  waveId: string;
  surveyId: string;
  surveyName: string;
  kind: WaveKind;
  opensAt: string;
  closesAt: string;
  invited: number;
  answered: number;
  /** answered / invited, 0-1; null without invitations. */
  responseRate: number | null;
}

export interface HomeValueBelowTarget {
  key: string;
  name: string;
  nameEn: string;
  level: PyramidLevel;
  /** The customers' recognition grade 1-10 and its target. */
  grade: number;
  target: number;
  n: number;
  status: Extract<TargetStatus, 'below' | 'near'>;
}

export interface HomeBelowTarget {
  /** The latest complete quarter (`2026-Q3`): the current one is still filling. */
  period: string;
  reliabilityMinimum: number;
  /** Values with a reliable grade (at least the reliability minimum of answers) in that quarter. */
  measured: number;
  /** Values with answers below the reliability minimum: provisional, no verdict, left out. */
  provisional: number;
  values: HomeValueBelowTarget[];
}

export interface HomeOrganisation {
  rounds: HomeRound[];
  waves: HomeWave[];
  belowTarget: HomeBelowTarget;
  actions: HomeActions;
  checklist: SetupChecklist;
}
