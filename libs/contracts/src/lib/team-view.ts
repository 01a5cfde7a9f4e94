import type { KpiGroup } from './insights';

/**
 * The team view (issue 17 item 5): a team against its sibling teams, the measurements it took part
 * in, and its customers' comments. Every number is a published cell of the organisation-wide
 * suppression pattern (docs/anonymity.md), so nothing here lets a smaller group be computed.
 */

/** One sibling team's number in the comparison; `teamId`/`name` null where the caller may not see that team. */
export interface TeamSiblingCell {
  teamId: string | null;
  name: string | null;
  /** Self score mean (1-4) or customer grade mean (1-10). */
  value: number;
  /** Customers only: fewer answers than the reliability minimum. */
  provisional?: boolean;
}

export interface TeamSiblingSide {
  /** The team's own number (null: no answers, or withheld by the anonymity minimum). */
  team: number | null;
  /** Customers only: the team's number of grades. */
  teamN?: number;
  /** The siblings' published numbers, highest first. */
  siblings: TeamSiblingCell[];
  /** Sibling teams without a number here: no answers, below the minimum, or hidden to protect another group. */
  withheld: number;
}

export interface TeamSiblingRow {
  period: string;
  valueKey: string;
  /** null where the period kind has no such answers (a wave has no self scores, a round no customers). */
  self: TeamSiblingSide | null;
  customer: TeamSiblingSide | null;
}

/** `GET /api/insights/teams/:id/siblings?period&from&to&cycleId&surveyId&valueKey`. */
export interface TeamSiblings {
  team: KpiGroup;
  /** The teams under the same parent (top teams: the other top teams), the team itself not counted. */
  siblingCount: number;
  minimum: number;
  reliabilityMinimum: number;
  periods: string[];
  rows: TeamSiblingRow[];
}

/** One customer comment of the team (its subtree), with the team and touchpoint it was given for. */
export interface TeamComment {
  text: string;
  /** The day it was given (`YYYY-MM-DD`, the organisation's time zone). */
  day: string;
  teamName: string;
  touchpointName: string | null;
  touchpointNameEn: string | null;
}

/** `GET /api/insights/teams/:id/comments?period&from&to`: comments of groups at or above the comment minimum. */
export interface TeamComments {
  minimum: number;
  comments: TeamComment[];
  /** Responses in groups below the comment minimum, whose comments are not shown. */
  withheldResponses: number;
}

/**
 * `GET /api/insights/participation?period&from&to&cycleId&teamId`: the response rate per
 * self-assessment cycle and period. Rounds of different cycles (a quarterly measurement and a monthly
 * pulse for some teams) are never summed into one rate.
 */
export interface CycleParticipationRow {
  period: string;
  cycleId: string;
  cycleName: string;
  invited: number;
  completed: number;
  rate: number | null;
}
