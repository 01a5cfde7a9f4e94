import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { WaveKind } from '@wk/domain';

export interface HomeOrganisationRow {
  today: string;
  today_month: string;
  anonymity_minimum: number | null;
}

export interface OpenRoundRow {
  round_id: string;
  cycle_id: string;
  cycle_name: string;
  opens_at: Date;
  closes_at: Date;
  invited: number;
  completed: number;
}

export interface TeamParticipationRow {
  round_id: string;
  cycle_name: string;
  closes_at: Date;
  team_id: string;
  team_name: string;
  invited: number;
  completed: number;
}

export interface OpenWaveRow {
  wave_id: string;
  survey_id: string;
  survey_name: string;
  kind: WaveKind;
  opens_at: Date;
  closes_at: Date;
  invited: number;
  answered: number;
}

/** An open round: not closed by HR or its job, and before its deadline. */
const OPEN_ROUND = `r.closed_at IS NULL AND r.closes_at > now() AND r.opens_at <= now()`;

/**
 * The home page's counts that no other module offers: participation of the open rounds (in total and
 * per team) and the funnel's ends of the open waves. It owns no table; it only counts rows of the
 * assessment and survey tables, always of one organisation, never answers.
 */
@Injectable()
export class HomeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async organisation(organisationId: string): Promise<HomeOrganisationRow> {
    const [row] = await this.db.query(
      `SELECT (now() AT TIME ZONE time_zone)::date::text AS today,
              to_char(now() AT TIME ZONE time_zone, 'YYYY-MM') AS today_month, anonymity_minimum
         FROM organisations WHERE id = $1`,
      [organisationId],
    );
    return row;
  }

  /** Every open round of the organisation with its invited and completed people. */
  openRounds(organisationId: string): Promise<OpenRoundRow[]> {
    return this.db.query(
      `SELECT r.id AS round_id, c.id AS cycle_id, c.name AS cycle_name, r.opens_at, r.closes_at,
              count(i.id)::int AS invited, count(i.completed_at)::int AS completed
         FROM assessment_rounds r
         JOIN assessment_cycles c ON c.id = r.cycle_id
         LEFT JOIN assessment_invitations i ON i.round_id = r.id AND i.organisation_id = r.organisation_id
        WHERE r.organisation_id = $1 AND ${OPEN_ROUND}
        GROUP BY r.id, c.id ORDER BY r.closes_at, r.id`,
      [organisationId],
    );
  }

  /**
   * Participation of the open rounds per team of `teamIds`: the people invited in the team itself
   * (the team frozen on the invitation), so the rows never overlap and no total is given that a
   * hidden team could be worked out from.
   */
  teamParticipation(organisationId: string, teamIds: string[]): Promise<TeamParticipationRow[]> {
    if (!teamIds.length) return Promise.resolve([]);
    return this.db.query(
      `SELECT r.id AS round_id, c.name AS cycle_name, r.closes_at, t.id AS team_id, t.name AS team_name,
              count(i.id)::int AS invited, count(i.completed_at)::int AS completed
         FROM assessment_rounds r
         JOIN assessment_cycles c ON c.id = r.cycle_id
         JOIN assessment_invitations i ON i.round_id = r.id AND i.organisation_id = r.organisation_id
         JOIN teams t ON t.id = i.team_id AND t.organisation_id = r.organisation_id
        WHERE r.organisation_id = $1 AND ${OPEN_ROUND} AND i.team_id = ANY($2::uuid[])
        GROUP BY r.id, c.name, t.id, t.name ORDER BY r.closes_at, r.id, t.name, t.id`,
      [organisationId, teamIds],
    );
  }

  /** Every open wave of the organisation: invited and answered (the survey page's funnel ends). */
  openWaves(organisationId: string): Promise<OpenWaveRow[]> {
    return this.db.query(
      `SELECT w.id AS wave_id, s.id AS survey_id, s.name AS survey_name, w.kind, w.opens_at, w.closes_at,
              count(i.id)::int AS invited, count(*) FILTER (WHERE i.answered)::int AS answered
         FROM survey_waves w
         JOIN surveys s ON s.id = w.survey_id
         LEFT JOIN survey_invitations i ON i.wave_id = w.id
        WHERE w.organisation_id = $1 AND w.closed_at IS NULL AND w.closes_at > now() AND w.opens_at <= now()
        GROUP BY w.id, s.id ORDER BY w.closes_at, w.id`,
      [organisationId],
    );
  }
}
