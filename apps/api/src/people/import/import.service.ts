import { InjectQueue } from '@nestjs/bullmq';
import { BadRequestException, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import type { ImportAction, ImportJob, ImportKind, ImportPreview, ImportRowResult } from '@wk/contracts';
import type { AuthContext } from '../../auth/authenticated.decorator';
import { AccountLinksService } from '../../auth/account-links.service';
import { DomainError, notFound } from '../../common/domain-error';
import { CsvTable, readCsv } from '../../common/csv-reader';
import { IMPORT_JOB_OPTIONS, JOBS, QUEUES } from '../../jobs/queues';
import { MailService } from '../../notifications/mail.service';
import { applyEmployees, EMPLOYEE_COLUMNS, planEmployees } from './employee-import';
import { PermanentImportError } from './import-errors';
import { ImportJobEntity } from './import-job.entity';
import { PeopleRepository } from '../people.repository';
import { TeamsRepository } from '../teams.repository';
import { ImportJobsRepository } from './import-jobs.repository';
import { applyTeams, planTeams, TEAM_COLUMNS } from './team-import';

const read = (kind: ImportKind, file: Buffer) =>
  readCsv(file, kind === 'employees' ? EMPLOYEE_COLUMNS : TEAM_COLUMNS);

/** Finished imports (their results name people) are kept this long for HR to look back. */
export const IMPORT_RETENTION_DAYS = 30;

@Injectable()
export class ImportService {
  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly people: PeopleRepository,
    private readonly teams: TeamsRepository,
    private readonly links: AccountLinksService,
    private readonly mail: MailService,
    @InjectQueue(QUEUES.imports) private readonly queue: Queue,
  ) {}

  async preview(auth: AuthContext, kind: ImportKind, file: Buffer): Promise<ImportPreview> {
    const plan = await this.plan(
      this.jobs.manager,
      auth.organisationId,
      auth.role === 'admin',
      kind,
      read(kind, file),
    );
    return plan.preview;
  }

  /**
   * Checks the file as the preview does (400 with the preview when a row has errors), stores it and
   * queues the worker job that applies it. Every import goes through the job, small or large.
   */
  async start(auth: AuthContext, kind: ImportKind, file: Buffer, invite: boolean): Promise<ImportJob> {
    const table = read(kind, file);
    const { preview } = await this.plan(
      this.jobs.manager,
      auth.organisationId,
      auth.role === 'admin',
      kind,
      table,
    );
    if (preview.summary.error > 0) throw rowErrors(preview);
    const job = await this.jobs.insert({
      organisationId: auth.organisationId,
      kind,
      file,
      invite: kind === 'employees' && invite,
      asAdmin: auth.role === 'admin',
      progressTotal: table.rows.length,
      createdBy: auth.userId,
    });
    await this.enqueue(job.id);
    return toDto(job);
  }

  async get(auth: AuthContext, id: string): Promise<ImportJob> {
    const job = await this.jobs.get(auth.organisationId, id);
    if (!job) throw notFound('Import job');
    return toDto(job);
  }

  enqueue(id: string): Promise<unknown> {
    return this.queue.add(
      JOBS.runImport.name,
      { importJobId: id },
      { ...IMPORT_JOB_OPTIONS, jobId: JOBS.runImport.id(id) },
    );
  }

  /** Deletes finished imports older than the retention; a running one is never touched. */
  purgeFinished(olderThanDays = IMPORT_RETENTION_DAYS): Promise<number> {
    return this.jobs.purgeFinished(new Date(Date.now() - olderThanDays * 24 * 3600 * 1000));
  }

  /** Queues every import job the database says is unfinished (Redis may have lost them). */
  async requeueUnfinished(): Promise<number> {
    const open = await this.jobs.unfinishedIds();
    for (const id of open) await this.enqueue(id);
    return open.length;
  }

  /**
   * The worker's part: applies the stored file in one transaction, or nothing. Idempotent: the
   * "done" mark commits with the rows, so a retried or repeated job finds it and only makes sure
   * the invitations are queued. Progress is written outside the transaction, so pollers see it.
   */
  async run(id: string, lastAttempt: boolean): Promise<void> {
    const job = await this.jobs.find(id);
    if (!job || job.status === 'failed') return;
    if (job.status === 'done') return this.dispatchInvitations(job.outboxIds);
    await this.jobs.markRunning(id);
    try {
      const outcome = await this.jobs.transaction(async (manager) => {
        if (!(await this.jobs.lockAndCheckRunning(manager, job.organisationId, id))) return null;
        const table = read(job.kind, job.file ?? Buffer.alloc(0));
        const { preview, apply } = await this.plan(manager, job.organisationId, job.asAdmin, job.kind, table);
        // The organisation changed since the start (a team deleted, an e-mail taken): nothing is written.
        if (preview.summary.error > 0)
          throw new PermanentImportError(
            `${preview.summary.error} row(s) have errors; nothing was imported`,
            preview,
          );
        const outboxIds = await apply({
          invite: job.invite,
          progress: this.progressReporter(id, table.rows.length),
        });
        await this.jobs.markDone(manager, id, {
          progressDone: table.rows.length,
          result: preview,
          outboxIds,
        });
        return outboxIds;
      });
      if (outcome) await this.dispatchInvitations(outcome);
    } catch (error) {
      const permanent = error instanceof PermanentImportError || error instanceof DomainError;
      if (!permanent && !lastAttempt) throw error;
      const message = permanent
        ? error.message
        : `the import stopped (${(error as Error).message}); nothing was imported`;
      await this.fail(id, message, error instanceof PermanentImportError ? error.preview : null);
      if (!permanent) throw error;
    }
  }

  /** Marks an unfinished job failed (its transaction wrote nothing) and drops the file. */
  async fail(id: string, message: string, preview: ImportPreview | null = null): Promise<void> {
    await this.jobs.markFailed(id, message.slice(0, 2000), preview);
  }

  /** Stored with the rows; queued after the commit (a repeat is a no-op: job ids and the outbox status). */
  private async dispatchInvitations(outboxIds: string[]): Promise<void> {
    await this.mail.dispatchStillPending(outboxIds);
  }

  /** Writes progress on its own connection about a hundred times per file (and at every row of a small one). */
  private progressReporter(id: string, total: number) {
    const step = Math.max(1, Math.floor(total / 100));
    let reported = 0;
    return async (done: number) => {
      if (done - reported < step && done < total) return;
      reported = done;
      await this.jobs.progress(id, done);
    };
  }

  private async plan(
    manager: EntityManager,
    organisationId: string,
    asAdmin: boolean,
    kind: ImportKind,
    table: CsvTable,
  ) {
    if (kind === 'teams') {
      const plan = await planTeams(this.teams, manager, organisationId, table);
      return {
        preview: summarise(
          kind,
          table,
          plan.map((p) => p.result),
        ),
        apply: async ({ progress }: ApplyOptions) => {
          await applyTeams(this.teams, manager, organisationId, plan, progress);
          return [];
        },
      };
    }
    const plan = await planEmployees(
      { people: this.people, teams: this.teams },
      manager,
      organisationId,
      table,
      asAdmin,
    );
    return {
      preview: summarise(
        kind,
        table,
        plan.map((p) => p.result),
      ),
      apply: async ({ invite, progress }: ApplyOptions) => {
        const outboxIds: string[] = [];
        await applyEmployees(this.people, manager, organisationId, plan, {
          progress,
          created: async (user) => {
            if (invite) outboxIds.push(await this.links.send('invite', user, manager));
          },
          emailToConfirm: async (user, newEmail) => {
            outboxIds.push(...(await this.links.sendEmailChange(user, newEmail, manager)));
          },
          invitedAddressChanged: async (user) => {
            if (invite) outboxIds.push(await this.links.send('invite', user, manager));
            else await this.links.revoke(user, ['invite'], manager);
          },
        });
        return outboxIds;
      },
    };
  }
}

