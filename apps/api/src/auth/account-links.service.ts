import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, MoreThan, Repository } from 'typeorm';
import type { Locale } from '@wk/domain';
import { AppConfig } from '../config/config';
import { DomainError } from '../common/domain-error';
import { MailService } from '../notifications/mail.service';
import { renderLinkMail, renderNoticeMail } from '../notifications/mail-templates';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from '../people/user.entity';
import { UserTokenEntity, UserTokenPurpose } from './session.entity';
import { hashToken, newToken } from './tokens';

const LIFETIME_HOURS: Record<UserTokenPurpose, number> = { invite: 7 * 24, reset: 2, email_change: 24 };

/** One-time links by e-mail: invitations, password resets and confirmations of a new e-mail address. */
@Injectable()
export class AccountLinksService {
  constructor(
    @InjectRepository(UserTokenEntity) private readonly tokens: Repository<UserTokenEntity>,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  /** Creates a fresh invitation or reset link (older unused ones of the same purpose stop working) and mails it. */
  async send(
    purpose: 'invite' | 'reset',
    user: UserEntity,
    manager: EntityManager = this.tokens.manager,
  ): Promise<string> {
    const { token, saved, organisation, locale } = await this.issue(purpose, user, manager);
    const link = `${this.config.publicUrl}/set-password?token=${encodeURIComponent(token)}&lang=${locale}`;
    const rendered = renderLinkMail(purpose, locale, {
      name: user.name,
      organisation: organisation.name,
      link,
      expiresAt: saved.expiresAt,
      timeZone: organisation.timeZone,
    });
    return this.mail.store(
      {
        organisationId: user.organisationId,
        kind: purpose,
        dedupKey: `${purpose}:${saved.id}`,
        to: user.email,
        ...rendered,
      },
      manager,
    );
  }

  /**
   * Asks the new address to confirm an e-mail change and tells the old one. Until the link is used the
   * account keeps its address, so a password reset can never reach an address nobody confirmed.
   */
  async sendEmailChange(user: UserEntity, newEmail: string, manager: EntityManager): Promise<string[]> {
    const { token, saved, organisation, locale } = await this.issue('email_change', user, manager, newEmail);
    const link = `${this.config.publicUrl}/confirm-email?token=${encodeURIComponent(token)}&lang=${locale}`;
    const confirm = renderLinkMail('emailChange', locale, {
      name: user.name,
      organisation: organisation.name,
      link,
      expiresAt: saved.expiresAt,
      timeZone: organisation.timeZone,
    });
    const notice = renderNoticeMail('emailChangeNotice', locale, {
      name: user.name,
      organisation: organisation.name,
      newEmail,
    });
    const base = { organisationId: user.organisationId, kind: 'email_change' };
    return [
      await this.mail.store(
        { ...base, dedupKey: `email_change:${saved.id}`, to: newEmail, ...confirm },
        manager,
      ),
      await this.mail.store(
        {
          ...base,
          kind: 'email_change_notice',
          dedupKey: `email_change_notice:${saved.id}`,
          to: user.email,
          ...notice,
        },
        manager,
      ),
    ];
  }

  /** The address an account's unconfirmed e-mail change waits for, per user. */
  async pendingEmails(organisationId: string, userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.tokens.find({
      where: {
        organisationId,
        userId: In(userIds),
        purpose: 'email_change',
        usedAt: IsNull(),
        expiresAt: MoreThan(new Date()),
      },
      select: { userId: true, newEmail: true },
    });
    return new Map(rows.map((row) => [row.userId, row.newEmail ?? '']));
  }

  /** Ends every unused link of these purposes (e.g. when the address it went to is no longer the account's). */
  async revoke(
    user: { organisationId: string; id: string },
    purposes: UserTokenPurpose[],
    manager: EntityManager,
  ) {
    await manager.update(
      UserTokenEntity,
      { organisationId: user.organisationId, userId: user.id, purpose: In(purposes), usedAt: IsNull() },
      { usedAt: new Date() },
    );
  }

  /** Redeems a link of one of these purposes exactly once; the row lock makes two redemptions impossible. */
  async redeem(
    token: string,
    purposes: UserTokenPurpose[],
    manager: EntityManager,
  ): Promise<UserTokenEntity> {
    const row = await manager.findOne(UserTokenEntity, {
      where: {
        tokenHash: hashToken(token),
        purpose: In(purposes),
        usedAt: IsNull(),
        expiresAt: MoreThan(new Date()),
      },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row)
      throw new DomainError('link_invalid', 'This link is invalid, expired or already used', 400, [
        { field: 'token', message: 'invalid, expired or already used' },
      ]);
    await manager.update(UserTokenEntity, { id: row.id }, { usedAt: new Date() });
    return row;
  }

  private async issue(
    purpose: UserTokenPurpose,
    user: UserEntity,
    manager: EntityManager,
    newEmail?: string,
  ) {
    const organisation = await manager.findOneByOrFail(OrganisationEntity, { id: user.organisationId });
    const { token, hash } = newToken();
    await this.revoke(user, [purpose], manager);
    const saved = await manager.save(
      UserTokenEntity,
      manager.create(UserTokenEntity, {
        organisationId: user.organisationId,
        userId: user.id,
        purpose,
        tokenHash: hash,
        newEmail: newEmail ?? null,
        expiresAt: new Date(Date.now() + LIFETIME_HOURS[purpose] * 3600 * 1000),
      }),
    );
    const locale: Locale = user.locale ?? organisation.locale;
    return { token, saved, organisation, locale };
  }
}
