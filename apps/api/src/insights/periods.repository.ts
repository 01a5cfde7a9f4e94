import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EventPeriodKind } from '@wk/domain';
import { OrganisationScope } from '../common/organisation-scope';

/** A round (of a cycle) or wave (of a survey) as a reporting period, with the months it spans. */
export interface EventRow {
  key: string;
  series_id: string;
  series_name: string;
  start: Date;
  end: Date;
  first_month: string;
  after_month: string;
}

/** The events of a kind and their series: rounds of cycles, waves of surveys. */
const TABLES = {
  round: { events: 'assessment_rounds', series: 'assessment_cycles', column: 'cycle_id' },
  wave: { events: 'survey_waves', series: 'surveys', column: 'survey_id' },
} as const;

/**
 * The rounds and waves reports can be read by (the assessments and surveys modules own them).
 * Every statement runs in one organisation's scope.
 */
@Injectable()
export class PeriodsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private scope(organisationId: string): OrganisationScope {
    return new OrganisationScope(this.db, organisationId);
  }

  /** Every opened round (of one cycle) or wave (of one survey), oldest first. */
  events(organisationId: string, kind: EventPeriodKind, seriesId?: string): Promise<EventRow[]> {
    const { events, series, column } = TABLES[kind];
    // Months in the organisation's time zone, as the rollups keep them; a wave's answers arrive until it closes.
    return this.scope(organisationId).rows<EventRow>(
      `SELECT e.id AS key, s.id AS series_id, s.name AS series_name, e.opens_at AS start, e.closes_at AS end,
              date_trunc('month', e.opens_at AT TIME ZONE o.time_zone)::date::text AS first_month,
              (date_trunc('month', e.closes_at AT TIME ZONE o.time_zone) + interval '1 month')::date::text AS after_month
         FROM ${events} e JOIN ${series} s ON s.id = e.${column} JOIN organisations o ON o.id = e.organisation_id
        WHERE e.organisation_id = $1 AND e.opens_at <= now() AND ($2::uuid IS NULL OR e.${column} = $2)
        ORDER BY e.opens_at, e.id`,
      [seriesId ?? null],
    );
  }

  /** Whether the cycle (rounds) or survey (waves) is one of the organisation's. */
  async seriesExists(organisationId: string, kind: EventPeriodKind, seriesId: string): Promise<boolean> {
    const row = await this.scope(organisationId).one(
      `SELECT 1 FROM ${TABLES[kind].series} WHERE organisation_id = $1 AND id = $2`,
      [seriesId],
    );
    return row !== undefined;
  }
}
