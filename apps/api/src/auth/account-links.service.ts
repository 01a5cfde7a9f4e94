import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import type { Locale } from '@wk/domain';
import { AppConfig } from '../config/config';
import { DomainError } from '../common/domain-error';
import { MailService } from '../notifications/mail.service';
import { renderLinkMail } from '../notifications/mail-templates';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from '../people/user.entity';
import { UserTokenEntity, UserTokenPurpose } from './session.entity';
import { hashToken, newToken } from './tokens';

const LIFETIME_HOURS: Record<UserTokenPurpose, number> = { invite: 7 * 24, reset: 2 };

/** One-time links by e-mail: invitations (choose a first password) and password resets. */
@Injectable()
export class AccountLinksService {
  constructor(
    @InjectRepository(UserTokenEntity) private readonly tokens: Repository<UserTokenEntity>,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  /** Creates a fresh link (older unused ones of the same purpose stop working) and mails it. */
  async send(
    purpose: UserTokenPurpose,
    user: UserEntity,
    manager: EntityManager = this.tokens.manager,
  ): Promise<string> {
    const organisation = await manager.findOneByOrFail(OrganisationEntity, { id: user.organisationId });
    const { token, hash } = newToken();
    const expiresAt = new Date(Date.now() + LIFETIME_HOURS[purpose] * 3600 * 1000);
    await manager.update(
      UserTokenEntity,
      { organisationId: user.organisationId, userId: user.id, purpose, usedAt: IsNull() },
      { usedAt: new Date() },
    );
    const saved = await manager.save(
      UserTokenEntity,
      manager.create(UserTokenEntity, {
        organisationId: user.organisationId,
        userId: user.id,
        purpose,
        tokenHash: hash,
        expiresAt,
      }),
    );
    const locale: Locale = user.locale ?? organisation.locale;
    const link = `${this.config.publicUrl}/set-password?token=${encodeURIComponent(token)}&lang=${locale}`;
    const rendered = renderLinkMail(purpose, locale, {
      name: user.name,
      organisation: organisation.name,
      link,
      expiresAt,
      timeZone: organisation.timeZone,
    });
    const outboxId = await this.mail.store(
      {
        organisationId: user.organisationId,
        kind: purpose,
        dedupKey: `${purpose}:${saved.id}`,
        to: user.email,
        ...rendered,
      },
      manager,
    );
    return outboxId;
  }

  /** Redeems a link exactly once; the row lock makes two simultaneous redemptions impossible. */
  async redeem(token: string, manager: EntityManager): Promise<UserTokenEntity> {
    const row = await manager.findOne(UserTokenEntity, {
      where: { tokenHash: hashToken(token), usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row)
      throw new DomainError('link_invalid', 'This link is invalid, expired or already used', 400, [
        { field: 'token', message: 'invalid, expired or already used' },
      ]);
    await manager.update(UserTokenEntity, { id: row.id }, { usedAt: new Date() });
    return row;
  }
}
