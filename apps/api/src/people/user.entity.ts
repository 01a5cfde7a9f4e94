import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Locale } from '@wk/domain';
import type { Role, UserStatus } from '@wk/contracts';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ type: 'citext' }) email!: string;
  @Column() name!: string;
  @Column({ name: 'employee_number', type: 'varchar', nullable: true }) employeeNumber!: string | null;
  @Column({ type: 'varchar' }) role!: Role;
  @Column({ type: 'varchar' }) status!: UserStatus;
  @Column({ type: 'varchar', nullable: true }) locale!: Locale | null;
  @Column({ name: 'team_id', type: 'uuid', nullable: true }) teamId!: string | null;
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false }) passwordHash!:
    string | null;
  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true }) lastLoginAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
