import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ImportJobStatus, ImportKind, ImportPreview } from '@wk/contracts';

/** An uploaded CSV waiting for, or applied by, the worker; the queue payload is its id only. */
@Entity('import_jobs')
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ type: 'varchar' }) kind!: ImportKind;
  /** Dropped once the job ends: the file holds personal data that the result no longer needs. */
  @Column({ type: 'bytea', nullable: true }) file!: Buffer | null;
  @Column() invite!: boolean;
  @Column({ name: 'as_admin' }) asAdmin!: boolean;
  @Column({ type: 'varchar' }) status!: ImportJobStatus;
  @Column({ name: 'progress_done' }) progressDone!: number;
  @Column({ name: 'progress_total' }) progressTotal!: number;
  @Column({ type: 'jsonb', nullable: true }) result!: ImportPreview | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ name: 'outbox_ids', type: 'uuid', array: true }) outboxIds!: string[];
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
