import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppraisalStage } from '@wk/contracts';
import type { Locale } from '@wk/domain';
import { OrganisationScope } from '../common/organisation-scope';
import { REVIEWER_SQL } from './appraisal-sql';

export type CycleStatus = 'draft' | 'open' | 'closed';

/** A cycle's period, values, deadlines and form: what each of its appraisals follows. */
export interface CycleTermsRow {
  period_start: string;
  period_end: string;
  values_version_id: string;
  self_review_due: string;
  manager_review_due: string;
  conversation_due: string;
  sign_off_due: string;
  questions: { id: string; text: string }[];
  agreements_section: boolean;
}

export interface CycleRow extends CycleTermsRow {
  id: string;
  organisation_id: string;
  name: string;
  team_ids: string[];
  values_version_number: number;
  status: CycleStatus;
  opened_at: Date | null;
  created_at: Date;
  appraisals: number;
}

/** A new cycle as HR sets it up (questions already numbered). */
export interface NewCycle {
  name: string;
  periodStart: string;
  periodEnd: string;
  teamIds: string[];
  valuesVersionId: string;
  selfReviewDue: string;
  managerReviewDue: string;
  conversationDue: string;
  signOffDue: string;
  questions: { id: string; text: string }[];
  agreementsSection: boolean;
}

/** Someone to mail about an appraisal (invitation or reminder), in their own language. */
export interface Recipient {
  appraisal_id: string;
  user_id: string;
  name: string;
  email: string;
  locale: Locale;
}

export interface ProgressRow {
  team_id: string | null;
  team_name: string | null;
  stage: AppraisalStage;
  count: number;
}

export type DeadlineStage = 'self_review' | 'manager_review' | 'conversation' | 'sign_off';

const CYCLE_SELECT = `
  SELECT c.id, c.organisation_id, c.name, c.period_start::text, c.period_end::text, c.team_ids,
         c.values_version_id, v.number AS values_version_number, c.self_review_due::text,
         c.manager_review_due::text, c.conversation_due::text, c.sign_off_due::text, c.questions,
         c.agreements_section, c.status, c.opened_at, c.created_at,
         (SELECT count(*)::int FROM appraisals a WHERE a.cycle_id = c.id) AS appraisals
    FROM appraisal_cycles c JOIN value_set_versions v ON v.id = c.values_version_id`;

/** A team's scope: the teams and their sub-teams ($1 organisation, $2 team ids). */
const SCOPE_SQL = `scope AS (
  SELECT id FROM teams WHERE organisation_id = $1 AND id = ANY($2::uuid[])
  UNION SELECT c.id FROM teams c JOIN scope s ON c.parent_id = s.id WHERE c.organisation_id = $1
)`;

/** Who still has something to do at a stage's deadline, per appraisal (`u` is the person). */
const BEHIND: Record<DeadlineStage, string> = {
  self_review: `a.self_submitted_at IS NULL AND u.id = a.employee_id`,
  manager_review: `a.manager_submitted_at IS NULL AND u.id = a.reviewer_id`,
  conversation: `a.meeting_date IS NULL AND a.reviewer_signed_at IS NULL AND u.id = a.reviewer_id`,
  sign_off: `((a.employee_signed_at IS NULL AND u.id = a.employee_id)
              OR (a.reviewer_signed_at IS NULL AND u.id = a.reviewer_id))`,
};

/**
 * HR's appraisal cycles (appraisal_cycles): create, open (the appraisals of the audience), close,
 * progress and who to mail. Every statement runs in one organisation's scope; those that take an
 * EntityManager run inside the caller's transaction (AppraisalsRepository.transaction).
 */
