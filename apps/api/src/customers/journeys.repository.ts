import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Journey } from '@wk/contracts';
import type { TouchpointChannel } from '@wk/domain';
import { OrganisationRepository } from '../common/organisation-repository';
import { lockRow, nameTaken } from './named-rows';

/** A journey's stored fields (create and replace alike). */
export interface JourneyFields {
  name: string;
  description: string;
  segmentId: string | null;
  nameEn: string | null;
}

/** One touchpoint to write at its position in the journey; `id` set: an existing row to keep. */
export interface TouchpointWrite {
  id?: string;
  position: number;
  name: string;
  channel: TouchpointChannel;
  moment: boolean;
  nameEn: string | null;
}

/** How much still points at a journey (or one of its touchpoints). */
export interface JourneyUsageRow {
  surveys: number;
  answered: boolean;
}

/** Which parts of a customer context are the organisation's (the touchpoint with its journey). */
export interface ContextRow {
  segment: boolean;
  journey: boolean;
  touchpointJourneyId: string | null;
  team: boolean;
}

/** A journey with its teams and its touchpoints (in position order, each with its teams), as one row. */
const JOURNEY_SELECT = `
  SELECT j.id, j.name, j.name_en AS "nameEn", j.description, j.segment_id AS "segmentId",
    ARRAY(SELECT jt.team_id FROM journey_teams jt WHERE jt.journey_id = j.id ORDER BY jt.team_id) AS "teamIds",
    COALESCE((
      SELECT json_agg(json_build_object(
               'id', t.id, 'position', t.position, 'name', t.name, 'nameEn', t.name_en, 'channel', t.channel,
               'momentOfTruth', t.moment_of_truth,
               'teamIds', ARRAY(SELECT tt.team_id FROM touchpoint_teams tt
                                WHERE tt.touchpoint_id = t.id ORDER BY tt.team_id))
             ORDER BY t.position)
      FROM journey_touchpoints t WHERE t.journey_id = j.id AND t.organisation_id = j.organisation_id
    ), '[]'::json) AS touchpoints,
    j.created_at AS "createdAt"
  FROM customer_journeys j
  WHERE j.organisation_id = $1`;

/** The columns of touchpoint writes, as arrays for unnest (same order in UPDATE and INSERT). */
const touchpointColumns = (list: TouchpointWrite[]) => [
  list.map((t) => t.position),
  list.map((t) => t.name),
  list.map((t) => t.channel),
  list.map((t) => t.moment),
  list.map((t) => t.nameEn),
];

/**
 * Customer journeys, their touchpoints and the teams serving either (customer_journeys,
 * journey_touchpoints, journey_teams, touchpoint_teams). Statements that take an EntityManager run
 * inside the caller's transaction; every one runs in one organisation's scope.
 */
@Injectable()
export class JourneysRepository extends OrganisationRepository {
  /** The organisation's journeys by name, or the one with `id`. */
  journeys(organisationId: string, id?: string): Promise<Journey[]> {
    return id === undefined
      ? this.scope(organisationId).rows<Journey>(`${JOURNEY_SELECT} ORDER BY lower(j.name), j.name, j.id`)
      : this.scope(organisationId).rows<Journey>(`${JOURNEY_SELECT} AND j.id = $2`, [id]);
  }

  /** Locks the journey for the transaction; false when the organisation has no such journey. */
  lock(m: EntityManager, organisationId: string, id: string): Promise<boolean> {
    return lockRow(this.scope(organisationId, m), 'customer_journeys', id);
  }

  /** Whether another journey (not `exceptId`) has this name in any letter case. */
  nameTaken(m: EntityManager, organisationId: string, name: string, exceptId?: string): Promise<boolean> {
    return nameTaken(this.scope(organisationId, m), 'customer_journeys', name, exceptId);
  }

