import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CYCLE_DEFAULTS } from '@wk/domain';
import type { Cycle, CycleAudience, Round, RoundDetail } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { CycleSchedulerService } from './cycle-scheduler.service';
import { CreateCycleDto, UpdateCycleDto } from './dto/cycles.dto';
import { RoundsService } from './rounds.service';

const MANUAL_REMINDER_GAP_HOURS = 24;

const archived = () =>
  new DomainError('archived', 'An archived cycle cannot open rounds', HttpStatus.CONFLICT);

interface CycleRow {
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

/** HR's side of self-assessment cycles; every query is scoped to the caller's organisation. */
@Injectable()
export class CyclesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly schedulers: CycleSchedulerService,
    private readonly rounds: RoundsService,
  ) {}

  async list(auth: AuthContext): Promise<Cycle[]> {
    const rows = await this.rows(auth.organisationId);
    return Promise.all(rows.map((r) => this.toCycle(r)));
  }

  async get(auth: AuthContext, id: string): Promise<Cycle> {
    const [row] = await this.rows(auth.organisationId, id);
    if (!row) throw notFound('Cycle');
    return this.toCycle(row);
  }

  async create(auth: AuthContext, dto: CreateCycleDto): Promise<Cycle> {
    await this.assertReferences(auth.organisationId, dto.valuesVersionId, dto.teamIds);
    const [{ id }] = await this.db.query(
      `INSERT INTO assessment_cycles (organisation_id, name, values_version_id, team_ids, cron, time_zone,
                                      window_days, reminder_days, remind_day_before_deadline)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        auth.organisationId,
        dto.name,
        dto.valuesVersionId,
        dto.teamIds ?? [],
        dto.cron,
        dto.timeZone ?? (await this.organisationTimeZone(auth.organisationId)),
        dto.windowDays ?? CYCLE_DEFAULTS.windowDays,
        dto.reminderDays ?? CYCLE_DEFAULTS.reminderDays,
        dto.remindDayBeforeDeadline ?? CYCLE_DEFAULTS.remindDayBeforeDeadline,
      ],
    );
    return this.synced(auth, id);
  }

  async update(auth: AuthContext, id: string, dto: UpdateCycleDto): Promise<Cycle> {
    const current = await this.get(auth, id);
    if (current.status === 'archived')
      throw new DomainError('archived', 'An archived cycle cannot change', HttpStatus.CONFLICT);
    await this.assertReferences(auth.organisationId, dto.valuesVersionId, dto.teamIds);
    await this.db.query(
      `UPDATE assessment_cycles SET
         name = coalesce($3, name), values_version_id = coalesce($4, values_version_id),
         team_ids = coalesce($5, team_ids), cron = coalesce($6, cron), time_zone = coalesce($7, time_zone),
         window_days = coalesce($8, window_days), reminder_days = coalesce($9, reminder_days),
         remind_day_before_deadline = coalesce($10, remind_day_before_deadline), updated_at = now()
       WHERE organisation_id = $1 AND id = $2`,
      [
        auth.organisationId,
        id,
        dto.name ?? null,
        dto.valuesVersionId ?? null,
        dto.teamIds ?? null,
        dto.cron ?? null,
        dto.timeZone ?? null,
        dto.windowDays ?? null,
        dto.reminderDays ?? null,
        dto.remindDayBeforeDeadline ?? null,
      ],
    );
    return this.synced(auth, id);
  }

  /** active ⇄ paused; archived is final. */
  async setStatus(auth: AuthContext, id: string, status: Cycle['status']): Promise<Cycle> {
    const current = await this.get(auth, id);
    if (current.status === 'archived')
      throw new DomainError('archived', 'An archived cycle cannot change', HttpStatus.CONFLICT);
    await this.db.query(
      `UPDATE assessment_cycles SET status = $3, updated_at = now() WHERE organisation_id = $1 AND id = $2`,
      [auth.organisationId, id, status],
    );
    return this.synced(auth, id);
  }

  /**
   * "Open a round now", outside the schedule (also for a paused cycle). Refused (409 round_open)
   * while a round of the cycle is open; the invitations go out from the worker, in batches.
   */
  async openNow(auth: AuthContext, id: string): Promise<Round> {
    const cycle = await this.get(auth, id);
    if (cycle.status === 'archived') throw archived();
    const started = await this.rounds.startRound(id, new Date(), { evenIfInactive: true });
    if (started.status === 'inactive') throw archived();
    if (started.status === 'roundOpen')
      throw new DomainError(
        'round_open',
        'A round of this cycle is still open; a new one can open once it has closed',
        HttpStatus.CONFLICT,
      );
    await this.rounds.queueFanOut(started.roundId);
    return (await this.roundsOf(auth, id)).find((r) => r.id === started.roundId)!;
  }

  /** How many people "open a round now" would invite: the confirmation shows it. */
  async audience(auth: AuthContext, id: string): Promise<CycleAudience> {
    const cycle = await this.get(auth, id);
    return { people: await this.rounds.audienceCount(auth.organisationId, cycle.teamIds) };
  }

  async roundsOf(auth: AuthContext, cycleId: string): Promise<Round[]> {
    await this.get(auth, cycleId);
    const rows = await this.db.query(
      `SELECT r.id, r.cycle_id AS "cycleId", r.opens_at AS "opensAt", r.closes_at AS "closesAt",
              (r.closed_at IS NOT NULL OR r.closes_at <= now()) AS closed,
              count(i.id)::int AS invited, count(i.completed_at)::int AS completed
         FROM assessment_rounds r LEFT JOIN assessment_invitations i ON i.round_id = r.id
        WHERE r.organisation_id = $1 AND r.cycle_id = $2
        GROUP BY r.id ORDER BY r.opens_at DESC`,
      [auth.organisationId, cycleId],
    );
    return rows.map((r: Round & { opensAt: Date; closesAt: Date }) => ({
      ...r,
      opensAt: new Date(r.opensAt).toISOString(),
      closesAt: new Date(r.closesAt).toISOString(),
    }));
  }

  async round(auth: AuthContext, roundId: string): Promise<RoundDetail> {
    const [row] = await this.db.query(
      `SELECT cycle_id, last_manual_reminder_at FROM assessment_rounds WHERE organisation_id = $1 AND id = $2`,
      [auth.organisationId, roundId],
    );
    if (!row) throw notFound('Round');
    const round = (await this.roundsOf(auth, row.cycle_id)).find((r) => r.id === roundId)!;
    const teams = await this.db.query(
      `SELECT t.id AS "teamId", t.name AS "teamName", count(*)::int AS invited, count(i.completed_at)::int AS completed
         FROM assessment_invitations i JOIN users u ON u.id = i.user_id LEFT JOIN teams t ON t.id = u.team_id
        WHERE i.organisation_id = $1 AND i.round_id = $2
        GROUP BY t.id, t.name ORDER BY t.name NULLS LAST`,
      [auth.organisationId, roundId],
    );
    const notCompleted = await this.db.query(
      `SELECT u.id AS "userId", u.name, t.name AS "teamName"
         FROM assessment_invitations i JOIN users u ON u.id = i.user_id LEFT JOIN teams t ON t.id = u.team_id
        WHERE i.organisation_id = $1 AND i.round_id = $2 AND i.completed_at IS NULL
        ORDER BY u.name`,
      [auth.organisationId, roundId],
    );
    return {
      ...round,
      teams,
      notCompleted,
      lastManualReminderAt: row.last_manual_reminder_at
        ? new Date(row.last_manual_reminder_at).toISOString()
        : null,
    };
  }

  /**
   * HR closes a round before its deadline, through the close job's own path (KPIs refresh, no
   * reminder goes after it). Closing a closed round answers 200 with the round unchanged.
   */
  async closeRound(auth: AuthContext, roundId: string): Promise<RoundDetail> {
    const [row] = await this.db.query(
      `SELECT id FROM assessment_rounds WHERE organisation_id = $1 AND id = $2`,
      [auth.organisationId, roundId],
    );
    if (!row) throw notFound('Round');
    await this.rounds.close(roundId, auth.organisationId);
    return this.round(auth, roundId);
  }

  /** A manual reminder to those who have not completed, at most once per 24 hours per round. */
  async remindNow(auth: AuthContext, roundId: string): Promise<{ reminded: number }> {
    const claimed = await this.db.query(
      `UPDATE assessment_rounds SET last_manual_reminder_at = now()
        WHERE organisation_id = $1 AND id = $2 AND closed_at IS NULL AND closes_at > now()
          AND (last_manual_reminder_at IS NULL OR last_manual_reminder_at < now() - make_interval(hours => $3))
        RETURNING id`,
      [auth.organisationId, roundId, MANUAL_REMINDER_GAP_HOURS],
    );
    if (!claimed[0]?.length) {
      const [round] = await this.db.query(
        `SELECT closed_at IS NOT NULL OR closes_at <= now() AS closed FROM assessment_rounds WHERE organisation_id = $1 AND id = $2`,
        [auth.organisationId, roundId],
      );
      if (!round) throw notFound('Round');
      if (round.closed) throw new DomainError('round_closed', 'This round is closed', HttpStatus.CONFLICT);
      throw new DomainError(
        'reminded_recently',
        `A reminder for this round went out less than ${MANUAL_REMINDER_GAP_HOURS} hours ago`,
        HttpStatus.CONFLICT,
      );
    }
    return { reminded: await this.rounds.remind(roundId, Date.now()) };
  }

  private async synced(auth: AuthContext, id: string): Promise<Cycle> {
    const [row] = await this.rows(auth.organisationId, id);
    await this.schedulers.sync(row);
    return this.toCycle(row);
  }

  private async assertReferences(
    organisationId: string,
    versionId?: string,
    teamIds?: string[],
  ): Promise<void> {
    if (versionId) {
      const [version] = await this.db.query(
        `SELECT 1 FROM value_set_versions WHERE organisation_id = $1 AND id = $2 AND status = 'published'`,
        [organisationId, versionId],
      );
      if (!version)
        throw invalid('valuesVersionId', 'must be a published values version of this organisation');
    }
    if (teamIds?.length) {
      const [{ n }] = await this.db.query(
        `SELECT count(*)::int AS n FROM teams WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
        [organisationId, [...new Set(teamIds)]],
      );
      if (n !== new Set(teamIds).size) throw invalid('teamIds', 'contains an unknown team');
    }
  }

  private async organisationTimeZone(organisationId: string): Promise<string> {
    const [row] = await this.db.query(`SELECT time_zone FROM organisations WHERE id = $1`, [organisationId]);
    return row.time_zone;
  }

  private rows(organisationId: string, id?: string): Promise<CycleRow[]> {
    return this.db.query(
      `SELECT c.*, v.number AS values_version_number
         FROM assessment_cycles c JOIN value_set_versions v ON v.id = c.values_version_id
        WHERE c.organisation_id = $1 AND ($2::uuid IS NULL OR c.id = $2)
        ORDER BY c.created_at DESC`,
      [organisationId, id ?? null],
    );
  }

  private async toCycle(r: CycleRow): Promise<Cycle> {
    const next = r.status === 'active' ? await this.schedulers.nextRun(r.id) : null;
    return {
      id: r.id,
      name: r.name,
      valuesVersionId: r.values_version_id,
      valuesVersionNumber: r.values_version_number,
      teamIds: r.team_ids,
      cron: r.cron,
      timeZone: r.time_zone,
      windowDays: r.window_days,
      reminderDays: r.reminder_days,
      remindDayBeforeDeadline: r.remind_day_before_deadline,
      status: r.status,
      nextRunAt: next ? next.toISOString() : null,
      createdAt: r.created_at.toISOString(),
    };
  }
}
