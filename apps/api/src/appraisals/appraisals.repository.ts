import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppraisalStage, FollowUpStatus } from '@wk/contracts';
import type { Locale } from '@wk/domain';
import { returnedRows } from '../common/sql';

export interface CycleRow {
  id: string;
  organisation_id: string;
  name: string;
  period_start: string;
  period_end: string;
  team_ids: string[];
  values_version_id: string;
  values_version_number: number;
  self_review_due: string;
  manager_review_due: string;
  conversation_due: string;
  sign_off_due: string;
  questions: { id: string; text: string }[];
  agreements_section: boolean;
  status: 'draft' | 'open' | 'closed';
  opened_at: Date | null;
  created_at: Date;
  appraisals: number;
}

export interface AppraisalRow {
  id: string;
  organisation_id: string;
  cycle_id: string;
  cycle_name: string;
  cycle_status: 'draft' | 'open' | 'closed';
  values_version_id: string;
  period_start: string;
  period_end: string;
  self_review_due: string;
  manager_review_due: string;
  conversation_due: string;
  sign_off_due: string;
  questions: { id: string; text: string }[];
  agreements_section: boolean;
  employee_id: string;
  employee_name: string;
  reviewer_id: string | null;
  reviewer_name: string | null;
  /** The reviewer's account today (null: none, or deleted). */
  reviewer_status: string | null;
  reviewer_role: string | null;
  /** The team at opening (progress and calibration count here). */
  team_id: string | null;
  team_name: string | null;
  /** The employee's team today (the team context beside the conversation follows it). */
  current_team_id: string | null;
  current_team_name: string | null;
  stage: AppraisalStage;
  self_submitted_at: Date | null;
  manager_submitted_at: Date | null;
  /** Who submitted the manager review (calibration counts it there, whoever reviews now). */
  manager_submitted_by: string | null;
  released_at: Date | null;
  meeting_date: string | null;
  shared_notes: string;
  employee_signed_at: Date | null;
  reviewer_signed_at: Date | null;
  employee_remark: string;
  employee_disagrees: boolean;
  version: number;
}

export interface ReviewRow {
  author: 'self' | 'manager';
  comments: Record<string, string>;
  answers: Record<string, string>;
}
export interface RatingRow {
  author: 'self' | 'manager';
  behaviour_id: string;
  level: number | null;
}
export interface AgreementRow {
  value_id: string | null;
  what: string;
  support: string;
  due_date: string | null;
}
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
export interface Recipient {
  appraisal_id: string;
  user_id: string;
  name: string;
  email: string;
  locale: Locale;
}

const CYCLE_SELECT = `
  SELECT c.id, c.organisation_id, c.name, c.period_start::text, c.period_end::text, c.team_ids,
         c.values_version_id, v.number AS values_version_number, c.self_review_due::text,
         c.manager_review_due::text, c.conversation_due::text, c.sign_off_due::text, c.questions,
         c.agreements_section, c.status, c.opened_at, c.created_at,
         (SELECT count(*)::int FROM appraisals a WHERE a.cycle_id = c.id) AS appraisals
    FROM appraisal_cycles c JOIN value_set_versions v ON v.id = c.values_version_id`;

const APPRAISAL_SELECT = `
  SELECT a.id, a.organisation_id, a.cycle_id, c.name AS cycle_name, c.status AS cycle_status,
         c.values_version_id, c.period_start::text, c.period_end::text, c.self_review_due::text,
         c.manager_review_due::text, c.conversation_due::text, c.sign_off_due::text, c.questions,
         c.agreements_section, a.employee_id, e.name AS employee_name, a.reviewer_id,
         r.name AS reviewer_name, r.status AS reviewer_status, r.role AS reviewer_role, a.team_id,
         t.name AS team_name, e.team_id AS current_team_id, ct.name AS current_team_name, a.stage,
         a.self_submitted_at, a.manager_submitted_at, a.manager_submitted_by, a.released_at,
         a.meeting_date::text, a.shared_notes, a.employee_signed_at, a.reviewer_signed_at,
         a.employee_remark, a.employee_disagrees, a.version
    FROM appraisals a
    JOIN appraisal_cycles c ON c.id = a.cycle_id
    JOIN users e ON e.id = a.employee_id
    LEFT JOIN users r ON r.id = a.reviewer_id
    LEFT JOIN teams t ON t.id = a.team_id
    LEFT JOIN teams ct ON ct.id = e.team_id`;

