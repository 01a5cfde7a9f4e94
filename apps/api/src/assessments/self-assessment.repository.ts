import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SelfLevel } from '@wk/domain';
import type { SelfAssessmentForm } from '@wk/contracts';
import { OrganisationRepository } from '../common/organisation-repository';

/** One invitation as its personal link opens it, with its round's state and the names the form shows. */
export interface InvitationRow {
  id: string;
  round_id: string;
  organisation_id: string;
  values_version_id: string;
  completed_at: Date | null;
  closes_at: Date;
  closed: boolean;
  cycle_name: string;
  organisation_name: string;
  person_name: string;
}

/** A round the person was invited to, with the state of their invitation. */
export interface MyRoundRow {
  invitation_id: string;
  round_id: string;
  cycle_name: string;
  opens_at: Date;
  closes_at: Date;
  closed: boolean;
  completed_at: Date | null;
  values_version_id: string;
}

export interface MyAnswerRow {
  invitation_id: string;
  behaviour_id: string;
  value_key: string;
  text_nl: string;
  text_en: string;
  level: SelfLevel | null;
}

/**
 * The employee's own form and history: one invitation's answers and examples. Statements on the round's content
 * run in the invitation's organisation; answers and examples are keyed by the invitation itself.
 * Methods that take an EntityManager run inside the caller's transaction.
 */
@Injectable()
export class SelfAssessmentRepository extends OrganisationRepository {
  get manager(): EntityManager {
    return this.db.manager;
  }

  /** The invitation of a link (by the token's hash); `lock` holds it for the transaction. */
  async invitation(m: EntityManager, tokenHash: string, lock: boolean): Promise<InvitationRow | undefined> {
    const [row]: InvitationRow[] = await m.query(
      `SELECT i.id, i.round_id, i.organisation_id, i.completed_at, r.values_version_id, r.closes_at,
              -- A suspended organisation's rounds read as closed: the form shows, nothing changes.
              (r.closed_at IS NOT NULL OR r.closes_at <= now() OR o.status <> 'active') AS closed,
              c.name AS cycle_name, o.name AS organisation_name, u.name AS person_name
         FROM assessment_invitations i
         JOIN assessment_rounds r ON r.id = i.round_id
         JOIN assessment_cycles c ON c.id = r.cycle_id
         JOIN organisations o ON o.id = i.organisation_id
         JOIN users u ON u.id = i.user_id AND u.status <> 'deactivated'
        WHERE i.token_hash = $1 ${lock ? 'FOR UPDATE OF i' : ''}`,
      [tokenHash],
    );
    return row;
  }

  /** The values of the round's version with their behaviours, in the house's order. */
  values(invitation: InvitationRow): Promise<SelfAssessmentForm['values']> {
    return this.scope(invitation.organisation_id).rows(
      `SELECT e.id, e.key, e.name_nl AS "nameNl", e.name_en AS "nameEn",
              coalesce(json_agg(json_build_object('id', b.id, 'key', b.key, 'textNl', b.text_nl, 'textEn', b.text_en)
                       ORDER BY b.position) FILTER (WHERE b.id IS NOT NULL), '[]') AS behaviours
         FROM experience_values e LEFT JOIN value_behaviours b ON b.value_id = e.id
        WHERE e.organisation_id = $1 AND e.version_id = $2
        GROUP BY e.id ORDER BY e.position`,
      [invitation.values_version_id],
    );
  }

  answers(invitationId: string): Promise<{ behaviour_id: string; level: SelfLevel | null }[]> {
    return this.db.query(`SELECT behaviour_id, level FROM assessment_answers WHERE invitation_id = $1`, [
      invitationId,
    ]);
  }

  examples(invitationId: string): Promise<{ value_id: string; text: string }[]> {
    return this.db.query(`SELECT value_id, text FROM assessment_examples WHERE invitation_id = $1`, [
      invitationId,
    ]);
  }

