import { InjectQueue } from '@nestjs/bullmq';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { appraisalDateProblem } from '@wk/domain';
import type {
  AppraisalCycle,
  AppraisalCycleRow,
  AppraisalProgressRow,
  AppraisalSummary,
  CreateAppraisalCycleRequest,
} from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { conflict, DomainError, invalid, notFound } from '../common/domain-error';
import { AppConfig } from '../config/config';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '../jobs/queues';
import { renderLinkMail } from '../notifications/mail-templates';
import { MailService, type MailToSend } from '../notifications/mail.service';
import { AppraisalContextRepository } from './appraisal-context.repository';
import { AppraisalCyclesRepository, CycleRow, DeadlineStage, Recipient } from './appraisal-cycles.repository';
import { toSummary } from './appraisal-view';
import { AppraisalsRepository } from './appraisals.repository';

export const REMINDER_STAGES = [
  'self_review',
  'manager_review',
  'conversation',
  'sign_off',
] as const satisfies DeadlineStage[];
export type ReminderStage = DeadlineStage;
/** Reminders go this many days before a stage's deadline, at 09:00 UTC. */
export const REMIND_DAYS_BEFORE = 3;

const dueOf = (c: CycleRow, stage: ReminderStage) =>
  ({
    self_review: c.self_review_due,
    manager_review: c.manager_review_due,
    conversation: c.conversation_due,
    sign_off: c.sign_off_due,
  })[stage];

/** HR's appraisal cycles: create, open (one appraisal and one mail per person), close, progress, reminders. */
@Injectable()
export class AppraisalCyclesService {
  private readonly logger = new Logger(AppraisalCyclesService.name);

