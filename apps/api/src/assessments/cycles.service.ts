import { HttpStatus, Injectable } from '@nestjs/common';
import { CYCLE_DEFAULTS } from '@wk/domain';
import type { Cycle, CycleAudience, Round, RoundDetail } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { CycleSchedulerService } from './cycle-scheduler.service';
import { CyclesRepository, type CycleRow } from './cycles.repository';
import { CreateCycleDto, UpdateCycleDto } from './dto/cycles.dto';
import { RoundJobsService } from './round-jobs.service';
import { RoundsService } from './rounds.service';

const MANUAL_REMINDER_GAP_HOURS = 24;

const archived = () =>
  new DomainError('archived', 'An archived cycle cannot open rounds', HttpStatus.CONFLICT);

/** HR's side of self-assessment cycles; every query is scoped to the caller's organisation. */
@Injectable()
export class CyclesService {
  constructor(
    private readonly repository: CyclesRepository,
    private readonly schedulers: CycleSchedulerService,
    private readonly rounds: RoundsService,
    private readonly roundJobs: RoundJobsService,
  ) {}

  async list(auth: AuthContext): Promise<Cycle[]> {
    const rows = await this.repository.cycles(auth.organisationId);
    return Promise.all(rows.map((r) => this.toCycle(r)));
  }

  async get(auth: AuthContext, id: string): Promise<Cycle> {
    const [row] = await this.repository.cycles(auth.organisationId, id);
    if (!row) throw notFound('Cycle');
    return this.toCycle(row);
  }

  async create(auth: AuthContext, dto: CreateCycleDto): Promise<Cycle> {
    await this.assertReferences(auth.organisationId, dto.valuesVersionId, dto.teamIds);
    const id = await this.repository.insert(auth.organisationId, {
      name: dto.name,
      valuesVersionId: dto.valuesVersionId,
      teamIds: dto.teamIds ?? [],
      cron: dto.cron,
      timeZone: dto.timeZone ?? (await this.repository.timeZone(auth.organisationId)),
      windowDays: dto.windowDays ?? CYCLE_DEFAULTS.windowDays,
      reminderDays: dto.reminderDays ?? CYCLE_DEFAULTS.reminderDays,
      remindDayBeforeDeadline: dto.remindDayBeforeDeadline ?? CYCLE_DEFAULTS.remindDayBeforeDeadline,
    });
    return this.synced(auth, id);
  }

  async update(auth: AuthContext, id: string, dto: UpdateCycleDto): Promise<Cycle> {
    const current = await this.get(auth, id);
    if (current.status === 'archived')
      throw new DomainError('archived', 'An archived cycle cannot change', HttpStatus.CONFLICT);
    await this.assertReferences(auth.organisationId, dto.valuesVersionId, dto.teamIds);
    await this.repository.update(auth.organisationId, id, dto);
    return this.synced(auth, id);
  }

  /** active ⇄ paused; archived is final. */
  async setStatus(auth: AuthContext, id: string, status: Cycle['status']): Promise<Cycle> {
    const current = await this.get(auth, id);
    if (current.status === 'archived')
      throw new DomainError('archived', 'An archived cycle cannot change', HttpStatus.CONFLICT);
    await this.repository.setStatus(auth.organisationId, id, status);
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
    await this.roundJobs.queueFanOut(started.roundId);
    return (await this.roundsOf(auth, id)).find((r) => r.id === started.roundId)!;
  }

  /** How many people "open a round now" would invite: the confirmation shows it. */
  async audience(auth: AuthContext, id: string): Promise<CycleAudience> {
    const cycle = await this.get(auth, id);
    return { people: await this.rounds.audienceCount(auth.organisationId, cycle.teamIds) };
  }

  async roundsOf(auth: AuthContext, cycleId: string): Promise<Round[]> {
    await this.get(auth, cycleId);
    const rows = await this.repository.rounds(auth.organisationId, cycleId);
    return rows.map((r) => ({
      ...r,
      opensAt: new Date(r.opensAt).toISOString(),
      closesAt: new Date(r.closesAt).toISOString(),
    }));
  }

  async round(auth: AuthContext, roundId: string): Promise<RoundDetail> {
    const row = await this.repository.roundState(auth.organisationId, roundId);
    if (!row) throw notFound('Round');
    const round = (await this.roundsOf(auth, row.cycle_id)).find((r) => r.id === roundId)!;
    const teams = await this.repository.roundTeams(auth.organisationId, roundId);
    const notCompleted = await this.repository.notCompleted(auth.organisationId, roundId);
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
    const row = await this.repository.roundState(auth.organisationId, roundId);
    if (!row) throw notFound('Round');
    await this.rounds.close(roundId, auth.organisationId);
    return this.round(auth, roundId);
  }

  /** A manual reminder to those who have not completed, at most once per 24 hours per round. */
  async remindNow(auth: AuthContext, roundId: string): Promise<{ reminded: number }> {
    if (
      !(await this.repository.claimManualReminder(auth.organisationId, roundId, MANUAL_REMINDER_GAP_HOURS))
    ) {
      const round = await this.repository.roundState(auth.organisationId, roundId);
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
    const [row] = await this.repository.cycles(auth.organisationId, id);
    await this.schedulers.sync(row);
    return this.toCycle(row);
  }

  private async assertReferences(
    organisationId: string,
    versionId?: string,
    teamIds?: string[],
  ): Promise<void> {
    if (versionId && !(await this.repository.isPublishedVersion(organisationId, versionId)))
      throw invalid('valuesVersionId', 'must be a published values version of this organisation');
    const distinct = new Set(teamIds ?? []);
    if (distinct.size && (await this.repository.countTeams(organisationId, [...distinct])) !== distinct.size)
      throw invalid('teamIds', 'contains an unknown team');
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
