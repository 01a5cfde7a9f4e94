import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SelfLevel } from '@wk/domain';
import type { SaveAnswersRequest, SelfAssessmentForm } from '@wk/contracts';
import { DomainError, invalid } from '../common/domain-error';
import { KpiRefreshService } from '../insights/kpi-refresh.service';
import { RoundsService } from './rounds.service';

interface InvitationRow {
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

/** The same answer for an unknown, forged or foreign link: nothing tells them apart. */
const unknownLink = () => new DomainError('unknown_link', 'This link is not valid', HttpStatus.NOT_FOUND);
const roundClosed = () =>
  new DomainError('round_closed', 'This round has closed; answers can no longer change', HttpStatus.CONFLICT);

/**
 * The employee's form, opened by the personal link: the link is the key to one invitation of one
 * round, nothing else. Answers can change until the round closes.
 */
@Injectable()
export class SelfAssessmentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly kpis: KpiRefreshService,
  ) {}

  async form(token: string): Promise<SelfAssessmentForm> {
    const invitation = await this.invitation(this.db.manager, token);
    const values = await this.db.query(
      `SELECT e.id, e.key, e.name_nl AS "nameNl", e.name_en AS "nameEn",
              coalesce(json_agg(json_build_object('id', b.id, 'key', b.key, 'textNl', b.text_nl, 'textEn', b.text_en)
                       ORDER BY b.position) FILTER (WHERE b.id IS NOT NULL), '[]') AS behaviours
         FROM experience_values e LEFT JOIN value_behaviours b ON b.value_id = e.id
        WHERE e.organisation_id = $1 AND e.version_id = $2
        GROUP BY e.id ORDER BY e.position`,
      [invitation.organisation_id, invitation.values_version_id],
    );
    const answers: { behaviour_id: string; level: SelfLevel | null }[] = await this.db.query(
      `SELECT behaviour_id, level FROM assessment_answers WHERE invitation_id = $1`,
      [invitation.id],
    );
    const examples: { value_id: string; text: string }[] = await this.db.query(
      `SELECT value_id, text FROM assessment_examples WHERE invitation_id = $1`,
      [invitation.id],
    );
    return {
      cycleName: invitation.cycle_name,
      organisationName: invitation.organisation_name,
      personName: invitation.person_name,
      closesAt: invitation.closes_at.toISOString(),
      closed: invitation.closed,
      completedAt: invitation.completed_at?.toISOString() ?? null,
      values,
      answers: Object.fromEntries(answers.map((a) => [a.behaviour_id, a.level])),
      examples: Object.fromEntries(examples.map((e) => [e.value_id, e.text])),
    };
  }

  /** Autosave: stores the given answers (a draft until submitted); other answers stay as they are. */
  async save(token: string, request: SaveAnswersRequest): Promise<SelfAssessmentForm> {
    const roundId = await this.db.transaction(async (m) => {
      const invitation = await this.invitation(m, token, true);
      if (invitation.closed) throw roundClosed();
      await this.assertBehaviours(m, invitation, request);
      await this.saveExamples(m, invitation, request.examples ?? []);
      if (request.answers.length) {
        await m.query(
          `INSERT INTO assessment_answers (organisation_id, invitation_id, behaviour_id, level)
           SELECT $1, $2, behaviour_id, level FROM unnest($3::uuid[], $4::smallint[]) AS x(behaviour_id, level)
           ON CONFLICT (invitation_id, behaviour_id) DO UPDATE SET level = excluded.level, updated_at = now()`,
          [
            invitation.organisation_id,
            invitation.id,
            request.answers.map((a) => a.behaviourId),
            request.answers.map((a) => a.level),
          ],
        );
      }
      return invitation.round_id;
    });
    await this.kpis.roundChanged(roundId);
    return this.form(token);
  }

  /** Completes the form: every behaviour needs an answer (a level or n.v.t.). */
  async submit(token: string): Promise<SelfAssessmentForm> {
    const roundId = await this.db.transaction(async (m) => {
      const invitation = await this.invitation(m, token, true);
      if (invitation.closed) throw roundClosed();
      const missing: { id: string }[] = await m.query(
        `SELECT b.id FROM value_behaviours b
          WHERE b.organisation_id = $1 AND b.version_id = $2
            AND NOT EXISTS (SELECT 1 FROM assessment_answers a WHERE a.invitation_id = $3 AND a.behaviour_id = b.id)
          ORDER BY b.position`,
        [invitation.organisation_id, invitation.values_version_id, invitation.id],
      );
      if (missing.length) {
        throw new DomainError(
          'incomplete',
          `${missing.length} behaviour(s) have no answer yet`,
          HttpStatus.BAD_REQUEST,
          missing.map((b) => ({ field: `answers.${b.id}`, message: 'needs an answer (a level or n.v.t.)' })),
        );
      }
      await m.query(
        `UPDATE assessment_invitations SET completed_at = coalesce(completed_at, now()) WHERE id = $1`,
        [invitation.id],
      );
      return invitation.round_id;
    });
    await this.kpis.roundChanged(roundId);
    return this.form(token);
  }

  private async invitation(m: EntityManager, token: string, lock = false): Promise<InvitationRow> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw unknownLink();
    const [row]: InvitationRow[] = await m.query(
      `SELECT i.id, i.round_id, i.organisation_id, i.completed_at, r.values_version_id, r.closes_at,
              (r.closed_at IS NOT NULL OR r.closes_at <= now()) AS closed,
              c.name AS cycle_name, o.name AS organisation_name, u.name AS person_name
         FROM assessment_invitations i
         JOIN assessment_rounds r ON r.id = i.round_id
         JOIN assessment_cycles c ON c.id = r.cycle_id
         JOIN organisations o ON o.id = i.organisation_id
         JOIN users u ON u.id = i.user_id AND u.status <> 'deactivated'
        WHERE i.token_hash = $1 ${lock ? 'FOR UPDATE OF i' : ''}`,
      [RoundsService.hash(token)],
    );
    if (!row) throw unknownLink();
    return row;
  }

  /** Examples per value of the round's version: stored, replaced, or removed when emptied. */
  private async saveExamples(
    m: EntityManager,
    invitation: InvitationRow,
    examples: { valueId: string; text: string }[],
  ) {
    if (!examples.length) return;
    const known: { id: string }[] = await m.query(
      `SELECT id FROM experience_values WHERE organisation_id = $1 AND version_id = $2 AND id = ANY($3::uuid[])`,
      [invitation.organisation_id, invitation.values_version_id, examples.map((e) => e.valueId)],
    );
    const knownIds = new Set(known.map((k) => k.id));
    examples.forEach((e, i) => {
      if (!knownIds.has(e.valueId)) throw invalid(`examples[${i}].valueId`, 'is not a value of this round');
    });
    for (const e of examples) {
      if (e.text) {
        await m.query(
          `INSERT INTO assessment_examples (organisation_id, invitation_id, value_id, text) VALUES ($1, $2, $3, $4)
           ON CONFLICT (invitation_id, value_id) DO UPDATE SET text = excluded.text, updated_at = now()`,
          [invitation.organisation_id, invitation.id, e.valueId, e.text],
        );
      } else {
        await m.query(`DELETE FROM assessment_examples WHERE invitation_id = $1 AND value_id = $2`, [
          invitation.id,
          e.valueId,
        ]);
      }
    }
  }

  /** Only behaviours of the round's values version, each at most once. */
  private async assertBehaviours(m: EntityManager, invitation: InvitationRow, request: SaveAnswersRequest) {
    const ids = request.answers.map((a) => a.behaviourId);
    const known: { id: string }[] = await m.query(
      `SELECT id FROM value_behaviours WHERE organisation_id = $1 AND version_id = $2 AND id = ANY($3::uuid[])`,
      [invitation.organisation_id, invitation.values_version_id, ids],
    );
    const knownIds = new Set(known.map((k) => k.id));
    const seen = new Set<string>();
    request.answers.forEach((a, i) => {
      if (!knownIds.has(a.behaviourId))
        throw invalid(`answers[${i}].behaviourId`, 'is not a behaviour of this round');
      if (seen.has(a.behaviourId)) throw invalid(`answers[${i}].behaviourId`, 'is answered twice');
      seen.add(a.behaviourId);
    });
  }
}
