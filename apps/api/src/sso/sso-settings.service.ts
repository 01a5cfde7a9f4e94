import { HttpStatus, Injectable } from '@nestjs/common';
import type { SsoSettings } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { AppConfig } from '../config/config';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { UpdateSsoSettingsDto } from './dto/sso-settings.dto';
import { OidcClients } from './oidc-clients';
import { SecretBox } from './secret-box';
import { SsoRepository, SsoSettingsRow } from './sso.repository';

/** The admin's view of the organisation's single sign-on: read, save, remove. */
@Injectable()
export class SsoSettingsService {
  private readonly box: SecretBox;
  private readonly isProduction: boolean;

  constructor(
    private readonly repo: SsoRepository,
    private readonly oidc: OidcClients,
    config: AppConfig,
  ) {
    this.box = new SecretBox(config.SESSION_SECRET);
    this.isProduction = config.isProduction;
  }

  async get(auth: AuthContext, redirectUri: string): Promise<SsoSettings> {
    const row = await this.repo.settings(auth.organisationId);
    if (!row) throw notFound('Single sign-on settings');
    return this.toDto(auth, row, redirectUri);
  }

  async save(auth: AuthContext, dto: UpdateSsoSettingsDto, redirectUri: string): Promise<SsoSettings> {
    const existing = await this.repo.settings(auth.organisationId);
    if (!dto.clientSecret && !existing) throw invalid('clientSecret', 'is required the first time');
    if (this.isProduction && !dto.issuerUrl.startsWith('https://'))
      throw invalid('issuerUrl', 'must be an https address');
    let issuerUrl: string;
    try {
      // The provider's own name for itself: ID tokens carry exactly this as `iss`.
      issuerUrl = (await this.oidc.discover(dto.issuerUrl)).metadata.issuer;
    } catch {
      throw invalid('issuerUrl', 'no OpenID Connect configuration found at this address');
    }
    if (dto.passwordLoginDisabled && !(existing?.passwordLoginDisabled && existing.issuerUrl === issuerUrl)) {
      // Lock-out guard: only someone who has just proven that this provider lets them in may close the other door.
      if (!(await this.repo.hasSignedInWith(auth.organisationId, auth.userId, issuerUrl)))
        throw new DomainError(
          'sso_sign_in_required',
          'Sign in with single sign-on yourself once before switching password sign-in off',
          HttpStatus.CONFLICT,
          [{ field: 'passwordLoginDisabled', message: 'sign in with single sign-on first' }],
        );
    }
    await this.repo.save({
      organisationId: auth.organisationId,
      issuerUrl,
      clientId: dto.clientId,
      clientSecretEncrypted: dto.clientSecret
        ? this.box.seal(dto.clientSecret, auth.organisationId)
        : existing!.clientSecretEncrypted,
      allowedDomains: dto.allowedDomains,
      justInTime: dto.justInTime,
      passwordLoginDisabled: dto.passwordLoginDisabled,
      acceptUnverifiedEmail: dto.acceptUnverifiedEmail ?? false,
    });
    return this.get(auth, redirectUri);
  }

  /** Removing SSO switches password sign-in back on (it lives on the same row). */
  async remove(auth: AuthContext): Promise<void> {
    if (!(await this.repo.remove(auth.organisationId))) throw notFound('Single sign-on settings');
  }

  private async toDto(auth: AuthContext, row: SsoSettingsRow, redirectUri: string): Promise<SsoSettings> {
    return {
      issuerUrl: row.issuerUrl,
      clientId: row.clientId,
      clientSecretSet: row.clientSecretEncrypted.length > 0,
      allowedDomains: row.allowedDomains,
      justInTime: row.justInTime,
      passwordLoginDisabled: row.passwordLoginDisabled,
      acceptUnverifiedEmail: row.acceptUnverifiedEmail,
      redirectUri,
      callerHasSignedInWithSso: await this.repo.hasSignedInWith(
        auth.organisationId,
        auth.userId,
        row.issuerUrl,
      ),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
