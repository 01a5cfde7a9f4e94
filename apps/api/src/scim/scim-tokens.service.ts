import { Injectable } from '@nestjs/common';
import type { CreatedScimToken, ScimSettings } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { CredentialIssuer } from '../auth/issued-credentials';
import { AppConfig } from '../config/config';
import { SCIM_BASE_PATH } from './scim-schemas';
import { ScimTokensRepository } from './scim-tokens.repository';

/** SCIM tokens (`wkscim_…`, shown once), like API keys. */
@Injectable()
export class ScimTokensService extends CredentialIssuer {
  constructor(
    tokens: ScimTokensRepository,
    private readonly config: AppConfig,
  ) {
    super(tokens, { prefix: 'wkscim_', shownLength: 12, label: 'SCIM token' });
  }

  get baseUrl(): string {
    return `${this.config.publicUrl}${SCIM_BASE_PATH}`;
  }

  async settings(auth: AuthContext): Promise<ScimSettings> {
    return { baseUrl: this.baseUrl, tokens: await this.listOf(auth.organisationId) };
  }

  async create(auth: AuthContext, name: string): Promise<CreatedScimToken> {
    const [scimToken, token] = await this.issue(auth, name);
    return { ...scimToken, token };
  }

  async resolve(token: string): Promise<{ organisationId: string; tokenId: string } | null> {
    const owner = await this.resolveSecret(token);
    return owner ? { organisationId: owner.organisationId, tokenId: owner.id } : null;
  }
}
