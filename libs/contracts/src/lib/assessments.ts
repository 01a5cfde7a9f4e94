import type { SelfLevel } from '@wk/domain';

export type CycleStatus = 'active' | 'paused' | 'archived';

export interface Cycle {
  id: string;
  name: string;
  valuesVersionId: string;
  valuesVersionNumber: number;
  /** Empty: the whole organisation; else these teams and all their sub-teams. */
  teamIds: string[];
  cron: string;
  timeZone: string;
  windowDays: number;
  reminderDays: number[];
  remindDayBeforeDeadline: boolean;
  status: CycleStatus;
  /** When the schedule fires next (null when not active). */
  nextRunAt: string | null;
  createdAt: string;
}

/** Who a round of the cycle would invite now (active people in its teams and sub-teams). */
export interface CycleAudience {
  people: number;
}

export interface CreateCycleRequest {
  name: string;
  valuesVersionId: string;
  teamIds?: string[];
  cron: string;
  timeZone?: string;
  windowDays?: number;
  reminderDays?: number[];
  remindDayBeforeDeadline?: boolean;
}

export type UpdateCycleRequest = Partial<CreateCycleRequest>;

export interface Round {
  id: string;
  cycleId: string;
  opensAt: string;
  closesAt: string;
  closed: boolean;
  invited: number;
  completed: number;
}

/** HR's view of one round: participation per team and who has not completed (names only, never answers). */
export interface RoundDetail extends Round {
  teams: { teamId: string | null; teamName: string | null; invited: number; completed: number }[];
  notCompleted: { userId: string; name: string; teamName: string | null }[];
  lastManualReminderAt: string | null;
}

/** What the personal link opens: the round's values and behaviours with the answers saved so far. */
export interface SelfAssessmentForm {
  cycleName: string;
  organisationName: string;
  personName: string;
  closesAt: string;
  closed: boolean;
  completedAt: string | null;
  values: {
    id: string;
    key: string;
    nameNl: string;
    nameEn: string;
    behaviours: { id: string; key: string; textNl: string; textEn: string }[];
  }[];
  /** behaviourId → level, `null` for "n.v.t." */
  answers: Record<string, SelfLevel | null>;
  /** valueId → the optional example the employee gave. */
  examples: Record<string, string>;
}

export interface SaveAnswersRequest {
  answers: { behaviourId: string; level: SelfLevel | null }[];
  /** An empty text removes the example. */
  examples?: { valueId: string; text: string }[];
}

/** One of my rounds: my score per value, my team's average where the team is big enough, my answers. */
export interface MyRound {
  roundId: string;
  cycleName: string;
  opensAt: string;
  closesAt: string;
  closed: boolean;
  completedAt: string | null;
  /** Path of my form while the round is open (the same as the mailed link). */
  formPath: string | null;
  values: {
    key: string;
    nameNl: string;
    nameEn: string;
    myScore: number | null;
    /** The mean of my team's (with sub-teams) respondents, each once; null while the round is open or where the anonymity rules hide it. */
    teamAverage: number | null;
    /** Respondents behind teamAverage (0 when it is hidden). */
    teamRespondents: number;
  }[];
  answers: {
    behaviourId: string;
    valueKey: string;
    textNl: string;
    textEn: string;
    level: SelfLevel | null;
  }[];
}

export interface MyAssessments {
  anonymityMinimum: number;
  rounds: MyRound[];
}
