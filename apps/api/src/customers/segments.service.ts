import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Segment } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { conflict, notFound } from '../common/domain-error';
import { nameTaken, onNameClash, onReferenced } from './customers.errors';
import { englishName, SegmentDto } from './dto/customers.dto';

const COLUMNS = `id, name, name_en AS "nameEn", description, persona, created_at AS "createdAt"`;
const NAME_INDEX = 'customer_segments_name';

/** Customer segments (profiles) with their persona; names are unique per organisation in any letter case. */
@Injectable()
export class SegmentsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(auth: AuthContext): Promise<Segment[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM customer_segments WHERE organisation_id = $1 ORDER BY lower(name), name, id`,
      [auth.organisationId],
    );
  }

  create(auth: AuthContext, dto: SegmentDto): Promise<Segment> {
    return this.db.transaction(async (m) => {
      await this.assertNameFree(m, auth.organisationId, dto.name);
      const [row] = await m
        .query(
          `INSERT INTO customer_segments (organisation_id, name, description, persona, name_en)
           VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
          [auth.organisationId, dto.name, dto.description ?? '', dto.persona ?? '', englishName(dto.nameEn)],
        )
        .catch(onNameClash(NAME_INDEX, 'segment'));
      return row as Segment;
    });
  }

  /** PUT replaces the segment: a description or persona left out becomes empty. */
  update(auth: AuthContext, id: string, dto: SegmentDto): Promise<Segment> {
    return this.db.transaction(async (m) => {
      await this.lock(m, auth.organisationId, id);
      await this.assertNameFree(m, auth.organisationId, dto.name, id);
      const [[row]] = await m
        .query(
          `UPDATE customer_segments SET name = $3, description = $4, persona = $5, name_en = $6
           WHERE organisation_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
          [
            auth.organisationId,
            id,
            dto.name,
            dto.description ?? '',
            dto.persona ?? '',
            englishName(dto.nameEn),
          ],
        )
        .catch(onNameClash(NAME_INDEX, 'segment'));
      return row as Segment;
    });
  }

  /** Only an unused segment goes: journeys and survey data keep pointing at what they were drawn for. */
  async remove(auth: AuthContext, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.lock(m, auth.organisationId, id);
      const [usage]: { journeys: number; surveys: number; surveyData: boolean }[] = await m.query(
        `SELECT
           (SELECT count(*)::int FROM customer_journeys WHERE organisation_id = $1 AND segment_id = $2) AS journeys,
           (SELECT count(*)::int FROM surveys WHERE organisation_id = $1 AND segment_id = $2) AS surveys,
           EXISTS (SELECT 1 FROM survey_contacts WHERE organisation_id = $1 AND segment_id = $2)
             OR EXISTS (SELECT 1 FROM survey_invitations WHERE organisation_id = $1 AND segment_id = $2)
             OR EXISTS (SELECT 1 FROM survey_responses WHERE organisation_id = $1 AND segment_id = $2)
             AS "surveyData"`,
        [auth.organisationId, id],
      );
      if (usage.journeys || usage.surveys || usage.surveyData) {
        throw conflict(
          'in_use',
          `This segment is used by ${usage.journeys} journey(s) and ${usage.surveys} survey(s)` +
            (usage.surveyData ? ', and by survey contacts, invitations or responses' : ''),
        );
      }
      await m
        .query(`DELETE FROM customer_segments WHERE organisation_id = $1 AND id = $2`, [
          auth.organisationId,
          id,
        ])
        .catch(onReferenced('This segment is referenced elsewhere'));
    });
  }

  private async lock(m: EntityManager, organisationId: string, id: string): Promise<void> {
    const rows = await m.query(
      `SELECT id FROM customer_segments WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
      [organisationId, id],
    );
    if (!rows.length) throw notFound('Segment');
  }

  private async assertNameFree(m: EntityManager, organisationId: string, name: string, exceptId?: string) {
    const [{ taken }] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM customer_segments WHERE organisation_id = $1
         AND lower(btrim(name)) = lower(btrim($2)) AND id IS DISTINCT FROM $3::uuid) AS taken`,
      [organisationId, name, exceptId ?? null],
    );
    if (taken) throw nameTaken('segment');
  }
}
