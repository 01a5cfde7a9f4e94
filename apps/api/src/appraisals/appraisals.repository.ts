import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AppraisalStage } from '@wk/contracts';
import type { CycleStatus, CycleTermsRow } from './appraisal-cycles.repository';
import { REVIEWER_SQL } from './appraisal-sql';
import { OrganisationRepository } from '../common/organisation-repository';

/** What a use case may change on an appraisal row (the version and updated_at follow by themselves). */
interface AppraisalState {
  stage: AppraisalStage;
  reviewer_id: string | null;
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
}

export type AppraisalChanges = Partial<AppraisalState & { signed_reviewer_id: string | null }>;

/** An appraisal with its cycle's settings and the names of its people and teams. */
export interface AppraisalRow extends AppraisalState, CycleTermsRow {
  id: string;
  organisation_id: string;
  cycle_id: string;
  cycle_name: string;
  cycle_status: CycleStatus;
  employee_id: string;
  employee_name: string;
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
  version: number;
}

export type AppraisalEventKind = 'reopen' | 'release' | 'reassign';

export interface AppraisalEventRow {
  kind: AppraisalEventKind;
  actor_name: string | null;
  reason: string;
  created_at: Date;
}

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

/**
 * The appraisals themselves (appraisals, appraisal_events): read, change under the row lock, and
 * the audit trail. Every statement runs in one organisation's scope; those that take an
 * EntityManager run inside the caller's transaction.
 */
@Injectable()
export class AppraisalsRepository extends OrganisationRepository {
  /** Appraisals of the organisation's opened cycles, filtered by cycle, employee or reviewer. */
  list(
    organisationId: string,
    filter: { cycleId?: string; employeeId?: string; reviewerId?: string },
  ): Promise<AppraisalRow[]> {
    return this.scope(organisationId).rows<AppraisalRow>(
      `${APPRAISAL_SELECT}
        WHERE a.organisation_id = $1 AND ($2::uuid IS NULL OR a.cycle_id = $2)
          AND ($3::uuid IS NULL OR a.employee_id = $3) AND ($4::uuid IS NULL OR a.reviewer_id = $4)
          AND c.status <> 'draft'
        ORDER BY c.period_start DESC, c.created_at DESC, e.name, a.id`,
      [filter.cycleId ?? null, filter.employeeId ?? null, filter.reviewerId ?? null],
    );
  }

  /** One appraisal; `lock` takes the row lock for a change (concurrent saves and signatures queue). */
  async appraisal(
    organisationId: string,
    id: string,
    m?: EntityManager,
    lock = false,
  ): Promise<AppraisalRow | null> {
    const row = await this.scope(organisationId, m).one<AppraisalRow>(
      `${APPRAISAL_SELECT} WHERE a.organisation_id = $1 AND a.id = $2 ${lock ? 'FOR UPDATE OF a' : ''}`,
      [id],
    );
    return row ?? null;
  }

  /** Who would review these people by today's team tree (HR's hint when reassigning). */
  async suggestedReviewers(
    organisationId: string,
    employeeIds: string[],
  ): Promise<Map<string, { id: string; name: string }>> {
    if (!employeeIds.length) return new Map();
    const rows = await this.scope(organisationId).rows<{ employee_id: string; id: string; name: string }>(
      `SELECT x.employee_id, s.id, s.name
         FROM (SELECT u.id AS employee_id, ${REVIEWER_SQL} AS reviewer_id
                 FROM users u WHERE u.organisation_id = $1 AND u.id = ANY($2::uuid[])) x
         JOIN users s ON s.id = x.reviewer_id`,
      [employeeIds],
    );
    return new Map(rows.map((r) => [r.employee_id, { id: r.id, name: r.name }]));
  }

  /** Applies the changes and bumps the version; the caller holds the row lock. */
  async update(
    m: EntityManager,
    organisationId: string,
    id: string,
    changes: AppraisalChanges,
  ): Promise<void> {
    const keys = Object.keys(changes) as (keyof AppraisalChanges)[];
    const sets = keys.map((k, i) => `${k} = $${i + 3}`);
    const rows = await this.scope(organisationId, m).returning<{ id: string }>(
      `UPDATE appraisals SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
        WHERE organisation_id = $1 AND id = $2 RETURNING id`,
      [id, ...keys.map((k) => changes[k])],
    );
    if (rows.length !== 1) throw new Error(`appraisal ${id} vanished while locked`);
  }

  /** The audit trail: reopenings, releases and reassignments with who did them. */
  events(organisationId: string, appraisalId: string): Promise<AppraisalEventRow[]> {
    return this.scope(organisationId).rows<AppraisalEventRow>(
      `SELECT ev.kind, u.name AS actor_name, ev.reason, ev.created_at
         FROM appraisal_events ev LEFT JOIN users u ON u.id = ev.actor_id
        WHERE ev.organisation_id = $1 AND ev.appraisal_id = $2 ORDER BY ev.created_at, ev.id`,
      [appraisalId],
    );
  }

  async addEvent(
    m: EntityManager,
    organisationId: string,
    appraisalId: string,
    actorId: string,
    kind: AppraisalEventKind,
    reason: string,
  ): Promise<void> {
    await this.scope(organisationId, m).rows(
      `INSERT INTO appraisal_events (organisation_id, appraisal_id, actor_id, kind, reason) VALUES ($1, $2, $3, $4, $5)`,
      [appraisalId, actorId, kind, reason],
    );
  }
}
