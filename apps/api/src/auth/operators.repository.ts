import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { OperatorSessionEntity, PlatformOperatorEntity } from './operator.entities';

export interface OperatorContext {
  operatorId: string;
  sessionId: string;
}

export interface OperatorSummary {
  id: string;
  email: string;
  name: string;
  createdAt: Date;
  lastLoginAt: Date | null;
}

/** The only SQL on platform_operators and operator_sessions (no organisation: these sit above tenants). */
@Injectable()
export class OperatorsRepository {
  constructor(
    @InjectRepository(PlatformOperatorEntity) private readonly operators: Repository<PlatformOperatorEntity>,
    @InjectRepository(OperatorSessionEntity) private readonly sessions: Repository<OperatorSessionEntity>,
  ) {}

  async create(email: string, name: string, passwordHash: string): Promise<OperatorSummary> {
    const saved = await this.operators.save(this.operators.create({ email, name, passwordHash }));
    return summary(saved);
  }

  async setPassword(email: string, passwordHash: string): Promise<boolean> {
    const result = await this.operators.update({ email }, { passwordHash });
    return (result.affected ?? 0) > 0;
  }

  async list(): Promise<OperatorSummary[]> {
    return (await this.operators.find({ order: { createdAt: 'ASC' } })).map(summary);
  }

  async byId(id: string): Promise<OperatorSummary | null> {
    const row = await this.operators.findOneBy({ id });
    return row ? summary(row) : null;
  }

  /** The operator with its password hash, for sign-in only. */
  async withHashByEmail(email: string): Promise<{ id: string; passwordHash: string } | null> {
    return this.operators.findOne({ where: { email }, select: { id: true, passwordHash: true } });
  }

  async touchLogin(id: string): Promise<void> {
    await this.operators.update({ id }, { lastLoginAt: new Date() });
  }

  async insertSession(row: {
    operatorId: string;
    tokenHash: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  }): Promise<void> {
    await this.sessions.insert(row);
  }

  async liveSession(tokenHash: string): Promise<OperatorContext | null> {
    const row = await this.sessions
      .createQueryBuilder('s')
      .innerJoin(PlatformOperatorEntity, 'o', 'o.id = s.operator_id')
      .select(['s.id AS "sessionId"', 's.operator_id AS "operatorId"'])
      .where('s.token_hash = :tokenHash AND s.expires_at > now()', { tokenHash })
      .getRawOne<OperatorContext>();
    return row ?? null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.sessions.delete({ tokenHash });
  }

  async deleteSessionsOf(email: string): Promise<void> {
    await this.sessions
      .createQueryBuilder()
      .delete()
      .where('operator_id IN (SELECT id FROM platform_operators WHERE email = :email)', { email })
      .execute();
  }

  async purgeExpiredSessions(): Promise<number> {
    return (await this.sessions.delete({ expiresAt: LessThan(new Date()) })).affected ?? 0;
  }
}

const summary = (o: PlatformOperatorEntity): OperatorSummary => ({
  id: o.id,
  email: o.email,
  name: o.name,
  createdAt: o.createdAt,
  lastLoginAt: o.lastLoginAt,
});
