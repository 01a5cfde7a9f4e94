import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Whoever hosts the product: outside every organisation, never sees survey or assessment content. */
@Entity('platform_operators')
export class PlatformOperatorEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'citext' }) email!: string;
  @Column({ type: 'varchar' }) name!: string;
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true }) lastLoginAt!: Date | null;
}

@Entity('operator_sessions')
export class OperatorSessionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'operator_id', type: 'uuid' }) operatorId!: string;
  @Column({ name: 'token_hash', type: 'char', length: 64 }) tokenHash!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'varchar', nullable: true }) ip!: string | null;
  @Column({ name: 'user_agent', type: 'varchar', nullable: true }) userAgent!: string | null;
}