/** A team's scope: the teams and their sub-teams ($1 organisation, $2 team ids). */
const SCOPE_SQL = `scope AS (
  SELECT id FROM teams WHERE organisation_id = $1 AND id = ANY($2::uuid[])
  UNION SELECT c.id FROM teams c JOIN scope s ON c.parent_id = s.id WHERE c.organisation_id = $1
)`;

/**
 * The reviewer of each person: a manager of the person's team, else of the nearest ancestor team
 * that has one (never the person itself; active managers only; the first by name when several).
 */
export const REVIEWER_SQL = `(
  WITH RECURSIVE up AS (
    SELECT u.team_id AS team_id, 0 AS depth
    UNION ALL
    SELECT t.parent_id, up.depth + 1 FROM up JOIN teams t ON t.id = up.team_id
     WHERE t.parent_id IS NOT NULL AND up.depth < 50
  )
  SELECT m.user_id FROM up
    JOIN team_managers m ON m.team_id = up.team_id
    JOIN users mu ON mu.id = m.user_id AND mu.status <> 'deactivated'
   WHERE m.user_id <> u.id
   ORDER BY up.depth, mu.name, mu.id LIMIT 1
)`;

/** The appraisal tables' SQL. Every use-case query takes the organisation and filters on it here. */
@Injectable()
export class AppraisalsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  private q(m?: EntityManager) {
    return m ?? this.db.manager;
  }

  async organisation(id: string): Promise<{ name: string; locale: Locale; time_zone: string }> {
    const [row] = await this.db.query(`SELECT name, locale, time_zone FROM organisations WHERE id = $1`, [
      id,
    ]);
    return row;
  }

  async publishedVersion(organisationId: string, id: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM value_set_versions WHERE organisation_id = $1 AND id = $2 AND status = 'published'`,
      [organisationId, id],
    );
    return rows.length > 0;
  }

  async existingTeams(organisationId: string, ids: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM teams WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
      [organisationId, ids],
    );
    return rows.map((r) => r.id);
  }

  async insertCycle(
    organisationId: string,
    c: {
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
    },
  ): Promise<string> {
    const [row] = await this.db.query(
      `INSERT INTO appraisal_cycles (organisation_id, name, period_start, period_end, team_ids, values_version_id,
         self_review_due, manager_review_due, conversation_due, sign_off_due, questions, agreements_section)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        organisationId,
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

  async cycles(organisationId: string): Promise<CycleRow[]> {
    return this.db.query(
      `${CYCLE_SELECT} WHERE c.organisation_id = $1 ORDER BY c.period_start DESC, c.created_at DESC, c.id`,
      [organisationId],
    );
  }

  async cycle(organisationId: string, id: string, m?: EntityManager): Promise<CycleRow | null> {
    const [row] = await this.q(m).query(`${CYCLE_SELECT} WHERE c.organisation_id = $1 AND c.id = $2`, [
      organisationId,
      id,
    ]);
    return row ?? null;
  }

  async lockCycle(m: EntityManager, organisationId: string, id: string): Promise<boolean> {
    const rows = await m.query(
      `SELECT 1 FROM appraisal_cycles WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
      [organisationId, id],
    );
    return rows.length > 0;
  }

  /** Open cycles of every organisation (the reminder job plans from them). */
  async openCycles(): Promise<{ id: string; organisation_id: string }[]> {
    return this.db.query(`SELECT id, organisation_id FROM appraisal_cycles WHERE status = 'open'`);
  }

  async setCycleStatus(
    m: EntityManager,
    organisationId: string,
    id: string,
    status: 'open' | 'closed',
  ): Promise<void> {
    await m.query(
      `UPDATE appraisal_cycles SET status = $3::text, updated_at = now(),
         opened_at = CASE WHEN $3::text = 'open' THEN coalesce(opened_at, now()) ELSE opened_at END,
         closed_at = CASE WHEN $3::text = 'closed' THEN now() ELSE closed_at END
       WHERE organisation_id = $1 AND id = $2`,
      [organisationId, id, status],
    );
    if (status === 'closed')
      await m.query(
        `UPDATE appraisals SET stage = 'closed', updated_at = now(), version = version + 1
          WHERE organisation_id = $1 AND cycle_id = $2 AND stage = 'signed'`,
        [organisationId, id],
      );
  }

  /**
   * One appraisal per active person in the audience; a person who has one keeps it (unique per
   * cycle and person). Returns the ids created now.
   */
  async createAppraisals(m: EntityManager, organisationId: string, cycleId: string, teamIds: string[]) {
    const rows: { id: string }[] = await m.query(
      `WITH RECURSIVE ${SCOPE_SQL}
       INSERT INTO appraisals (organisation_id, cycle_id, employee_id, reviewer_id, team_id)
       SELECT u.organisation_id, $3, u.id, ${REVIEWER_SQL}, u.team_id
         FROM users u
        WHERE u.organisation_id = $1 AND u.status <> 'deactivated'
          AND (cardinality($2::uuid[]) = 0 OR u.team_id IN (SELECT id FROM scope))
       ON CONFLICT (cycle_id, employee_id) DO NOTHING
       RETURNING id`,
      [organisationId, teamIds, cycleId],
    );
    return rows.map((r) => r.id);
  }

  /** Everyone of the cycle with their appraisal, for the invitation mails (the outbox skips sent ones). */
  async employeesOf(m: EntityManager, organisationId: string, cycleId: string): Promise<Recipient[]> {
    return m.query(
      `SELECT a.id AS appraisal_id, u.id AS user_id, u.name, u.email, coalesce(u.locale, o.locale) AS locale
         FROM appraisals a JOIN users u ON u.id = a.employee_id JOIN organisations o ON o.id = a.organisation_id
        WHERE a.organisation_id = $1 AND a.cycle_id = $2 AND u.status <> 'deactivated'
        ORDER BY a.id`,
      [organisationId, cycleId],
    );
  }

  /** Who is behind at a stage's deadline: the person who still has something to do, per appraisal. */
  async behind(
    organisationId: string,
    cycleId: string,
    stage: 'self_review' | 'manager_review' | 'conversation' | 'sign_off',
  ): Promise<Recipient[]> {
    const condition = {
      self_review: `a.self_submitted_at IS NULL AND u.id = a.employee_id`,
      manager_review: `a.manager_submitted_at IS NULL AND u.id = a.reviewer_id`,
      conversation: `a.meeting_date IS NULL AND a.reviewer_signed_at IS NULL AND u.id = a.reviewer_id`,
      sign_off: `((a.employee_signed_at IS NULL AND u.id = a.employee_id)
                  OR (a.reviewer_signed_at IS NULL AND u.id = a.reviewer_id))`,
    }[stage];
    return this.db.query(
      `SELECT a.id AS appraisal_id, u.id AS user_id, u.name, u.email, coalesce(u.locale, o.locale) AS locale
         FROM appraisals a
         JOIN users u ON u.id IN (a.employee_id, a.reviewer_id)
         JOIN organisations o ON o.id = a.organisation_id
        WHERE a.organisation_id = $1 AND a.cycle_id = $2 AND u.status <> 'deactivated'
          AND a.stage NOT IN ('signed', 'closed') AND ${condition}
        ORDER BY a.id, u.id`,
      [organisationId, cycleId],
    );
  }

  async progress(organisationId: string, cycleId: string) {
    return this.db.query(
      `SELECT a.team_id, t.name AS team_name, a.stage, count(*)::int AS count
         FROM appraisals a LEFT JOIN teams t ON t.id = a.team_id
        WHERE a.organisation_id = $1 AND a.cycle_id = $2
        GROUP BY a.team_id, t.name, a.stage ORDER BY t.name NULLS LAST, a.stage`,
      [organisationId, cycleId],
    ) as Promise<
      { team_id: string | null; team_name: string | null; stage: AppraisalStage; count: number }[]
    >;
  }

  async anonymityMinimum(organisationId: string): Promise<number> {
    const [row] = await this.db.query(`SELECT anonymity_minimum FROM organisations WHERE id = $1`, [
      organisationId,
    ]);
    return row.anonymity_minimum;
  }

  /**
   * Submitted manager ratings counted per group (team at opening, or the person who submitted the
   * manager review, whoever reviews now), value and level, with the group's number of submitted
   * manager reviews; n.v.t. is left out.
   */
  async managerRatingCounts(organisationId: string, cycleId: string, by: 'team' | 'reviewer') {
    const group = by === 'team' ? 'a.team_id' : 'a.manager_submitted_by';
    const name =
      by === 'team'
        ? `(SELECT name FROM teams WHERE id = a.team_id)`
        : `(SELECT name FROM users WHERE id = a.manager_submitted_by)`;
    return this.db.query(
      `WITH reviewed AS (
         SELECT a.id, ${group} AS group_id, ${name} AS group_name
           FROM appraisals a
          WHERE a.organisation_id = $1 AND a.cycle_id = $2 AND a.manager_submitted_at IS NOT NULL
       ), sizes AS (
         SELECT group_id, group_name, count(*)::int AS n FROM reviewed GROUP BY group_id, group_name
       )
       SELECT s.group_id, s.group_name, s.n, b.value_id, r.level, count(r.level)::int AS count
         FROM sizes s
         LEFT JOIN reviewed x ON x.group_id IS NOT DISTINCT FROM s.group_id
         LEFT JOIN appraisal_ratings r ON r.appraisal_id = x.id AND r.author = 'manager' AND r.level IS NOT NULL
         LEFT JOIN value_behaviours b ON b.id = r.behaviour_id
        GROUP BY s.group_id, s.group_name, s.n, b.value_id, r.level
        ORDER BY s.group_name NULLS LAST, s.group_id`,
      [organisationId, cycleId],
    ) as Promise<
      {
        group_id: string | null;
        group_name: string | null;
        n: number;
        value_id: string | null;
        level: number | null;
        count: number;
      }[]
    >;
  }

  /** Submitted manager ratings of one value (by key) per cycle over the organisation, newest cycles first. */
  async managerRatingsOfValue(organisationId: string, valueKey: string) {
    return this.db.query(
      `SELECT c.id AS cycle_id, c.name AS cycle_name, c.period_end::text, count(DISTINCT a.id)::int AS n,
              avg(r.level)::float AS mean
         FROM appraisals a
         JOIN appraisal_cycles c ON c.id = a.cycle_id
         JOIN appraisal_ratings r ON r.appraisal_id = a.id AND r.author = 'manager' AND r.level IS NOT NULL
         JOIN value_behaviours b ON b.id = r.behaviour_id
         JOIN experience_values v ON v.id = b.value_id AND v.key = $2
        WHERE a.organisation_id = $1 AND a.manager_submitted_at IS NOT NULL
        GROUP BY c.id, c.name, c.period_end, c.period_start
        ORDER BY c.period_start DESC, c.id LIMIT 8`,
      [organisationId, valueKey],
    ) as Promise<{ cycle_id: string; cycle_name: string; period_end: string; n: number; mean: number }[]>;
  }

  /** Appraisals of the organisation filtered by cycle, employee or reviewer. */
  async list(
    organisationId: string,
    filter: { cycleId?: string; employeeId?: string; reviewerId?: string },
  ): Promise<AppraisalRow[]> {
    return this.db.query(
      `${APPRAISAL_SELECT}
        WHERE a.organisation_id = $1 AND ($2::uuid IS NULL OR a.cycle_id = $2)
          AND ($3::uuid IS NULL OR a.employee_id = $3) AND ($4::uuid IS NULL OR a.reviewer_id = $4)
          AND c.status <> 'draft'
        ORDER BY c.period_start DESC, c.created_at DESC, e.name, a.id`,
      [organisationId, filter.cycleId ?? null, filter.employeeId ?? null, filter.reviewerId ?? null],
    );
  }

  /** Who would review these people by today's team tree (HR's hint when reassigning). */
  async suggestedReviewers(
    organisationId: string,
    employeeIds: string[],
  ): Promise<Map<string, { id: string; name: string }>> {
    if (!employeeIds.length) return new Map();
    const rows: { employee_id: string; id: string; name: string }[] = await this.db.query(
      `SELECT x.employee_id, s.id, s.name
         FROM (SELECT u.id AS employee_id, ${REVIEWER_SQL} AS reviewer_id
                 FROM users u WHERE u.organisation_id = $1 AND u.id = ANY($2::uuid[])) x
         JOIN users s ON s.id = x.reviewer_id`,
      [organisationId, employeeIds],
    );
    return new Map(rows.map((r) => [r.employee_id, { id: r.id, name: r.name }]));
  }

  /** One appraisal; `lock` takes the row lock for a change (concurrent saves and signatures queue). */
  async appraisal(
    organisationId: string,
    id: string,
    m?: EntityManager,
    lock = false,
  ): Promise<AppraisalRow | null> {
    const [row] = await this.q(m).query(
      `${APPRAISAL_SELECT} WHERE a.organisation_id = $1 AND a.id = $2 ${lock ? 'FOR UPDATE OF a' : ''}`,
      [organisationId, id],
    );
    return row ?? null;
  }

  async values(organisationId: string, versionId: string): Promise<ValueRow[]> {
    return this.db.query(
      `SELECT v.id AS value_id, v.key AS value_key, v.name_nl AS value_name_nl, v.name_en AS value_name_en,
              v.description_nl, v.description_en, b.id AS behaviour_id, b.text_nl, b.text_en
         FROM experience_values v JOIN value_behaviours b ON b.value_id = v.id
        WHERE v.organisation_id = $1 AND v.version_id = $2
        ORDER BY v.position, b.position`,
      [organisationId, versionId],
    );
  }

  async reviews(organisationId: string, appraisalId: string): Promise<ReviewRow[]> {
    return this.db.query(
      `SELECT author, comments, answers FROM appraisal_reviews WHERE organisation_id = $1 AND appraisal_id = $2`,
      [organisationId, appraisalId],
    );
  }

  async ratings(organisationId: string, appraisalId: string): Promise<RatingRow[]> {
    return this.db.query(
      `SELECT author, behaviour_id, level FROM appraisal_ratings WHERE organisation_id = $1 AND appraisal_id = $2`,
      [organisationId, appraisalId],
    );
  }

  async agreements(organisationId: string, appraisalId: string): Promise<AgreementRow[]> {
    return this.db.query(
      `SELECT value_id, what, support, due_date::text FROM appraisal_agreements
        WHERE organisation_id = $1 AND appraisal_id = $2 ORDER BY position`,
      [organisationId, appraisalId],
    );
  }

  async events(organisationId: string, appraisalId: string) {
    return this.db.query(
      `SELECT ev.kind, u.name AS actor_name, ev.reason, ev.created_at
         FROM appraisal_events ev LEFT JOIN users u ON u.id = ev.actor_id
        WHERE ev.organisation_id = $1 AND ev.appraisal_id = $2 ORDER BY ev.created_at, ev.id`,
      [organisationId, appraisalId],
    ) as Promise<
      {
        kind: 'reopen' | 'release' | 'reassign';
        actor_name: string | null;
        reason: string;
        created_at: Date;
      }[]
    >;
  }

  /**
   * The agreements of the employee's latest signed appraisal in a cycle that started before this
   * one, with the value's name in both languages (the caller picks the viewer's) and the follow-up
   * recorded in appraisal `appraisalId` (the current one).
   */
  async previousAgreements(organisationId: string, employeeId: string, cycleId: string, appraisalId: string) {
    return this.db.query(
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
      [organisationId, employeeId, cycleId, appraisalId],
    ) as Promise<
      {
        id: string;
        follow_up_status: FollowUpStatus | null;
        follow_up_note: string | null;
        follow_up_at: Date | null;
        cycle_name: string;
        value_name: string | null;
        value_name_en: string | null;
        what: string;
        support: string;
        due_date: string | null;
      }[]
    >;
  }

  async sharedRoundIds(organisationId: string, appraisalId: string): Promise<string[]> {
    const rows: { round_id: string }[] = await this.db.query(
      `SELECT round_id FROM appraisal_shared_rounds WHERE organisation_id = $1 AND appraisal_id = $2 ORDER BY shared_at, round_id`,
      [organisationId, appraisalId],
    );
    return rows.map((r) => r.round_id);
  }

  /** The employee's own answers of the rounds shared in this appraisal (and only those). */
  async sharedAnswers(organisationId: string, appraisalId: string, employeeId: string) {
    return this.db.query(
      `SELECT s.round_id, r.opens_at, ans.behaviour_id, ans.level
         FROM appraisal_shared_rounds s
         JOIN assessment_rounds r ON r.id = s.round_id
         JOIN assessment_invitations i ON i.round_id = s.round_id AND i.user_id = $3
         JOIN assessment_answers ans ON ans.invitation_id = i.id
        WHERE s.organisation_id = $1 AND s.appraisal_id = $2
        ORDER BY r.opens_at, s.round_id, ans.behaviour_id`,
      [organisationId, appraisalId, employeeId],
    ) as Promise<{ round_id: string; opens_at: Date; behaviour_id: string; level: number | null }[]>;
  }

  /** Rounds the employee was invited to (what it could share). */
  async roundsOf(organisationId: string, employeeId: string) {
    return this.db.query(
      `SELECT r.id AS round_id, c.name AS cycle_name, r.opens_at
         FROM assessment_invitations i
         JOIN assessment_rounds r ON r.id = i.round_id JOIN assessment_cycles c ON c.id = r.cycle_id
        WHERE i.organisation_id = $1 AND i.user_id = $2 ORDER BY r.opens_at DESC`,
      [organisationId, employeeId],
    ) as Promise<{ round_id: string; cycle_name: string; opens_at: Date }[]>;
  }

  async replaceSharedRounds(
    m: EntityManager,
    organisationId: string,
    appraisalId: string,
    roundIds: string[],
  ) {
    await m.query(
      `DELETE FROM appraisal_shared_rounds WHERE organisation_id = $1 AND appraisal_id = $2 AND NOT (round_id = ANY($3::uuid[]))`,
      [organisationId, appraisalId, roundIds],
    );
    await m.query(
      `INSERT INTO appraisal_shared_rounds (organisation_id, appraisal_id, round_id)
       SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`,
      [organisationId, appraisalId, roundIds],
    );
  }

  async saveReview(
    m: EntityManager,
    organisationId: string,
    appraisalId: string,
    author: 'self' | 'manager',
    review: {
      ratings: { behaviourId: string; level: number | null }[];
      comments: Record<string, string>;
      answers: Record<string, string>;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO appraisal_reviews (organisation_id, appraisal_id, author, comments, answers)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (appraisal_id, author) DO UPDATE SET comments = $4, answers = $5, updated_at = now()`,
      [organisationId, appraisalId, author, JSON.stringify(review.comments), JSON.stringify(review.answers)],
    );
    await m.query(
      `DELETE FROM appraisal_ratings WHERE organisation_id = $1 AND appraisal_id = $2 AND author = $3`,
      [organisationId, appraisalId, author],
    );
    await m.query(
      `INSERT INTO appraisal_ratings (organisation_id, appraisal_id, author, behaviour_id, level)
       SELECT $1, $2, $3, b, l FROM unnest($4::uuid[], $5::smallint[]) AS x(b, l)`,
      [
        organisationId,
        appraisalId,
        author,
        review.ratings.map((r) => r.behaviourId),
        review.ratings.map((r) => r.level),
      ],
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
    await m.query(
      `INSERT INTO appraisal_agreement_follow_ups
         (organisation_id, appraisal_id, agreement_id, status, note, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (appraisal_id, agreement_id)
       DO UPDATE SET status = EXCLUDED.status, note = EXCLUDED.note, updated_by = EXCLUDED.updated_by,
                     updated_at = now()`,
      [organisationId, appraisalId, agreementId, f.status, f.note, userId],
    );
  }

  async replaceAgreements(
    m: EntityManager,
    organisationId: string,
    appraisalId: string,
    agreements: { valueId: string | null; what: string; support: string; dueDate: string | null }[],
  ): Promise<void> {
    await m.query(`DELETE FROM appraisal_agreements WHERE organisation_id = $1 AND appraisal_id = $2`, [
      organisationId,
      appraisalId,
    ]);
    if (!agreements.length) return;
    await m.query(
      `INSERT INTO appraisal_agreements (organisation_id, appraisal_id, value_id, position, what, support, due_date)
       SELECT $1, $2, v, p - 1, w, s, d
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::date[]) WITH ORDINALITY AS x(v, w, s, d, p)`,
      [
        organisationId,
        appraisalId,
        agreements.map((a) => a.valueId),
        agreements.map((a) => a.what),
        agreements.map((a) => a.support),
        agreements.map((a) => a.dueDate),
      ],
    );
  }

  /** Applies the fields and bumps the version; the caller holds the row lock. */
  async update(
    m: EntityManager,
    organisationId: string,
    id: string,
    fields: Partial<{
      stage: AppraisalStage;
      self_submitted_at: Date | null;
      manager_submitted_at: Date | null;
      manager_submitted_by: string | null;
      released_at: Date | null;
      meeting_date: string | null;
      shared_notes: string;
      employee_signed_at: Date | null;
      reviewer_signed_at: Date | null;
      signed_reviewer_id: string | null;
      employee_remark: string;
      employee_disagrees: boolean;
      reviewer_id: string | null;
    }>,
  ): Promise<void> {
    const keys = Object.keys(fields) as (keyof typeof fields)[];
    const sets = keys.map((k, i) => `${k} = $${i + 3}`);
    const rows = returnedRows<{ id: string }>(
      await m.query(
        `UPDATE appraisals SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
          WHERE organisation_id = $1 AND id = $2 RETURNING id`,
        [organisationId, id, ...keys.map((k) => fields[k])],
      ),
    );
    if (rows.length !== 1) throw new Error(`appraisal ${id} vanished while locked`);
  }

  async addEvent(
    m: EntityManager,
    organisationId: string,
    appraisalId: string,
    actorId: string,
    kind: 'reopen' | 'release' | 'reassign',
    reason: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO appraisal_events (organisation_id, appraisal_id, actor_id, kind, reason) VALUES ($1, $2, $3, $4, $5)`,
      [organisationId, appraisalId, actorId, kind, reason],
    );
  }

  /** The organisation's journeys and touchpoints (NL and EN names), for the context's labels. */
  async journeyNames(organisationId: string) {
    const journeys: { id: string; name: string; name_en: string | null; position: number }[] =
      await this.db.query(
        `SELECT id, name, name_en, row_number() OVER (ORDER BY name, id)::int AS position
           FROM customer_journeys WHERE organisation_id = $1`,
        [organisationId],
      );
    const touchpoints: {
      id: string;
      name: string;
      name_en: string | null;
      journey_id: string;
      position: number;
    }[] = await this.db.query(
      `SELECT id, name, name_en, journey_id, position FROM journey_touchpoints WHERE organisation_id = $1`,
      [organisationId],
    );
    return { journeys, touchpoints };
  }

  async user(organisationId: string, id: string) {
    const [row] = await this.db.query(
      `SELECT id, role, status FROM users WHERE organisation_id = $1 AND id = $2`,
      [organisationId, id],
    );
    return (row ?? null) as { id: string; role: string; status: string } | null;
  }
}
