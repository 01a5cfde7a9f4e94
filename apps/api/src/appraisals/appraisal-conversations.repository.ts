import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { FollowUpStatus } from '@wk/contracts';
import { OrganisationScope } from '../common/organisation-scope';

export type Author = 'self' | 'manager';

export interface ReviewRow {
  author: Author;
  comments: Record<string, string>;
  answers: Record<string, string>;
}
export interface RatingRow {
  author: Author;
  behaviour_id: string;
  level: number | null;
}
export interface AgreementRow {
  value_id: string | null;
  what: string;
  support: string;
  due_date: string | null;
}

/** An agreement made in the previous appraisal, with its value's names and this appraisal's follow-up. */
export interface PreviousAgreementRow extends Omit<AgreementRow, 'value_id'> {
  id: string;
  cycle_name: string;
  value_name: string | null;
  value_name_en: string | null;
  follow_up_status: FollowUpStatus | null;
  follow_up_note: string | null;
  follow_up_at: Date | null;
}

export interface SharedAnswerRow {
  round_id: string;
  opens_at: Date;
  behaviour_id: string;
  level: number | null;
}

export interface ShareableRoundRow {
  round_id: string;
  cycle_name: string;
  opens_at: Date;
}

/** A review as saved: levels per behaviour (null: n.v.t.), comments per value, answers per question. */
export interface ReviewContent {
  ratings: { behaviourId: string; level: number | null }[];
  comments: Record<string, string>;
  answers: Record<string, string>;
}

export interface NewAgreement {
  valueId: string | null;
  what: string;
  support: string;
  dueDate: string | null;
}

/**
 * What the employee and the reviewer write in an appraisal: the two reviews and their ratings, the
 * agreements and the follow-up of the previous ones, and the self-assessment rounds shared by
 * consent. Every statement runs in one organisation's scope; writes run in the caller's transaction.
 */
