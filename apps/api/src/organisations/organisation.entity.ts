import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Locale } from '@wk/domain';

@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() name!: string;
  @Column() slug!: string;
  @Column({ type: 'varchar' }) locale!: Locale;
  @Column({ name: 'time_zone' }) timeZone!: string;
  @Column({ name: 'anonymity_minimum' }) anonymityMinimum!: number;
  @Column({ name: 'comment_minimum' }) commentMinimum!: number;
  @Column({ name: 'contact_quarantine_days' }) contactQuarantineDays!: number;
  @Column({ name: 'contact_retention_days' }) contactRetentionDays!: number;
  @Column({ name: 'reliability_minimum' }) reliabilityMinimum!: number;
  @Column({ name: 'is_demo' }) isDemo!: boolean;
  /** Suspended by the platform operator: nobody signs in, nothing is sent, the data stays. */
  @Column({ type: 'varchar' }) status!: 'active' | 'suspended';
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
