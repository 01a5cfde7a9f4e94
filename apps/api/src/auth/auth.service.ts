import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '../config/config';
import { conflict } from '../common/domain-error';
import { MailService } from '../notifications/mail.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from '../people/user.entity';
import { AccountLinksService } from './account-links.service';
import { LoginDto } from './dto/auth.dto';
import { LoginLimiterService } from './login-limiter.service';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';

export interface RequestMeta {
  ip: string;
  userAgent?: string;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly limiter: LoginLimiterService,
    private readonly links: AccountLinksService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  /** Returns a session token. Wrong e-mail and wrong password give the same answer. */
  async login(dto: LoginDto, meta: RequestMeta): Promise<string> {
    await this.limiter.beforeAttempt(meta.ip, dto.email);
    const candidates = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .innerJoin(OrganisationEntity, 'o', "o.id = u.organisation_id AND o.status = 'active'")
      .addSelect(['o.isDemo', 'o.slug'])
      .leftJoin('sso_settings', 'sso', 'sso.organisation_id = u.organisation_id')
      .addSelect('sso.password_login_disabled', 'password_login_disabled')
      .where('u.email = :email AND u.status = :active', { email: dto.email.trim(), active: 'active' })
      .andWhere(dto.organisation ? 'o.slug = :slug' : 'TRUE', { slug: dto.organisation })
      .orderBy('u.created_at')
      .getRawAndEntities();
    let user: UserEntity | undefined;
    let ssoOnly = false;
    for (const [index, candidate] of candidates.entities.entries()) {
      if (await this.passwords.verify(candidate.passwordHash, dto.password)) {
        // Said only to someone who knows the password; another organisation's account may still match.
        if (candidates.raw[index]?.password_login_disabled) {
          ssoOnly = true;
          continue;
        }
        user = candidate;
        if (candidates.raw[index]?.o_is_demo && !this.demoLoginAllowed()) {
          throw new ForbiddenException({
            code: 'demo_disabled',
            message: 'Demo accounts are disabled in production',
          });
        }
        break;
      }
    }
    if (candidates.entities.length === 0) await this.passwords.verify(null, dto.password);
    if (!user && ssoOnly) {
      throw new ForbiddenException({
        code: 'password_login_disabled',
        message: 'This organisation signs in with single sign-on only',
      });
    }
    if (!user) {
      throw new UnauthorizedException({
        code: 'invalid_credentials',
        message: 'E-mail address or password is incorrect',
      });
    }
    await this.limiter.succeeded(meta.ip, dto.email);
    await this.users.update({ id: user.id }, { lastLoginAt: new Date() });
    return this.sessions.create(user, meta);
  }

  private demoLoginAllowed(): boolean {
    return !this.config.isProduction || this.config.DEMO === true;
  }

  logout(token: string | undefined): Promise<void> {
    return token ? this.sessions.end(token) : Promise.resolve();
  }

  /** Per IP only: a locked account can always ask for a reset link (the mailbox proves more than a password). */
  async throttleReset(ip: string): Promise<void> {
    await this.limiter.beforeResetRequest(ip);
  }

  /** Always answers the same, whether or not the address exists (or has had its reset mails this hour). */
  async requestPasswordReset(email: string): Promise<void> {
    if (!(await this.limiter.mayMailReset(email))) return;
    const users = await this.users.find({
      where: [
        { email: email.trim(), status: 'active' },
        { email: email.trim(), status: 'invited' },
      ],
    });
    // No password links where the organisation signs in with single sign-on only.
    const ssoOnly: { organisation_id: string }[] = users.length
      ? await this.users.manager.query(
          `SELECT organisation_id FROM sso_settings WHERE password_login_disabled AND organisation_id = ANY($1)`,
          [users.map((u) => u.organisationId)],
        )
      : [];
    for (const user of users) {
      if (ssoOnly.some((row) => row.organisation_id === user.organisationId)) continue;
      const outboxId = await this.links.send(user.status === 'invited' ? 'invite' : 'reset', user);
      await this.mail.dispatch([outboxId]);
    }
  }

  /** Redeems the link sent to a new address: from now on the account signs in with it. */
  async confirmEmail(token: string): Promise<void> {
    await this.users.manager.transaction(async (manager) => {
      const link = await this.links.redeem(token, ['email_change'], manager);
      const user = await manager.findOneByOrFail(UserEntity, {
        id: link.userId,
        organisationId: link.organisationId,
      });
      if (user.status === 'deactivated')
        throw new ForbiddenException({ code: 'deactivated', message: 'This account is deactivated' });
      const taken = await manager.findOne(UserEntity, {
        where: { organisationId: user.organisationId, email: link.newEmail! },
        select: { id: true },
      });
      if (taken && taken.id !== user.id)
        throw conflict('conflict', 'This e-mail address is already in use', 'email');
      await manager.update(
        UserEntity,
        { id: user.id, organisationId: user.organisationId },
        { email: link.newEmail! },
      );
      // Links mailed to the old address no longer belong to whoever reads it.
      await this.links.revoke(user, ['invite', 'reset'], manager);
    });
  }

  /** Redeems an invitation or reset link: sets the password, activates the account, ends old sessions. */
  async setPassword(token: string, password: string): Promise<void> {
    const hash = await this.passwords.hash(password);
    const link = await this.users.manager.transaction(async (manager) => {
      const link = await this.links.redeem(token, ['invite', 'reset'], manager);
      const user = await manager.findOneByOrFail(UserEntity, {
        id: link.userId,
        organisationId: link.organisationId,
      });
      if (user.status === 'deactivated')
        throw new ForbiddenException({ code: 'deactivated', message: 'This account is deactivated' });
      await manager.update(UserEntity, { id: user.id }, { passwordHash: hash, status: 'active' });
      return { ...link, email: user.email };
    });
    await this.sessions.endAllFor(link.organisationId, link.userId);
    await this.limiter.clearAccount(link.email);
  }
}