  /** Which of `ids` are behaviours (or values, with `of: 'values'`) of the invitation's version. */
  async knownIds(m: EntityManager, invitation: InvitationRow, of: 'behaviours' | 'values', ids: string[]) {
    const table = of === 'behaviours' ? 'value_behaviours' : 'experience_values';
    const rows = await this.scope(invitation.organisation_id, m).rows<{ id: string }>(
      `SELECT id FROM ${table} WHERE organisation_id = $1 AND version_id = $2 AND id = ANY($3::uuid[])`,
      [invitation.values_version_id, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async saveAnswers(
    m: EntityManager,
    invitation: InvitationRow,
    answers: { behaviourId: string; level: SelfLevel | null }[],
  ) {
    await this.scope(invitation.organisation_id, m).rows(
      `INSERT INTO assessment_answers (organisation_id, invitation_id, behaviour_id, level)
       SELECT $1, $2, behaviour_id, level FROM unnest($3::uuid[], $4::smallint[]) AS x(behaviour_id, level)
       ON CONFLICT (invitation_id, behaviour_id) DO UPDATE SET level = excluded.level, updated_at = now()`,
      [invitation.id, answers.map((a) => a.behaviourId), answers.map((a) => a.level)],
    );
  }

  /** Stores or replaces the example of a value; an empty text removes it. */
  async saveExample(m: EntityManager, invitation: InvitationRow, valueId: string, text: string) {
    if (!text) {
      await m.query(`DELETE FROM assessment_examples WHERE invitation_id = $1 AND value_id = $2`, [
        invitation.id,
        valueId,
      ]);
      return;
    }
    await this.scope(invitation.organisation_id, m).rows(
      `INSERT INTO assessment_examples (organisation_id, invitation_id, value_id, text) VALUES ($1, $2, $3, $4)
       ON CONFLICT (invitation_id, value_id) DO UPDATE SET text = excluded.text, updated_at = now()`,
      [invitation.id, valueId, text],
    );
  }

  /** Behaviours of the version the invitation has no answer for yet, in the house's order. */
  unanswered(m: EntityManager, invitation: InvitationRow): Promise<{ id: string }[]> {
    return this.scope(invitation.organisation_id, m).rows(
      `SELECT b.id FROM value_behaviours b
        WHERE b.organisation_id = $1 AND b.version_id = $2
          AND NOT EXISTS (SELECT 1 FROM assessment_answers a WHERE a.invitation_id = $3 AND a.behaviour_id = b.id)
        ORDER BY b.position`,
      [invitation.values_version_id, invitation.id],
    );
  }

  /** Marks the invitation completed; completing again keeps the first moment. */
  async complete(m: EntityManager, invitationId: string): Promise<void> {
    await m.query(
      `UPDATE assessment_invitations SET completed_at = coalesce(completed_at, now()) WHERE id = $1`,
      [invitationId],
    );
  }

  /** The person's team and the organisation's anonymity minimum. */
  async person(organisationId: string, userId: string) {
    const row = await this.scope(organisationId).one<{
      team_id: string | null;
      anonymity_minimum: number;
    }>(
      `SELECT u.team_id, o.anonymity_minimum FROM users u JOIN organisations o ON o.id = u.organisation_id
        WHERE u.organisation_id = $1 AND u.id = $2`,
      [userId],
    );
    return row!;
  }

  /** Every round the person was invited to, oldest first. */
  myRounds(organisationId: string, userId: string): Promise<MyRoundRow[]> {
    return this.scope(organisationId).rows(
      `SELECT i.id AS invitation_id, r.id AS round_id, c.name AS cycle_name, r.opens_at, r.closes_at,
              (r.closed_at IS NOT NULL OR r.closes_at <= now()) AS closed, i.completed_at, r.values_version_id
         FROM assessment_invitations i
         JOIN assessment_rounds r ON r.id = i.round_id
         JOIN assessment_cycles c ON c.id = r.cycle_id
        WHERE i.organisation_id = $1 AND i.user_id = $2
        ORDER BY r.opens_at`,
      [userId],
    );
  }

  /** The values of these versions, in the house's order. */
  versionValues(
    organisationId: string,
    versionIds: string[],
  ): Promise<{ version_id: string; key: string; name_nl: string; name_en: string }[]> {
    return this.scope(organisationId).rows(
      `SELECT version_id, key, name_nl, name_en FROM experience_values
        WHERE organisation_id = $1 AND version_id = ANY($2::uuid[]) ORDER BY position`,
      [versionIds],
    );
  }

  /** The answers of these invitations with their behaviour's text, in the house's order. */
  answersOf(organisationId: string, invitationIds: string[]): Promise<MyAnswerRow[]> {
    return this.scope(organisationId).rows(
      `SELECT a.invitation_id, b.id AS behaviour_id, e.key AS value_key, b.text_nl, b.text_en, a.level
         FROM assessment_answers a
         JOIN value_behaviours b ON b.id = a.behaviour_id
         JOIN experience_values e ON e.id = b.value_id
        WHERE a.organisation_id = $1 AND a.invitation_id = ANY($2::uuid[])
        ORDER BY e.position, b.position`,
      [invitationIds],
    );
  }
}
