import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { FieldError, Journey } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { conflict, notFound } from '../common/domain-error';
import { invalidFields, nameTaken, onNameClash, onReferenced } from './customers.errors';
import { englishName, JourneyDto } from './dto/customers.dto';

const NAME_INDEX = 'customer_journeys_name';
const unique = (ids: string[] | undefined) => [...new Set(ids ?? [])];

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

/**
 * Customer journeys, always written whole: the request lists the touchpoints in journey order; a
 * touchpoint sent with its id keeps its row (and the survey answers given on it), one without is new,
 * one left out is removed unless surveys or answers still point at it.
 */
@Injectable()
export class JourneysService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(auth: AuthContext): Promise<Journey[]> {
    return this.db.query(`${JOURNEY_SELECT} ORDER BY lower(j.name), j.name, j.id`, [auth.organisationId]);
  }

  async get(auth: AuthContext, id: string): Promise<Journey> {
    const [journey] = await this.db.query(`${JOURNEY_SELECT} AND j.id = $2`, [auth.organisationId, id]);
    if (!journey) throw notFound('Journey');
    return journey;
  }

  async create(auth: AuthContext, dto: JourneyDto): Promise<Journey> {
    const org = auth.organisationId;
    const id = await this.db.transaction(async (m) => {
      await this.validate(m, org, dto, new Set());
      await this.assertNameFree(m, org, dto.name);
      const [row] = await m
        .query(
          `INSERT INTO customer_journeys (organisation_id, name, description, segment_id, name_en)
           VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [org, dto.name, dto.description ?? '', dto.segmentId ?? null, englishName(dto.nameEn)],
        )
        .catch(onNameClash(NAME_INDEX, 'journey'));
      await this.writeContent(m, org, row.id, dto);
      return row.id as string;
    });
    return this.get(auth, id);
  }

  /** Replaces the whole journey in one transaction; on any refusal nothing changes. */
  async replace(auth: AuthContext, id: string, dto: JourneyDto): Promise<Journey> {
    const org = auth.organisationId;
    await this.db.transaction(async (m) => {
      await this.lock(m, org, id);
      const existing: { id: string }[] = await m.query(
        `SELECT id FROM journey_touchpoints WHERE organisation_id = $1 AND journey_id = $2`,
        [org, id],
      );
      await this.validate(m, org, dto, new Set(existing.map((t) => t.id)));
      await this.assertNameFree(m, org, dto.name, id);
      const kept = new Set(dto.touchpoints.map((t) => t.id));
      const removed = existing.map((t) => t.id).filter((tid) => !kept.has(tid));
      const inUse = await this.referencedTouchpoints(m, org, removed);
      if (inUse.length) {
        const names = inUse.map((n) => `"${n}"`).join(', ');
        const message = `Touchpoint(s) ${names} are used by surveys or their answers; keep them in the journey`;
        throw conflict('in_use', message, 'touchpoints');
      }
      await m
        .query(
          `UPDATE customer_journeys SET name = $3, description = $4, segment_id = $5, name_en = $6
           WHERE organisation_id = $1 AND id = $2`,
          [org, id, dto.name, dto.description ?? '', dto.segmentId ?? null, englishName(dto.nameEn)],
        )
        .catch(onNameClash(NAME_INDEX, 'journey'));
      if (removed.length) {
        await m
          .query(`DELETE FROM journey_touchpoints WHERE organisation_id = $1 AND id = ANY($2::uuid[])`, [
            org,
            removed,
          ])
          .catch(onReferenced('A removed touchpoint is used by a survey or its answers', 'touchpoints'));
      }
      await this.writeContent(m, org, id, dto);
    });
    return this.get(auth, id);
  }

  /** Only a journey no survey, invitation or response points at (itself or one of its touchpoints) goes. */
  async remove(auth: AuthContext, id: string): Promise<void> {
    const org = auth.organisationId;
    await this.db.transaction(async (m) => {
      await this.lock(m, org, id);
      const [usage]: { surveys: number; answered: boolean }[] = await m.query(
        `WITH tp AS (SELECT id FROM journey_touchpoints WHERE organisation_id = $1 AND journey_id = $2)
         SELECT
           (SELECT count(*)::int FROM surveys s WHERE s.organisation_id = $1
              AND (s.journey_id = $2 OR s.touchpoint_id IN (SELECT id FROM tp))) AS surveys,
           EXISTS (SELECT 1 FROM survey_invitations i WHERE i.organisation_id = $1
                     AND i.touchpoint_id IN (SELECT id FROM tp))
             OR EXISTS (SELECT 1 FROM survey_responses r WHERE r.organisation_id = $1
                     AND (r.journey_id = $2 OR r.touchpoint_id IN (SELECT id FROM tp))) AS answered`,
        [org, id],
      );
      if (usage.surveys || usage.answered) {
        throw conflict(
          'in_use',
          `This journey is used by ${usage.surveys} survey(s)` +
            (usage.answered ? ' and by survey invitations or responses' : ''),
        );
      }
      await m
        .query(`DELETE FROM customer_journeys WHERE organisation_id = $1 AND id = $2`, [org, id])
        .catch(onReferenced('This journey is referenced by a survey or its answers'));
    });
  }

  /** Every rule the pipe cannot check, as one 400 naming each field; nothing is written before. */
  private async validate(m: EntityManager, org: string, dto: JourneyDto, existing: Set<string>) {
    const teamIds = unique([...(dto.teamIds ?? []), ...dto.touchpoints.flatMap((t) => t.teamIds ?? [])]);
    const known = new Set<string>(
      teamIds.length
        ? (
            await m.query(`SELECT id FROM teams WHERE organisation_id = $1 AND id = ANY($2::uuid[])`, [
              org,
              teamIds,
            ])
          ).map((r: { id: string }) => r.id)
        : [],
    );
    const allKnown = (ids?: string[]) => (ids ?? []).every((tid) => known.has(tid));
    const errors: FieldError[] = [];
    if (dto.segmentId) {
      const [{ found }] = await m.query(
        `SELECT EXISTS (SELECT 1 FROM customer_segments WHERE organisation_id = $1 AND id = $2) AS found`,
        [org, dto.segmentId],
      );
      if (!found) errors.push({ field: 'segmentId', message: 'unknown segment' });
    }
    if (!allKnown(dto.teamIds)) errors.push({ field: 'teamIds', message: 'contains an unknown team' });
    const seenIds = new Set<string>();
    const seenNames = new Map<string, number>();
    dto.touchpoints.forEach((tp, i) => {
      const field = (name: string) => `touchpoints[${i}].${name}`;
      if (tp.id !== undefined) {
        if (!existing.has(tp.id))
          errors.push({ field: field('id'), message: 'not a touchpoint of this journey' });
        else if (seenIds.has(tp.id)) errors.push({ field: field('id'), message: 'listed more than once' });
        seenIds.add(tp.id);
      }
      const first = seenNames.get(tp.name.toLowerCase());
      if (first !== undefined)
        errors.push({ field: field('name'), message: `same name as touchpoints[${first}]` });
      else seenNames.set(tp.name.toLowerCase(), i);
      if (!allKnown(tp.teamIds))
        errors.push({ field: field('teamIds'), message: 'contains an unknown team' });
    });
    if (errors.length) throw invalidFields(errors);
  }

  /** Journey teams, then the touchpoints in request order (kept rows updated, new ones inserted), then their teams. */
  private async writeContent(m: EntityManager, org: string, journeyId: string, dto: JourneyDto) {
    await m.query(`DELETE FROM journey_teams WHERE organisation_id = $1 AND journey_id = $2`, [
      org,
      journeyId,
    ]);
    await m.query(
      `INSERT INTO journey_teams (organisation_id, journey_id, team_id)
       SELECT $1, $2, team_id FROM unnest($3::uuid[]) AS team_id`,
      [org, journeyId, unique(dto.teamIds)],
    );
    const rows = dto.touchpoints.map((t, position) => ({ ...t, position, moment: t.momentOfTruth ?? false }));
    const kept = rows.filter((t) => t.id);
    const added = rows.filter((t) => !t.id);
    const columns = (list: typeof rows) => [
      list.map((t) => t.position),
      list.map((t) => t.name),
      list.map((t) => t.channel),
      list.map((t) => t.moment),
      list.map((t) => englishName(t.nameEn)),
    ];
    // Positions may swap: the (journey, position) constraint is checked at commit.
    if (kept.length) {
      await m.query(
        `UPDATE journey_touchpoints t
         SET position = u.position, name = u.name, channel = u.channel, moment_of_truth = u.moment,
             name_en = u.name_en
         FROM unnest($3::uuid[], $4::int[], $5::text[], $6::text[], $7::boolean[], $8::text[])
           AS u(id, position, name, channel, moment, name_en)
         WHERE t.organisation_id = $1 AND t.journey_id = $2 AND t.id = u.id`,
        [org, journeyId, kept.map((t) => t.id), ...columns(kept)],
      );
    }
    const idAt = new Map<number, string>(kept.map((t) => [t.position, t.id as string]));
    if (added.length) {
      const inserted: { id: string; position: number }[] = await m.query(
        `INSERT INTO journey_touchpoints (organisation_id, journey_id, position, name, channel, moment_of_truth, name_en)
         SELECT $1, $2, u.position, u.name, u.channel, u.moment, u.name_en
         FROM unnest($3::int[], $4::text[], $5::text[], $6::boolean[], $7::text[])
           AS u(position, name, channel, moment, name_en)
         RETURNING id, position`,
        [org, journeyId, ...columns(added)],
      );
      for (const row of inserted) idAt.set(row.position, row.id);
    }
    await m.query(
      `DELETE FROM touchpoint_teams WHERE organisation_id = $1
         AND touchpoint_id IN (SELECT id FROM journey_touchpoints WHERE organisation_id = $1 AND journey_id = $2)`,
      [org, journeyId],
    );
    const links = rows.flatMap((t) => unique(t.teamIds).map((teamId) => [idAt.get(t.position), teamId]));
    if (links.length) {
      await m.query(
        `INSERT INTO touchpoint_teams (organisation_id, touchpoint_id, team_id)
         SELECT $1, u.touchpoint_id, u.team_id FROM unnest($2::uuid[], $3::uuid[]) AS u(touchpoint_id, team_id)`,
        [org, links.map(([tp]) => tp), links.map(([, team]) => team)],
      );
    }
  }

  /** Names of the given touchpoints that a survey, an invitation or a response points at. */
  private async referencedTouchpoints(m: EntityManager, org: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { name: string }[] = await m.query(
      `SELECT t.name FROM journey_touchpoints t
       WHERE t.organisation_id = $1 AND t.id = ANY($2::uuid[])
         AND (EXISTS (SELECT 1 FROM surveys s WHERE s.organisation_id = $1 AND s.touchpoint_id = t.id)
           OR EXISTS (SELECT 1 FROM survey_invitations i WHERE i.organisation_id = $1 AND i.touchpoint_id = t.id)
           OR EXISTS (SELECT 1 FROM survey_responses r WHERE r.organisation_id = $1 AND r.touchpoint_id = t.id))
       ORDER BY t.position`,
      [org, ids],
    );
    return rows.map((r) => r.name);
  }

  private async lock(m: EntityManager, org: string, id: string): Promise<void> {
    const rows = await m.query(
      `SELECT id FROM customer_journeys WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
      [org, id],
    );
    if (!rows.length) throw notFound('Journey');
  }

  private async assertNameFree(m: EntityManager, org: string, name: string, exceptId?: string) {
    const [{ taken }] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM customer_journeys WHERE organisation_id = $1
         AND lower(btrim(name)) = lower(btrim($2)) AND id IS DISTINCT FROM $3::uuid) AS taken`,
      [org, name, exceptId ?? null],
    );
    if (taken) throw nameTaken('journey');
  }
}
