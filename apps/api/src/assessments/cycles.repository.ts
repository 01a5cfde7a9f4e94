import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Cycle, RoundDetail } from '@wk/contracts';
import { OrganisationScope } from '../common/organisation-scope';

/** An assessment cycle as stored, with the number of its values version. */
export interface CycleRow {
  id: string;
  name: string;
  values_version_id: string;
  values_version_number: number;
  team_ids: string[];
  cron: string;
  time_zone: string;
  window_days: number;
  reminder_days: number[];
  remind_day_before_deadline: boolean;
  status: Cycle['status'];
  created_at: Date;
}

/** The cycle's settings; undefined leaves a stored setting as it is (on update). */
export interface CycleSettings {
  name?: string;
  valuesVersionId?: string;
  teamIds?: string[];
  cron?: string;
  timeZone?: string;
  windowDays?: number;
  reminderDays?: number[];
  remindDayBeforeDeadline?: boolean;
}

export interface RoundSummaryRow {
  id: string;
  cycleId: string;
  opensAt: Date;
  closesAt: Date;
  closed: boolean;
  invited: number;
  completed: number;
}

/** What a cycle's job scheduler is built from. */
export interface ScheduledCycle {
  id: string;
  status: Cycle['status'];
  cron: string;
  time_zone: string;
}

export interface RoundStateRow {
  cycle_id: string;
  last_manual_reminder_at: Date | null;
  closed: boolean;
}

/**
 * HR's cycles and their rounds as HR reads them (assessment_cycles, assessment_rounds and their
 * invitations). Every statement runs in one organisation's scope.
 */