  constructor(
    private readonly cycles: AppraisalCyclesRepository,
    private readonly appraisalRows: AppraisalsRepository,
    private readonly context: AppraisalContextRepository,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.appraisals) private readonly queue: Queue,
  ) {}

  async list(auth: AuthContext): Promise<AppraisalCycle[]> {
    return (await this.cycles.cycles(auth.organisationId)).map(toCycle);
  }

  async get(auth: AuthContext, id: string): Promise<AppraisalCycle & { progress: AppraisalProgressRow[] }> {
    const cycle = await this.cycles.cycle(auth.organisationId, id);
    if (!cycle) throw notFound('Appraisal cycle');
    const progress = await this.cycles.progress(auth.organisationId, id);
    return {
      ...toCycle(cycle),
      progress: progress.map((p) => ({
        teamId: p.team_id,
        teamName: p.team_name,
        stage: p.stage,
        count: p.count,
      })),
    };
  }

  /**
   * The cycle's appraisals (never answers). Where the reviewer can no longer review or the employee
   * changed team, and the appraisal is not signed yet, with who would review by today's team tree.
   */
  async appraisals(auth: AuthContext, id: string): Promise<AppraisalCycleRow[]> {
    if (!(await this.cycles.cycle(auth.organisationId, id))) throw notFound('Appraisal cycle');
    const rows = (await this.appraisalRows.list(auth.organisationId, { cycleId: id })).map(toSummary);
    const open = (a: AppraisalSummary) => a.stage !== 'signed' && a.stage !== 'closed';
    const flagged = rows.filter((a) => open(a) && (a.reviewerIssue || a.teamChanged));
    const suggestions = await this.appraisalRows.suggestedReviewers(
      auth.organisationId,
      flagged.map((a) => a.employeeId),
    );
    return rows.map((a) => ({
      ...a,
      suggestedReviewer: flagged.includes(a) ? (suggestions.get(a.employeeId) ?? null) : null,
    }));
  }

  async create(auth: AuthContext, dto: CreateAppraisalCycleRequest): Promise<AppraisalCycle> {
    const problem = appraisalDateProblem(dto);
    if (problem)
      throw new DomainError('validation_failed', problem.message, HttpStatus.BAD_REQUEST, [problem]);
    if (!(await this.context.publishedVersion(auth.organisationId, dto.valuesVersionId)))
      throw invalid(
        'valuesVersionId',
        'valuesVersionId must be a published values version of the organisation',
      );
    const teamIds = dto.teamIds ?? [];
    const found = new Set(await this.context.existingTeams(auth.organisationId, teamIds));
    const missing = teamIds.findIndex((t) => !found.has(t));
    if (missing >= 0) throw invalid(`teamIds[${missing}]`, 'not a team of the organisation');
    const id = await this.cycles.insert(auth.organisationId, {
      ...dto,
      teamIds,
      questions: (dto.questions ?? []).map((text, i) => ({ id: `q${i + 1}`, text: text.trim() })),
      agreementsSection: dto.agreementsSection ?? true,
    });
    return toCycle((await this.cycles.cycle(auth.organisationId, id))!);
  }

  /**
   * Opens the cycle: one appraisal per active person in the audience (unique per cycle and person)
   * and one invitation mail each (outbox dedup key per appraisal), in one transaction. Opening again
   * adds only people who joined the audience since; nobody gets a second appraisal or mail.
   */
  async open(auth: AuthContext, id: string): Promise<AppraisalCycle> {
    await this.openCycle(auth.organisationId, id);
    return toCycle((await this.cycles.cycle(auth.organisationId, id))!);
  }

  async openCycle(organisationId: string, id: string): Promise<{ created: number }> {
    const { created, keys } = await this.appraisalRows.transaction(async (m) => {
      // Serialises concurrent openings of the same cycle.
      if (!(await this.cycles.lock(m, organisationId, id))) throw notFound('Appraisal cycle');
      const cycle = (await this.cycles.cycle(organisationId, id, m))!;
      if (cycle.status === 'closed') throw conflict('cycle_closed', 'The appraisal cycle is closed');
      await this.cycles.setStatus(m, organisationId, id, 'open');
      const createdIds = await this.cycles.createAppraisals(m, organisationId, id, cycle.team_ids);
      const org = await this.context.organisation(organisationId);
      const mails = (await this.cycles.employeesOf(m, organisationId, id)).map((r) =>
        this.inviteMail(cycle, org, r),
      );
      await this.mail.storeMany(mails, m);
      return { created: createdIds.length, keys: mails.map((x) => x.dedupKey) };
    });
    await this.mail.dispatchPending(organisationId, keys);
    await this.scheduleReminders(organisationId, id);
    return { created };
  }

  async close(auth: AuthContext, id: string): Promise<AppraisalCycle> {
    await this.appraisalRows.transaction(async (m) => {
      const cycle = await this.cycles.cycle(auth.organisationId, id, m);
      if (!cycle) throw notFound('Appraisal cycle');
      if (cycle.status !== 'open')
        throw conflict('cycle_not_open', 'Only an open appraisal cycle can be closed');
      await this.cycles.setStatus(m, auth.organisationId, id, 'closed');
    });
    return toCycle((await this.cycles.cycle(auth.organisationId, id))!);
  }

  /** One delayed job per stage deadline still ahead (fixed ids: scheduling again adds nothing). */
  async scheduleReminders(organisationId: string, cycleId: string): Promise<void> {
    const cycle = await this.cycles.cycle(organisationId, cycleId);
    if (!cycle) return;
    for (const stage of REMINDER_STAGES) {
      const due = new Date(`${dueOf(cycle, stage)}T09:00:00Z`);
      if (due.getTime() < Date.now()) continue;
      const at = due.getTime() - REMIND_DAYS_BEFORE * 24 * 3600 * 1000;
      await this.queue.add(
        JOBS.remindAppraisals.name,
        { organisationId, appraisalCycleId: cycleId, stage },
        {
          ...DEFAULT_JOB_OPTIONS,
          jobId: JOBS.remindAppraisals.id(cycleId, stage),
          delay: Math.max(0, at - Date.now()),
        },
      );
    }
  }

  /**
   * Mails everyone who is behind at this stage of an open cycle; the dedup key per appraisal,
   * stage and person means a second run (or a retried job) sends nothing twice.
   */
  async remind(organisationId: string, cycleId: string, stage: ReminderStage): Promise<number> {
    const cycle = await this.cycles.cycle(organisationId, cycleId);
    if (!cycle || cycle.status !== 'open') return 0;
    const org = await this.context.organisation(organisationId);
    const mails = (await this.cycles.behind(organisationId, cycleId, stage)).map((r) =>
      this.mailFor(
        cycle,
        org,
        r,
        'appraisalReminder',
        stage,
        `appraisal-remind:${r.appraisal_id}:${stage}:${r.user_id}`,
      ),
    );
    await this.mail.storeMany(mails);
    await this.mail.dispatchPending(
      organisationId,
      mails.map((x) => x.dedupKey),
    );
    this.logger.log(`Appraisal reminders for cycle ${cycleId} (${stage}): ${mails.length}`);
    return mails.length;
  }

  private inviteMail(cycle: CycleRow, org: { name: string; time_zone: string }, r: Recipient): MailToSend {
    return this.mailFor(
      cycle,
      org,
      r,
      'appraisalInvite',
      'self_review',
      `appraisal-invite:${r.appraisal_id}`,
    );
  }

  private mailFor(
    cycle: CycleRow,
    org: { name: string; time_zone: string },
    r: Recipient,
    kind: 'appraisalInvite' | 'appraisalReminder',
    stage: ReminderStage,
    dedupKey: string,
  ): MailToSend {
    const rendered = renderLinkMail(kind, r.locale, {
      name: r.name,
      organisation: org.name,
      cycle: cycle.name,
      link: `${this.config.publicUrl}/appraisals/${r.appraisal_id}`,
      expiresAt: new Date(`${dueOf(cycle, stage)}T12:00:00Z`),
      timeZone: org.time_zone,
      dateOnly: true,
      task: kind === 'appraisalReminder' ? stage : undefined,
    });
    return {
      organisationId: cycle.organisation_id,
      kind: kind === 'appraisalInvite' ? 'appraisal-invite' : 'appraisal-reminder',
      dedupKey,
      to: r.email,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
    };
  }
}

function toCycle(c: CycleRow): AppraisalCycle {
  return {
    id: c.id,
    name: c.name,
    periodStart: c.period_start,
    periodEnd: c.period_end,
    teamIds: c.team_ids,
    valuesVersionId: c.values_version_id,
    valuesVersionNumber: c.values_version_number,
    selfReviewDue: c.self_review_due,
    managerReviewDue: c.manager_review_due,
    conversationDue: c.conversation_due,
    signOffDue: c.sign_off_due,
    questions: c.questions,
    agreementsSection: c.agreements_section,
    status: c.status,
    openedAt: c.opened_at?.toISOString() ?? null,
    appraisals: c.appraisals,
    createdAt: c.created_at.toISOString(),
  };
}
