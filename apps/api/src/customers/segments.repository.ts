import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Segment } from '@wk/contracts';
import { OrganisationRepository } from '../common/organisation-repository';
import { lockRow, nameTaken } from './named-rows';

/** A segment's stored fields (create and replace alike). */
export interface SegmentFields {
  name: string;
  description: string;
  persona: string;
  nameEn: string | null;
}

/** How much still points at a segment. */
export interface SegmentUsageRow {
  journeys: number;
  surveys: number;
  surveyData: boolean;
}

const COLUMNS = `id, name, name_en AS "nameEn", description, persona, created_at AS "createdAt"`;

/**
 * Customer segments (customer_segments). Statements that take an EntityManager run inside the
 * caller's transaction; every one runs in one organisation's scope.
 */
@Injectable()
export class SegmentsRepository extends OrganisationRepository {
  list(organisationId: string): Promise<Segment[]> {
    return this.scope(organisationId).rows<Segment>(
      `SELECT ${COLUMNS} FROM customer_segments WHERE organisation_id = $1 ORDER BY lower(name), name, id`,
    );
  }

  /** Locks the segment for the transaction; false when the organisation has no such segment. */
  lock(m: EntityManager, organisationId: string, id: string): Promise<boolean> {
    return lockRow(this.scope(organisationId, m), 'customer_segments', id);
  }

  /** Whether another segment (not `exceptId`) has this name in any letter case. */
  nameTaken(m: EntityManager, organisationId: string, name: string, exceptId?: string): Promise<boolean> {
    return nameTaken(this.scope(organisationId, m), 'customer_segments', name, exceptId);
  }

  async insert(m: EntityManager, organisationId: string, s: SegmentFields): Promise<Segment> {
    const [row] = await this.scope(organisationId, m).rows<Segment>(
      `INSERT INTO customer_segments (organisation_id, name, description, persona, name_en)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [s.name, s.description, s.persona, s.nameEn],
    );
    return row;
  }

  async update(m: EntityManager, organisationId: string, id: string, s: SegmentFields): Promise<Segment> {
    const [row] = await this.scope(organisationId, m).returning<Segment>(
      `UPDATE customer_segments SET name = $3, description = $4, persona = $5, name_en = $6
       WHERE organisation_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [id, s.name, s.description, s.persona, s.nameEn],
    );
    return row;
  }

  /** Journeys and surveys drawn for the segment, and whether survey data points at it. */
  async usage(m: EntityManager, organisationId: string, id: string): Promise<SegmentUsageRow> {
    const row = await this.scope(organisationId, m).one<SegmentUsageRow>(
      `SELECT
         (SELECT count(*)::int FROM customer_journeys WHERE organisation_id = $1 AND segment_id = $2) AS journeys,
         (SELECT count(*)::int FROM surveys WHERE organisation_id = $1 AND segment_id = $2) AS surveys,
         EXISTS (SELECT 1 FROM survey_contacts WHERE organisation_id = $1 AND segment_id = $2)
           OR EXISTS (SELECT 1 FROM survey_invitations WHERE organisation_id = $1 AND segment_id = $2)
           OR EXISTS (SELECT 1 FROM survey_responses WHERE organisation_id = $1 AND segment_id = $2)
           AS "surveyData"`,
      [id],
    );
    return row!;
  }

  async remove(m: EntityManager, organisationId: string, id: string): Promise<void> {
    await this.scope(organisationId, m).rows(
      `DELETE FROM customer_segments WHERE organisation_id = $1 AND id = $2`,
      [id],
    );
  }
}
