import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from '@wk/contracts';
import type { Locale } from '@wk/domain';
import { OrganisationScope } from '../common/organisation-scope';

export interface OrganisationRow {
  name: string;
  locale: Locale;
  time_zone: string;
  anonymity_minimum: number;
}

/** A behaviour of a values version with its value (NL and EN texts; the caller picks the reader's). */
export interface ValueRow {
  value_id: string;
  value_key: string;
  value_name_nl: string;
  value_name_en: string;
  description_nl: string;
  description_en: string;
  behaviour_id: string;
  text_nl: string;
  text_en: string;
}

export interface JourneyNameRow {
  id: string;
  name: string;
  name_en: string | null;
  /** The journey's place by name (touchpoints sort by their journey first). */
  position: number;
}

export interface TouchpointNameRow {
  id: string;
  name: string;
  name_en: string | null;
  journey_id: string;
  /** The touchpoint's place in its journey. */
  position: number;
}

export interface AccountRow {
  id: string;
  role: Role;
  status: string;
}

/**
 * What appraisals read around them from tables other modules own: the organisation's settings,
 * values versions, teams, accounts and journey names. Read-only; every statement runs in one
 * organisation's scope.
 */
@Injectable()
export class AppraisalContextRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private scope(organisationId: string): OrganisationScope {
    return new OrganisationScope(this.db, organisationId);
  }

  async organisation(organisationId: string): Promise<OrganisationRow> {
    const row = await this.scope(organisationId).one<OrganisationRow>(
      `SELECT name, locale, time_zone, anonymity_minimum FROM organisations WHERE id = $1`,
    );
    return row!;
  }

  async publishedVersion(organisationId: string, id: string): Promise<boolean> {
    const rows = await this.scope(organisationId).rows(
      `SELECT 1 FROM value_set_versions WHERE organisation_id = $1 AND id = $2 AND status = 'published'`,
      [id],
    );
    return rows.length > 0;
  }

  async existingTeams(organisationId: string, ids: string[]): Promise<string[]> {
    const rows = await this.scope(organisationId).rows<{ id: string }>(
      `SELECT id FROM teams WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** The behaviours of a values version in their order, each with its value. */
  values(organisationId: string, versionId: string): Promise<ValueRow[]> {
    return this.scope(organisationId).rows<ValueRow>(
      `SELECT v.id AS value_id, v.key AS value_key, v.name_nl AS value_name_nl, v.name_en AS value_name_en,
              v.description_nl, v.description_en, b.id AS behaviour_id, b.text_nl, b.text_en
         FROM experience_values v JOIN value_behaviours b ON b.value_id = v.id
        WHERE v.organisation_id = $1 AND v.version_id = $2
        ORDER BY v.position, b.position`,
      [versionId],
    );
  }

  /** The organisation's journeys and touchpoints (NL and EN names), for the context's labels. */
  async journeyNames(
    organisationId: string,
  ): Promise<{ journeys: JourneyNameRow[]; touchpoints: TouchpointNameRow[] }> {
    const scope = this.scope(organisationId);
    const [journeys, touchpoints] = await Promise.all([
      scope.rows<JourneyNameRow>(
        `SELECT id, name, name_en, row_number() OVER (ORDER BY name, id)::int AS position
           FROM customer_journeys WHERE organisation_id = $1`,
      ),
      scope.rows<TouchpointNameRow>(
        `SELECT id, name, name_en, journey_id, position FROM journey_touchpoints WHERE organisation_id = $1`,
      ),
    ]);
    return { journeys, touchpoints };
  }

  async account(organisationId: string, id: string): Promise<AccountRow | null> {
    const row = await this.scope(organisationId).one<AccountRow>(
      `SELECT id, role, status FROM users WHERE organisation_id = $1 AND id = $2`,
      [id],
    );
    return row ?? null;
  }
}
