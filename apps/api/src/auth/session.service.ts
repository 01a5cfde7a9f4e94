import { Injectable } from '@nestjs/common';
import type { CookieOptions } from 'express';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import type { Role } from '@wk/contracts';
import { AppConfig } from '../config/config';
import type { AuthContext } from './authenticated.decorator';
import { SessionEntity } from './session.entity';
import { hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'wk_session';

/** Server-side sessions: the cookie holds a random token, the database its hash, so logout really ends it. */
@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    private readonly config: AppConfig,
  ) {}

  get ttlMs(): number {
    return this.config.SESSION_TTL_HOURS * 3600 * 1000;
  }

  /** The session cookie's options, one place for password and single sign-on. */
  cookieOptions(): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.isProduction,
      path: '/',
      maxAge: this.ttlMs,
    };
  }

  async create(
    user: { id: string; organisationId: string },
    meta: { ip?: string; userAgent?: string },
  ): Promise<string> {
    const { token, hash } = newToken();
    await this.sessions.insert({
      organisationId: user.organisationId,
      userId: user.id,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + this.ttlMs),
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return token;
  }

  /** The caller behind a token, if the session is live and the account active. */
  async resolve(token: string): Promise<AuthContext | null> {
    const row = await this.sessions
      .createQueryBuilder('s')
      .innerJoin('users', 'u', 'u.id = s.user_id AND u.organisation_id = s.organisation_id')
      // A suspended organisation's sessions stop at once, without deleting them.
      .innerJoin('organisations', 'o', "o.id = s.organisation_id AND o.status = 'active'")
      .select([
        's.id AS "sessionId"',
        's.user_id AS "userId"',
        's.organisation_id AS "organisationId"',
        'u.role AS role',
      ])
      .where('s.token_hash = :hash AND s.expires_at > now() AND u.status = :active', {
        hash: hashToken(token),
        active: 'active',
      })
      .getRawOne<{ sessionId: string; userId: string; organisationId: string; role: Role }>();
    return row ?? null;
  }

  async end(token: string): Promise<void> {
    await this.sessions.delete({ tokenHash: hashToken(token) });
  }

  async endAllFor(organisationId: string, userId: string): Promise<void> {
    await this.sessions.delete({ organisationId, userId });
  }

  async purgeExpired(): Promise<number> {
    const result = await this.sessions.delete({ expiresAt: LessThan(new Date()) });
    return result.affected ?? 0;
  }
}
