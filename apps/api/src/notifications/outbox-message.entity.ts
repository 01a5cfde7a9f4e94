import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OutboxStatus } from '@wk/contracts';

@Entity('outbox_messages')
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column() kind!: string;
  @Column({ name: 'dedup_key' }) dedupKey!: string;
  @Column({ name: 'to_address' }) toAddress!: string;
  @Column() subject!: string;
  @Column({ name: 'text_body', type: 'text' }) textBody!: string;
  @Column({ name: 'html_body', type: 'text', nullable: true }) htmlBody!: string | null;
  @Column({ type: 'varchar' }) status!: OutboxStatus;
  @Column() attempts!: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'message_id', type: 'varchar', nullable: true }) messageId!: string | null;
  @Column({ name: 'round_id', type: 'uuid', nullable: true }) roundId!: string | null;
  @Column({ name: 'wave_id', type: 'uuid', nullable: true }) waveId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
}
