import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThan, Repository } from 'typeorm';
import type { ImportPreview } from '@wk/contracts';
import { ImportJobEntity } from './import-job.entity';

/** Advisory lock key per organisation: two imports of one organisation never interleave. */
const IMPORT_LOCK = 727_274_100;

/** What a job shows HR: everything but the stored file. */
const COLUMNS_WITHOUT_FILE = {
  id: true,
  organisationId: true,
  kind: true,
  status: true,
  progressDone: true,
  progressTotal: true,
  result: true,
  error: true,
  createdAt: true,
  finishedAt: true,
} as const;

const UNFINISHED = In(['queued', 'running']);

export type NewImportJob = Pick<
  ImportJobEntity,
  'organisationId' | 'kind' | 'file' | 'invite' | 'asAdmin' | 'progressTotal' | 'createdBy'
>;

/**
 * Import jobs (import_jobs): HR's reads name the organisation; the worker reads a job by its id
 * (the queue payload) and applies it inside `transaction`.
 */
@Injectable()
export class ImportJobsRepository {
  private readonly jobs: Repository<ImportJobEntity>;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.jobs = db.getRepository(ImportJobEntity);
  }

  get manager(): EntityManager {
    return this.db.manager;
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  insert(job: NewImportJob): Promise<ImportJobEntity> {
    return this.jobs.save(this.jobs.create({ ...job, status: 'queued', progressDone: 0, outboxIds: [] }));
  }

  async get(organisationId: string, id: string): Promise<ImportJobEntity | null> {
    return this.jobs.findOne({ where: { id, organisationId }, select: COLUMNS_WITHOUT_FILE });
  }

  /** The job with its file, for the worker. */
  find(id: string): Promise<ImportJobEntity | null> {
    return this.jobs.findOneBy({ id });
  }

  async unfinishedIds(): Promise<string[]> {
    const open = await this.jobs.find({ where: { status: UNFINISHED }, select: { id: true } });
    return open.map((j) => j.id);
  }

  /** Deletes finished jobs that ended before `before`; answers how many. */
  async purgeFinished(before: Date): Promise<number> {
    const result = await this.jobs.delete({ status: In(['done', 'failed']), finishedAt: LessThan(before) });
    return result.affected ?? 0;
  }

  async markRunning(id: string): Promise<void> {
    await this.jobs.update(
      { id, status: UNFINISHED },
      { status: 'running', startedAt: new Date(), progressDone: 0 },
    );
  }

  /** Progress of a running job, on its own connection so pollers see it during the transaction. */
  async progress(id: string, done: number): Promise<void> {
    await this.jobs.update({ id, status: 'running' }, { progressDone: done });
  }

  /**
   * Takes the organisation's import lock for the transaction, then answers whether the job is
   * still running (another run of it may have committed while this one waited).
   */
  async lockAndCheckRunning(m: EntityManager, organisationId: string, id: string): Promise<boolean> {
    await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [IMPORT_LOCK, organisationId]);
    const [current]: { status: string }[] = await m.query(`SELECT status FROM import_jobs WHERE id = $1`, [
      id,
    ]);
    return current?.status === 'running';
  }

  /** Done commits with the imported rows; the file is dropped. */
  async markDone(
    m: EntityManager,
    id: string,
    done: { progressDone: number; result: ImportPreview; outboxIds: string[] },
  ): Promise<void> {
    await m.update(ImportJobEntity, { id }, { status: 'done', ...done, file: null, finishedAt: new Date() });
  }

  /** An unfinished job failed (its transaction wrote nothing); the file is dropped. */
  async markFailed(id: string, error: string, result: ImportPreview | null): Promise<void> {
    await this.jobs.update(
      { id, status: UNFINISHED },
      { status: 'failed', error, result, file: null, finishedAt: new Date() },
    );
  }
}
