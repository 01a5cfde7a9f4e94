import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { CreatedScimToken, ScimSettings, ScimToken } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { hashToken } from '../auth/tokens';
import { notFound } from '../common/domain-error';
import { AppConfig } from '../config/config';
import { SCIM_BASE_PATH } from './scim-schemas';
import { ScimTokenRow, ScimTokensRepository } from './scim-tokens.repository';

const TOKEN_PREFIX = 'wkscim_';
/** How often last_used_at is written: once a minute is precise enough and spares a write per call. */
const LAST_USED_PRECISION_SECONDS = 60;

/**
 * SCIM tokens: 32 random bytes shown once; the database keeps the SHA-256 (enough for a
 * high-entropy secret) and a prefix to recognise it, like API keys. Revoking is immediate.
 */
@Injectable()
export class ScimTokensService {
  constructor(
    private readonly tokens: ScimTokensRepository,
    private readonly config: AppConfig,
  ) {}

  get baseUrl(): string {
    return `${this.config.publicUrl}${SCIM_BASE_PATH}`;
  }

  async settings(auth: AuthContext): Promise<ScimSettings> {
    return { baseUrl: this.baseUrl, tokens: (await this.tokens.list(auth.organisationId)).map(toScimToken) };
  }

  async create(auth: AuthContext, name: string): Promise<CreatedScimToken> {
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const id = await this.tokens.insert({
      organisationId: auth.organisationId,
      name,
      prefix: token.slice(0, 12),
      tokenHash: hashToken(token),
      createdBy: auth.userId,
    });
    return { ...(await this.get(auth.organisationId, id)), token };
  }

  async revoke(auth: AuthContext, id: string): Promise<ScimToken> {
    await this.get(auth.organisationId, id);
    await this.tokens.revoke(auth.organisationId, id);
    return this.get(auth.organisationId, id);
  }

  async resolve(token: string): Promise<{ organisationId: string; tokenId: string } | null> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
    const row = await this.tokens.resolve(hashToken(token), LAST_USED_PRECISION_SECONDS);
    return row ? { organisationId: row.organisationId, tokenId: row.id } : null;
  }

  private async get(organisationId: string, id: string): Promise<ScimToken> {
    const row = await this.tokens.get(organisationId, id);
    if (!row) throw notFound('SCIM token');
    return toScimToken(row);
  }
}

const toScimToken = (row: ScimTokenRow): ScimToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at.toISOString(),
  createdByName: row.created_by_name,
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});
