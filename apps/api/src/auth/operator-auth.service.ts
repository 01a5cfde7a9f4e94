import { ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { LoginLimiterService } from './login-limiter.service';
import { OperatorContext, OperatorsRepository, OperatorSummary } from './operators.repository';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { hashToken, newToken } from './tokens';

export const OPERATOR_COOKIE = 'wk_operator';

/** Sign-in and sessions of platform operators; the same hashing and login limits as people. */
@Injectable()
export class OperatorAuthService {
  constructor(
    private readonly operators: OperatorsRepository,
    private readonly passwords: PasswordService,
    private readonly limiter: LoginLimiterService,
    private readonly sessions: SessionService,
  ) {}

  /** Creates an operator; without a password, a strong one is generated and returned once. */
  async create(
    email: string,
    name: string,
    password?: string,
  ): Promise<{ operator: OperatorSummary; password: string }> {
    const chosen = password ?? generatedPassword();
    if (await this.operators.withHashByEmail(email))
      throw new ConflictException({ code: 'conflict', message: `An operator ${email} exists already` });
    const operator = await this.operators.create(email, name, await this.passwords.hash(chosen));
    return { operator, password: chosen };
  }

  /** Sets a new (generated) password and ends the operator's sessions. */
  async resetPassword(email: string, password?: string): Promise<string | null> {
    const chosen = password ?? generatedPassword();
    if (!(await this.operators.setPassword(email, await this.passwords.hash(chosen)))) return null;
    await this.operators.deleteSessionsOf(email);
    // A new password set by whoever runs the command line proves more than a password: lift the locks.
    await this.limiter.clearAccount(`operator:${email}`);
    return chosen;
  }

  list(): Promise<OperatorSummary[]> {
    return this.operators.list();
  }

  me(operatorId: string): Promise<OperatorSummary | null> {
    return this.operators.byId(operatorId);
  }

  async login(email: string, password: string, meta: { ip: string; userAgent?: string }): Promise<string> {
    const limitKey = `operator:${email}`;
    await this.limiter.beforeAttempt(meta.ip, limitKey);
    const operator = await this.operators.withHashByEmail(email.trim());
    // Verified even without an operator (against a dummy hash), so timing does not tell which exist.
    const matches = await this.passwords.verify(operator?.passwordHash, password);
    if (!operator || !matches) {
      throw new UnauthorizedException({
        code: 'invalid_credentials',
        message: 'E-mail address or password is incorrect',
      });
    }
    await this.limiter.succeeded(meta.ip, limitKey);
    await this.operators.touchLogin(operator.id);
    const { token, hash } = newToken();
    await this.operators.insertSession({
      operatorId: operator.id,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + this.sessions.ttlMs),
      ip: meta.ip.slice(0, 64),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return token;
  }

  resolve(token: string): Promise<OperatorContext | null> {
    return this.operators.liveSession(hashToken(token));
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.operators.deleteSession(hashToken(token));
  }
}

/** 24 random bytes: far beyond any guessing, shown once by the command line. */
const generatedPassword = () => randomBytes(24).toString('base64url');