  /** Which of the given team ids are teams of the organisation. */
  async knownTeams(m: EntityManager, organisationId: string, teamIds: string[]): Promise<string[]> {
    if (!teamIds.length) return [];
    const rows = await this.scope(organisationId, m).rows<{ id: string }>(
      `SELECT id FROM teams WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
      [teamIds],
    );
    return rows.map((r) => r.id);
  }

  async segmentExists(m: EntityManager, organisationId: string, segmentId: string): Promise<boolean> {
    const row = await this.scope(organisationId, m).one<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM customer_segments WHERE organisation_id = $1 AND id = $2) AS found`,
      [segmentId],
    );
    return row!.found;
  }

  async insert(m: EntityManager, organisationId: string, j: JourneyFields): Promise<string> {
    const [row] = await this.scope(organisationId, m).rows<{ id: string }>(
      `INSERT INTO customer_journeys (organisation_id, name, description, segment_id, name_en)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [j.name, j.description, j.segmentId, j.nameEn],
    );
    return row.id;
  }

  async update(m: EntityManager, organisationId: string, id: string, j: JourneyFields): Promise<void> {
    await this.scope(organisationId, m).rows(
      `UPDATE customer_journeys SET name = $3, description = $4, segment_id = $5, name_en = $6
       WHERE organisation_id = $1 AND id = $2`,
      [id, j.name, j.description, j.segmentId, j.nameEn],
    );
  }

  async remove(m: EntityManager, organisationId: string, id: string): Promise<void> {
    await this.scope(organisationId, m).rows(
      `DELETE FROM customer_journeys WHERE organisation_id = $1 AND id = $2`,
      [id],
    );
  }

  /** Surveys on the journey or its touchpoints, and whether invitations or responses point at it. */
  async usage(m: EntityManager, organisationId: string, id: string): Promise<JourneyUsageRow> {
    const row = await this.scope(organisationId, m).one<JourneyUsageRow>(
      `WITH tp AS (SELECT id FROM journey_touchpoints WHERE organisation_id = $1 AND journey_id = $2)
       SELECT
         (SELECT count(*)::int FROM surveys s WHERE s.organisation_id = $1
            AND (s.journey_id = $2 OR s.touchpoint_id IN (SELECT id FROM tp))) AS surveys,
         EXISTS (SELECT 1 FROM survey_invitations i WHERE i.organisation_id = $1
                   AND i.touchpoint_id IN (SELECT id FROM tp))
           OR EXISTS (SELECT 1 FROM survey_responses r WHERE r.organisation_id = $1
                   AND (r.journey_id = $2 OR r.touchpoint_id IN (SELECT id FROM tp))) AS answered`,
      [id],
    );
    return row!;
  }

  async touchpointIds(m: EntityManager, organisationId: string, journeyId: string): Promise<string[]> {
    const rows = await this.scope(organisationId, m).rows<{ id: string }>(
      `SELECT id FROM journey_touchpoints WHERE organisation_id = $1 AND journey_id = $2`,
      [journeyId],
    );
    return rows.map((r) => r.id);
  }

  /** Names of the given touchpoints that a survey, an invitation or a response points at. */
  async referencedTouchpoints(m: EntityManager, organisationId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.scope(organisationId, m).rows<{ name: string }>(
      `SELECT t.name FROM journey_touchpoints t
       WHERE t.organisation_id = $1 AND t.id = ANY($2::uuid[])
         AND (EXISTS (SELECT 1 FROM surveys s WHERE s.organisation_id = $1 AND s.touchpoint_id = t.id)
           OR EXISTS (SELECT 1 FROM survey_invitations i WHERE i.organisation_id = $1 AND i.touchpoint_id = t.id)
           OR EXISTS (SELECT 1 FROM survey_responses r WHERE r.organisation_id = $1 AND r.touchpoint_id = t.id))
       ORDER BY t.position`,
      [ids],
    );
    return rows.map((r) => r.name);
  }

  async removeTouchpoints(m: EntityManager, organisationId: string, ids: string[]): Promise<void> {
    await this.scope(organisationId, m).rows(
      `DELETE FROM journey_touchpoints WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
      [ids],
    );
  }