@Injectable()
export class AppraisalCyclesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private scope(organisationId: string, m?: EntityManager): OrganisationScope {
    return new OrganisationScope(m ?? this.db, organisationId);
  }

  /** A new draft cycle; `m`: inside the caller's transaction (the demo seeder's). */
  async insert(organisationId: string, c: NewCycle, m?: EntityManager): Promise<string> {
    const [row] = await this.scope(organisationId, m).rows<{ id: string }>(
      `INSERT INTO appraisal_cycles (organisation_id, name, period_start, period_end, team_ids, values_version_id,
         self_review_due, manager_review_due, conversation_due, sign_off_due, questions, agreements_section)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        c.name,
        c.periodStart,
        c.periodEnd,
        c.teamIds,
        c.valuesVersionId,
        c.selfReviewDue,
        c.managerReviewDue,
        c.conversationDue,
        c.signOffDue,
        JSON.stringify(c.questions),
        c.agreementsSection,
      ],
    );
    return row.id;
  }

  cycles(organisationId: string): Promise<CycleRow[]> {
    return this.scope(organisationId).rows<CycleRow>(
      `${CYCLE_SELECT} WHERE c.organisation_id = $1 ORDER BY c.period_start DESC, c.created_at DESC, c.id`,
    );
  }

  async cycle(organisationId: string, id: string, m?: EntityManager): Promise<CycleRow | null> {
    const row = await this.scope(organisationId, m).one<CycleRow>(
      `${CYCLE_SELECT} WHERE c.organisation_id = $1 AND c.id = $2`,
      [id],
    );
    return row ?? null;
  }

  /** Takes the cycle's row lock (false: no such cycle); serialises concurrent openings. */
  async lock(m: EntityManager, organisationId: string, id: string): Promise<boolean> {
    const rows = await this.scope(organisationId, m).rows(
      `SELECT 1 FROM appraisal_cycles WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
      [id],
    );
    return rows.length > 0;
  }

  /** Opens or closes the cycle; closing also closes its signed appraisals. */
  async setStatus(
    m: EntityManager,
    organisationId: string,
    id: string,
    status: 'open' | 'closed',
  ): Promise<void> {
    const scope = this.scope(organisationId, m);
    await scope.rows(
      `UPDATE appraisal_cycles SET status = $3::text, updated_at = now(),
         opened_at = CASE WHEN $3::text = 'open' THEN coalesce(opened_at, now()) ELSE opened_at END,
         closed_at = CASE WHEN $3::text = 'closed' THEN now() ELSE closed_at END
       WHERE organisation_id = $1 AND id = $2`,
      [id, status],
    );
    if (status === 'closed')
      await scope.rows(
        `UPDATE appraisals SET stage = 'closed', updated_at = now(), version = version + 1
          WHERE organisation_id = $1 AND cycle_id = $2 AND stage = 'signed'`,
        [id],
      );
  }

  /**
   * One appraisal per active person in the audience; a person who has one keeps it (unique per
   * cycle and person). Returns the ids created now.
   */
  async createAppraisals(
    m: EntityManager,
    organisationId: string,
    cycleId: string,
    teamIds: string[],
  ): Promise<string[]> {
    const rows = await this.scope(organisationId, m).rows<{ id: string }>(
      `WITH RECURSIVE ${SCOPE_SQL}
       INSERT INTO appraisals (organisation_id, cycle_id, employee_id, reviewer_id, team_id)
       SELECT u.organisation_id, $3, u.id, ${REVIEWER_SQL}, u.team_id
         FROM users u
        WHERE u.organisation_id = $1 AND u.status <> 'deactivated'
          AND (cardinality($2::uuid[]) = 0 OR u.team_id IN (SELECT id FROM scope))
       ON CONFLICT (cycle_id, employee_id) DO NOTHING
       RETURNING id`,
      [teamIds, cycleId],
    );
    return rows.map((r) => r.id);
  }

  /** Everyone of the cycle with their appraisal, for the invitation mails (the outbox skips sent ones). */
  employeesOf(m: EntityManager, organisationId: string, cycleId: string): Promise<Recipient[]> {
    return this.scope(organisationId, m).rows<Recipient>(
      `SELECT a.id AS appraisal_id, u.id AS user_id, u.name, u.email, coalesce(u.locale, o.locale) AS locale
         FROM appraisals a JOIN users u ON u.id = a.employee_id JOIN organisations o ON o.id = a.organisation_id
        WHERE a.organisation_id = $1 AND a.cycle_id = $2 AND u.status <> 'deactivated'
        ORDER BY a.id`,
      [cycleId],
    );
  }

  /** Who is behind at a stage's deadline: the person who still has something to do, per appraisal. */
  behind(organisationId: string, cycleId: string, stage: DeadlineStage): Promise<Recipient[]> {
    return this.scope(organisationId).rows<Recipient>(
      `SELECT a.id AS appraisal_id, u.id AS user_id, u.name, u.email, coalesce(u.locale, o.locale) AS locale
         FROM appraisals a
         JOIN users u ON u.id IN (a.employee_id, a.reviewer_id)
         JOIN organisations o ON o.id = a.organisation_id
        WHERE a.organisation_id = $1 AND a.cycle_id = $2 AND u.status <> 'deactivated'
          AND a.stage NOT IN ('signed', 'closed') AND ${BEHIND[stage]}
        ORDER BY a.id, u.id`,
      [cycleId],
    );
  }

  /** The cycle's appraisals counted per team at opening and stage. */
  progress(organisationId: string, cycleId: string): Promise<ProgressRow[]> {
    return this.scope(organisationId).rows<ProgressRow>(
      `SELECT a.team_id, t.name AS team_name, a.stage, count(*)::int AS count
         FROM appraisals a LEFT JOIN teams t ON t.id = a.team_id
        WHERE a.organisation_id = $1 AND a.cycle_id = $2
        GROUP BY a.team_id, t.name, a.stage ORDER BY t.name NULLS LAST, a.stage`,
      [cycleId],
    );
  }
}