@Injectable()
export class CyclesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private scope(organisationId: string): OrganisationScope {
    return new OrganisationScope(this.db, organisationId);
  }

  /** All cycles of the organisation (newest first), or the one with `id`. */
  cycles(organisationId: string, id?: string): Promise<CycleRow[]> {
    return this.scope(organisationId).rows<CycleRow>(
      `SELECT c.*, v.number AS values_version_number
         FROM assessment_cycles c JOIN value_set_versions v ON v.id = c.values_version_id
        WHERE c.organisation_id = $1 AND ($2::uuid IS NULL OR c.id = $2)
        ORDER BY c.created_at DESC`,
      [id ?? null],
    );
  }

  /** Every cycle of every organisation, as the worker rebuilds its schedulers at start. */
  async allSchedules(): Promise<ScheduledCycle[]> {
    return this.db.query(`SELECT id, status, cron, time_zone FROM assessment_cycles`);
  }

  async insert(organisationId: string, s: Required<CycleSettings>): Promise<string> {
    const [{ id }] = await this.scope(organisationId).rows<{ id: string }>(
      `INSERT INTO assessment_cycles (organisation_id, name, values_version_id, team_ids, cron, time_zone,
                                      window_days, reminder_days, remind_day_before_deadline)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        s.name,
        s.valuesVersionId,
        s.teamIds,
        s.cron,
        s.timeZone,
        s.windowDays,
        s.reminderDays,
        s.remindDayBeforeDeadline,
      ],
    );
    return id;
  }

  async update(organisationId: string, id: string, s: CycleSettings): Promise<void> {
    await this.scope(organisationId).rows(
      `UPDATE assessment_cycles SET
         name = coalesce($3, name), values_version_id = coalesce($4, values_version_id),
         team_ids = coalesce($5, team_ids), cron = coalesce($6, cron), time_zone = coalesce($7, time_zone),
         window_days = coalesce($8, window_days), reminder_days = coalesce($9, reminder_days),
         remind_day_before_deadline = coalesce($10, remind_day_before_deadline), updated_at = now()
       WHERE organisation_id = $1 AND id = $2`,
      [
        id,
        s.name ?? null,
        s.valuesVersionId ?? null,
        s.teamIds ?? null,
        s.cron ?? null,
        s.timeZone ?? null,
        s.windowDays ?? null,
        s.reminderDays ?? null,
        s.remindDayBeforeDeadline ?? null,
      ],
    );
  }

  async setStatus(organisationId: string, id: string, status: Cycle['status']): Promise<void> {
    await this.scope(organisationId).rows(
      `UPDATE assessment_cycles SET status = $3, updated_at = now() WHERE organisation_id = $1 AND id = $2`,
      [id, status],
    );
  }

  /** The cycle's rounds (newest first) with how many were invited and completed. */
  rounds(organisationId: string, cycleId: string): Promise<RoundSummaryRow[]> {
    return this.scope(organisationId).rows<RoundSummaryRow>(
      `SELECT r.id, r.cycle_id AS "cycleId", r.opens_at AS "opensAt", r.closes_at AS "closesAt",
              (r.closed_at IS NOT NULL OR r.closes_at <= now()) AS closed,
              count(i.id)::int AS invited, count(i.completed_at)::int AS completed
         FROM assessment_rounds r LEFT JOIN assessment_invitations i ON i.round_id = r.id
        WHERE r.organisation_id = $1 AND r.cycle_id = $2
        GROUP BY r.id ORDER BY r.opens_at DESC`,
      [cycleId],
    );
  }

  roundState(organisationId: string, roundId: string): Promise<RoundStateRow | undefined> {
    return this.scope(organisationId).one<RoundStateRow>(
      `SELECT cycle_id, last_manual_reminder_at, closed_at IS NOT NULL OR closes_at <= now() AS closed
         FROM assessment_rounds WHERE organisation_id = $1 AND id = $2`,
      [roundId],
    );
  }

  /** Invited and completed per team of the round (people without a team under null). */
  roundTeams(organisationId: string, roundId: string): Promise<RoundDetail['teams']> {
    return this.scope(organisationId).rows(
      `SELECT t.id AS "teamId", t.name AS "teamName", count(*)::int AS invited, count(i.completed_at)::int AS completed
         FROM assessment_invitations i JOIN users u ON u.id = i.user_id LEFT JOIN teams t ON t.id = u.team_id
        WHERE i.organisation_id = $1 AND i.round_id = $2
        GROUP BY t.id, t.name ORDER BY t.name NULLS LAST`,
      [roundId],
    );
  }

  /** Who has not completed the round yet (HR chases them; never their answers). */
  notCompleted(organisationId: string, roundId: string): Promise<RoundDetail['notCompleted']> {
    return this.scope(organisationId).rows(
      `SELECT u.id AS "userId", u.name, t.name AS "teamName"
         FROM assessment_invitations i JOIN users u ON u.id = i.user_id LEFT JOIN teams t ON t.id = u.team_id
        WHERE i.organisation_id = $1 AND i.round_id = $2 AND i.completed_at IS NULL
        ORDER BY u.name`,
      [roundId],
    );
  }

  /**
   * Claims the round's manual reminder: true when the round is open and none went out in the last
   * `gapHours` (two clicks at once: one claims, the other gets false).
   */
  async claimManualReminder(organisationId: string, roundId: string, gapHours: number): Promise<boolean> {
    const claimed = await this.scope(organisationId).returning(
      `UPDATE assessment_rounds SET last_manual_reminder_at = now()
        WHERE organisation_id = $1 AND id = $2 AND closed_at IS NULL AND closes_at > now()
          AND (last_manual_reminder_at IS NULL OR last_manual_reminder_at < now() - make_interval(hours => $3))
        RETURNING id`,
      [roundId, gapHours],
    );
    return claimed.length > 0;
  }

  async isPublishedVersion(organisationId: string, versionId: string): Promise<boolean> {
    const row = await this.scope(organisationId).one(
      `SELECT 1 FROM value_set_versions WHERE organisation_id = $1 AND id = $2 AND status = 'published'`,
      [versionId],
    );
    return row !== undefined;
  }

  /** How many of the given (distinct) team ids are teams of the organisation. */
  async countTeams(organisationId: string, teamIds: string[]): Promise<number> {
    const row = await this.scope(organisationId).one<{ n: number }>(
      `SELECT count(*)::int AS n FROM teams WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
      [teamIds],
    );
    return row?.n ?? 0;
  }

  async timeZone(organisationId: string): Promise<string> {
    const row = await this.scope(organisationId).one<{ time_zone: string }>(
      `SELECT time_zone FROM organisations WHERE id = $1`,
    );
    return row!.time_zone;
  }
}