  async setJourneyTeams(m: EntityManager, organisationId: string, journeyId: string, teamIds: string[]) {
    const scope = this.scope(organisationId, m);
    await scope.rows(`DELETE FROM journey_teams WHERE organisation_id = $1 AND journey_id = $2`, [journeyId]);
    await scope.rows(
      `INSERT INTO journey_teams (organisation_id, journey_id, team_id)
       SELECT $1, $2, team_id FROM unnest($3::uuid[]) AS team_id`,
      [journeyId, teamIds],
    );
  }

  /** Updates kept touchpoints in one statement; positions may swap (the constraint is checked at commit). */
  async updateTouchpoints(
    m: EntityManager,
    organisationId: string,
    journeyId: string,
    kept: TouchpointWrite[],
  ) {
    if (!kept.length) return;
    await this.scope(organisationId, m).rows(
      `UPDATE journey_touchpoints t
       SET position = u.position, name = u.name, channel = u.channel, moment_of_truth = u.moment,
           name_en = u.name_en
       FROM unnest($3::uuid[], $4::int[], $5::text[], $6::text[], $7::boolean[], $8::text[])
         AS u(id, position, name, channel, moment, name_en)
       WHERE t.organisation_id = $1 AND t.journey_id = $2 AND t.id = u.id`,
      [journeyId, kept.map((t) => t.id), ...touchpointColumns(kept)],
    );
  }

  /** Inserts new touchpoints; answers their ids by position. */
  async insertTouchpoints(
    m: EntityManager,
    organisationId: string,
    journeyId: string,
    added: TouchpointWrite[],
  ): Promise<{ id: string; position: number }[]> {
    if (!added.length) return [];
    return this.scope(organisationId, m).rows(
      `INSERT INTO journey_touchpoints (organisation_id, journey_id, position, name, channel, moment_of_truth, name_en)
       SELECT $1, $2, u.position, u.name, u.channel, u.moment, u.name_en
       FROM unnest($3::int[], $4::text[], $5::text[], $6::boolean[], $7::text[])
         AS u(position, name, channel, moment, name_en)
       RETURNING id, position`,
      [journeyId, ...touchpointColumns(added)],
    );
  }

  /** Replaces the teams of every touchpoint of the journey with the given (touchpoint, team) links. */
  async setTouchpointTeams(
    m: EntityManager,
    organisationId: string,
    journeyId: string,
    links: { touchpointId: string; teamId: string }[],
  ): Promise<void> {
    const scope = this.scope(organisationId, m);
    await scope.rows(
      `DELETE FROM touchpoint_teams WHERE organisation_id = $1
         AND touchpoint_id IN (SELECT id FROM journey_touchpoints WHERE organisation_id = $1 AND journey_id = $2)`,
      [journeyId],
    );
    if (!links.length) return;
    await scope.rows(
      `INSERT INTO touchpoint_teams (organisation_id, touchpoint_id, team_id)
       SELECT $1, u.touchpoint_id, u.team_id FROM unnest($2::uuid[], $3::uuid[]) AS u(touchpoint_id, team_id)`,
      [links.map((l) => l.touchpointId), links.map((l) => l.teamId)],
    );
  }

  /** Ids that are not UUIDs are passed as null: as unknown as an id of another organisation. */
  async context(
    m: EntityManager | undefined,
    organisationId: string,
    ids: {
      segmentId: string | null;
      journeyId: string | null;
      touchpointId: string | null;
      teamId: string | null;
    },
  ): Promise<ContextRow> {
    const row = await this.scope(organisationId, m).one<ContextRow>(
      `SELECT
         EXISTS (SELECT 1 FROM customer_segments WHERE organisation_id = $1 AND id = $2::uuid) AS segment,
         EXISTS (SELECT 1 FROM customer_journeys WHERE organisation_id = $1 AND id = $3::uuid) AS journey,
         (SELECT journey_id FROM journey_touchpoints WHERE organisation_id = $1 AND id = $4::uuid)
           AS "touchpointJourneyId",
         EXISTS (SELECT 1 FROM teams WHERE organisation_id = $1 AND id = $5::uuid) AS team`,
      [ids.segmentId, ids.journeyId, ids.touchpointId, ids.teamId],
    );
    return row!;
  }
}
