import { ConflictException, Injectable, Logger } from '@nestjs/common';
import type { SetupChecklist, SetupState } from '@wk/contracts';
import { LoginLimiterService } from '../auth/login-limiter.service';
import { PasswordService } from '../auth/password.service';
import { SessionService } from '../auth/session.service';
import { hashToken, newToken } from '../auth/tokens';
import { AppConfig } from '../config/config';
import { invalid } from '../common/domain-error';
import { PeopleService } from '../people/people.service';
import { SetupDto } from './dto/platform.dto';
import { PlatformOrganisationsService } from './platform-organisations.service';
import { PlatformRepository } from './platform.repository';

/** Serialises setups, so two at once never create two first organisations. */
const SETUP_LOCK = 7_240_318;

/**
 * First run: while no organisation exists, the api prints a one-time token in its log; whoever can
 * read the server's log creates the organisation and its first admin with it, once.
 */
@Injectable()
export class SetupService {
  private readonly logger = new Logger('Setup');

  constructor(
    private readonly platform: PlatformRepository,
    private readonly organisations: PlatformOrganisationsService,
    private readonly people: PeopleService,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly limiter: LoginLimiterService,
    private readonly config: AppConfig,
  ) {}

  async state(): Promise<SetupState> {
    return { needed: (await this.platform.organisationCount()) === 0 };
  }

  /**
   * Called at api start: prints a fresh token when setup is needed. Replicas started together each
   * print one and each works; a later start revokes the earlier ones (PlatformRepository).
   */
  async announceIfNeeded(): Promise<string | null> {
    if (!(await this.state()).needed) return null;
    const { token, hash } = newToken();
    await this.platform.storeSetupToken(hash);
    this.logger.warn(
      `No organisation yet. Open ${this.config.publicUrl}/setup and enter this one-time setup token: ${token}`,
    );
    return token;
  }

  /** Creates the first organisation and its admin, signed in at once; the token works once. */
  async setup(dto: SetupDto, meta: { ip: string; userAgent?: string }): Promise<string> {
    await this.limiter.beforeAttempt(meta.ip, 'platform-setup');
    const passwordHash = await this.passwords.hash(dto.admin.password);
    const admin = await this.platform.transaction(async (manager) => {
      await this.platform.lockSetup(manager, SETUP_LOCK);
      if ((await this.platform.organisationCount(manager)) > 0)
        throw new ConflictException({
          code: 'already_set_up',
          message: 'This installation is already set up',
        });
      if (!(await this.platform.claimSetupToken(manager, hashToken(dto.token))))
        throw invalid('token', 'invalid or already used: use the token from the server log of this start');
      const organisation = await this.organisations.createIn(manager, dto.organisation);
      const created = await this.people.createAdmin(manager, organisation.id, {
        ...dto.admin,
        locale: dto.organisation.locale,
        passwordHash,
      });
      return { id: created.userId, organisationId: organisation.id };
    });
    await this.limiter.succeeded(meta.ip, 'platform-setup');
    this.logger.log(`Set up: organisation ${admin.organisationId} with its first admin`);
    return this.sessions.create(admin, meta);
  }

  checklist(organisationId: string): Promise<SetupChecklist> {
    return this.platform.checklist(organisationId);
  }
}
