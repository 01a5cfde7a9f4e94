import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganisationScope } from '../common/organisation-scope';

/** The tables customer KPIs are split or filtered by (the customers and surveys modules own them). */
export type DimensionTable = 'surveys' | 'customer_segments' | 'customer_journeys' | 'journey_touchpoints';

export interface NamedRow {
  id: string;
  name: string;
  name_en: string | null;
}

export interface TouchpointRow extends NamedRow {
  channel: string;
  moment_of_truth: boolean;
}

/**
 * Names and existence of what customer KPIs are cut by: surveys, segments, journeys and their
 * touchpoints, as the reports read them. Every statement runs in one organisation's scope.
 */
@Injectable()
export class CustomerDimensionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private scope(organisationId: string): OrganisationScope {
    return new OrganisationScope(this.db, organisationId);
  }

  names(organisationId: string, table: Exclude<DimensionTable, 'surveys'>): Promise<NamedRow[]> {
    return this.scope(organisationId).rows<NamedRow>(
      `SELECT id, name, name_en FROM ${table} WHERE organisation_id = $1`,
    );
  }

  async exists(organisationId: string, table: DimensionTable, id: string): Promise<boolean> {
    const row = await this.scope(organisationId).one(
      `SELECT 1 FROM ${table} WHERE organisation_id = $1 AND id = $2`,
      [id],
    );
    return row !== undefined;
  }

  journey(organisationId: string, journeyId: string): Promise<NamedRow | undefined> {
    return this.scope(organisationId).one<NamedRow>(
      `SELECT id, name, name_en FROM customer_journeys WHERE organisation_id = $1 AND id = $2`,
      [journeyId],
    );
  }

  /** The journey's touchpoints in their order along it. */
  touchpoints(organisationId: string, journeyId: string): Promise<TouchpointRow[]> {
    return this.scope(organisationId).rows<TouchpointRow>(
      `SELECT id, name, name_en, channel, moment_of_truth FROM journey_touchpoints
        WHERE organisation_id = $1 AND journey_id = $2 ORDER BY position`,
      [journeyId],
    );
  }
}
