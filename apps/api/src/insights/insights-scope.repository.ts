import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganisationScope } from '../common/organisation-scope';

/** The organisation's settings an insights request starts from. */
export interface InsightsOrganisationRow {
  name: string;
  time_zone: string;
  anonymity_minimum: number;
  reliability_minimum: number;
  /** `YYYY-MM` of today in the organisation's time zone. */
  today: string;
}

export interface TeamRow {
  id: string;
  name: string;
  parent_id: string | null;
}

/** The reader of a report: their language (else the organisation's) and today in the organisation's time zone. */
export interface ReaderRow {
  locale: string | null;
  /** `YYYY-MM-DD`. */
  today: string;
}

/**
 * Who reads the KPIs and what they may cut them by: the organisation's settings, its teams, the
 * caller's own team and language. Every statement runs in one organisation's scope.
 */
@Injectable()
export class InsightsScopeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private scope(organisationId: string): OrganisationScope {
    return new OrganisationScope(this.db, organisationId);
  }

  async organisation(organisationId: string): Promise<InsightsOrganisationRow> {
    const row = await this.scope(organisationId).one<InsightsOrganisationRow>(
      `SELECT name, time_zone, anonymity_minimum, reliability_minimum, to_char(now() AT TIME ZONE time_zone, 'YYYY-MM') AS today
         FROM organisations WHERE id = $1`,
    );
    return row!;
  }

  /** The team of a user of the organisation (null: none, or no such user). */
  async teamOf(organisationId: string, userId: string): Promise<string | null> {
    const row = await this.scope(organisationId).one<{ team_id: string | null }>(
      `SELECT team_id FROM users WHERE organisation_id = $1 AND id = $2`,
      [userId],
    );
    return row?.team_id ?? null;
  }

  teams(organisationId: string): Promise<TeamRow[]> {
    return this.scope(organisationId).rows<TeamRow>(
      `SELECT id, name, parent_id FROM teams WHERE organisation_id = $1`,
    );
  }

  async teamName(organisationId: string, teamId: string): Promise<string | null> {
    const row = await this.scope(organisationId).one<{ name: string }>(
      `SELECT name FROM teams WHERE id = $2 AND organisation_id = $1`,
      [teamId],
    );
    return row?.name ?? null;
  }

  reader(organisationId: string, userId: string): Promise<ReaderRow | undefined> {
    return this.scope(organisationId).one<ReaderRow>(
      `SELECT COALESCE(u.locale, o.locale) AS locale, (now() AT TIME ZONE o.time_zone)::date::text AS today
         FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = $2 AND o.id = $1`,
      [userId],
    );
  }
}