interface ApplyOptions {
  invite: boolean;
  progress: (done: number) => Promise<void>;
}

const toDto = (job: ImportJobEntity): ImportJob => ({
  id: job.id,
  kind: job.kind,
  status: job.status,
  progress: { done: job.progressDone, total: job.progressTotal },
  result: job.result,
  error: job.error,
  createdAt: job.createdAt.toISOString(),
  finishedAt: job.finishedAt?.toISOString() ?? null,
});

function rowErrors(preview: ImportPreview): BadRequestException {
  return new BadRequestException({
    code: 'import_has_errors',
    message: `${preview.summary.error} row(s) have errors; nothing was imported`,
    errors: firstErrors(preview.rows),
    preview,
  });
}

function summarise(kind: ImportKind, table: CsvTable, rows: ImportRowResult[]): ImportPreview {
  const summary: Record<ImportAction, number> = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const row of rows) summary[row.action] += 1;
  return {
    kind,
    delimiter: table.delimiter,
    encoding: table.encoding,
    columns: table.columns,
    rows,
    summary,
  };
}

function firstErrors(rows: ImportRowResult[]) {
  return rows
    .filter((r) => r.errors.length)
    .slice(0, 20)
    .flatMap((r) => r.errors.map((e) => ({ field: `line ${r.line}.${e.column}`, message: e.message })));
}