@Injectable()
export class AppraisalConversationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private scope(organisationId: string, m?: EntityManager): OrganisationScope {
    return new OrganisationScope(m ?? this.db, organisationId);
  }

  reviews(organisationId: string, appraisalId: string): Promise<ReviewRow[]> {
    return this.scope(organisationId).rows<ReviewRow>(
      `SELECT author, comments, answers FROM appraisal_reviews WHERE organisation_id = $1 AND appraisal_id = $2`,
      [appraisalId],
    );
  }

  ratings(organisationId: string, appraisalId: string): Promise<RatingRow[]> {
    return this.scope(organisationId).rows<RatingRow>(
      `SELECT author, behaviour_id, level FROM appraisal_ratings WHERE organisation_id = $1 AND appraisal_id = $2`,
      [appraisalId],
    );
  }

  agreements(organisationId: string, appraisalId: string): Promise<AgreementRow[]> {
    return this.scope(organisationId).rows<AgreementRow>(
      `SELECT value_id, what, support, due_date::text FROM appraisal_agreements
        WHERE organisation_id = $1 AND appraisal_id = $2 ORDER BY position`,
      [appraisalId],
    );
  }

  /**
   * The agreements of the employee's latest signed appraisal in a cycle that started before this
   * one, with the value's name in both languages (the caller picks the viewer's) and the follow-up
   * recorded in appraisal `appraisalId` (the current one).
   */
  previousAgreements(
    organisationId: string,
    employeeId: string,
    cycleId: string,
    appraisalId: string,
  ): Promise<PreviousAgreementRow[]> {
    return this.scope(organisationId).rows<PreviousAgreementRow>(
      `WITH previous AS (
         SELECT a.id, c.name AS cycle_name FROM appraisals a JOIN appraisal_cycles c ON c.id = a.cycle_id
          WHERE a.organisation_id = $1 AND a.employee_id = $2 AND a.cycle_id <> $3
            AND c.period_start < (SELECT period_start FROM appraisal_cycles WHERE organisation_id = $1 AND id = $3)
            AND a.stage IN ('signed', 'closed')
          ORDER BY c.period_start DESC, a.created_at DESC LIMIT 1
       )
       SELECT g.id, p.cycle_name, v.name_nl AS value_name, v.name_en AS value_name_en, g.what, g.support,
              g.due_date::text, f.status AS follow_up_status, f.note AS follow_up_note,
              f.updated_at AS follow_up_at
         FROM previous p JOIN appraisal_agreements g ON g.appraisal_id = p.id
         LEFT JOIN experience_values v ON v.id = g.value_id
         LEFT JOIN appraisal_agreement_follow_ups f
           ON f.organisation_id = $1 AND f.appraisal_id = $4 AND f.agreement_id = g.id
        ORDER BY g.position`,
      [employeeId, cycleId, appraisalId],
    );
  }

  async sharedRoundIds(organisationId: string, appraisalId: string): Promise<string[]> {
    const rows = await this.scope(organisationId).rows<{ round_id: string }>(
      `SELECT round_id FROM appraisal_shared_rounds WHERE organisation_id = $1 AND appraisal_id = $2 ORDER BY shared_at, round_id`,
      [appraisalId],
    );
    return rows.map((r) => r.round_id);
  }

  /** The employee's own answers of the rounds shared in this appraisal (and only those). */
  sharedAnswers(organisationId: string, appraisalId: string, employeeId: string): Promise<SharedAnswerRow[]> {
    return this.scope(organisationId).rows<SharedAnswerRow>(
      `SELECT s.round_id, r.opens_at, ans.behaviour_id, ans.level
         FROM appraisal_shared_rounds s
         JOIN assessment_rounds r ON r.id = s.round_id
         JOIN assessment_invitations i ON i.round_id = s.round_id AND i.user_id = $3
         JOIN assessment_answers ans ON ans.invitation_id = i.id
        WHERE s.organisation_id = $1 AND s.appraisal_id = $2
        ORDER BY r.opens_at, s.round_id, ans.behaviour_id`,
      [appraisalId, employeeId],
    );
  }

  /** Rounds the employee was invited to (what it could share). */
  roundsOf(organisationId: string, employeeId: string): Promise<ShareableRoundRow[]> {
    return this.scope(organisationId).rows<ShareableRoundRow>(
      `SELECT r.id AS round_id, c.name AS cycle_name, r.opens_at
         FROM assessment_invitations i
         JOIN assessment_rounds r ON r.id = i.round_id JOIN assessment_cycles c ON c.id = r.cycle_id
        WHERE i.organisation_id = $1 AND i.user_id = $2 ORDER BY r.opens_at DESC`,
      [employeeId],
    );
  }

  async replaceSharedRounds(
    m: EntityManager,
    organisationId: string,
    appraisalId: string,
    roundIds: string[],
  ): Promise<void> {
    const scope = this.scope(organisationId, m);
    await scope.rows(
      `DELETE FROM appraisal_shared_rounds WHERE organisation_id = $1 AND appraisal_id = $2 AND NOT (round_id = ANY($3::uuid[]))`,
      [appraisalId, roundIds],
    );
    await scope.rows(
      `INSERT INTO appraisal_shared_rounds (organisation_id, appraisal_id, round_id)
       SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`,
      [appraisalId, roundIds],
    );
  }

  /** Writes the author's review and replaces its ratings. */
  async saveReview(
    m: EntityManager,
    organisationId: string,
    appraisalId: string,
    author: Author,
    review: ReviewContent,
  ): Promise<void> {
    const scope = this.scope(organisationId, m);
    await scope.rows(
      `INSERT INTO appraisal_reviews (organisation_id, appraisal_id, author, comments, answers)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (appraisal_id, author) DO UPDATE SET comments = $4, answers = $5, updated_at = now()`,
      [appraisalId, author, JSON.stringify(review.comments), JSON.stringify(review.answers)],
    );
    await scope.rows(
      `DELETE FROM appraisal_ratings WHERE organisation_id = $1 AND appraisal_id = $2 AND author = $3`,
      [appraisalId, author],
    );
    await scope.rows(
      `INSERT INTO appraisal_ratings (organisation_id, appraisal_id, author, behaviour_id, level)
       SELECT $1, $2, $3, b, l FROM unnest($4::uuid[], $5::smallint[]) AS x(b, l)`,
      [appraisalId, author, review.ratings.map((r) => r.behaviourId), review.ratings.map((r) => r.level)],
    );
  }

  /** Records (or replaces) how a previous agreement turned out, in appraisal `appraisalId`. */
  async saveFollowUp(
    m: EntityManager,
    organisationId: string,
    appraisalId: string,
    agreementId: string,
    userId: string,
    f: { status: FollowUpStatus; note: string },
  ): Promise<void> {
    await this.scope(organisationId, m).rows(
      `INSERT INTO appraisal_agreement_follow_ups
         (organisation_id, appraisal_id, agreement_id, status, note, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (appraisal_id, agreement_id)
       DO UPDATE SET status = EXCLUDED.status, note = EXCLUDED.note, updated_by = EXCLUDED.updated_by,
                     updated_at = now()`,
      [appraisalId, agreementId, f.status, f.note, userId],
    );
  }

  async replaceAgreements(
    m: EntityManager,
    organisationId: string,
    appraisalId: string,
    agreements: NewAgreement[],
  ): Promise<void> {
    const scope = this.scope(organisationId, m);
    await scope.rows(`DELETE FROM appraisal_agreements WHERE organisation_id = $1 AND appraisal_id = $2`, [
      appraisalId,
    ]);
    if (!agreements.length) return;
    await scope.rows(
      `INSERT INTO appraisal_agreements (organisation_id, appraisal_id, value_id, position, what, support, due_date)
       SELECT $1, $2, v, p - 1, w, s, d
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::date[]) WITH ORDINALITY AS x(v, w, s, d, p)`,
      [
        appraisalId,
        agreements.map((a) => a.valueId),
        agreements.map((a) => a.what),
        agreements.map((a) => a.support),
        agreements.map((a) => a.dueDate),
      ],
    );
  }
}
