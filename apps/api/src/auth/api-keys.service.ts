import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ApiKey, CreatedApiKey } from '@wk/contracts';
import { notFound } from '../common/domain-error';
import { ORGANISATION_ACTIVE, returnedRows } from '../common/sql';
import type { ApiKeyContext, AuthContext } from './authenticated.decorator';
import { hashToken } from './tokens';

const KEY_PREFIX = 'wk_';
/** How often last_used_at is written: once a minute is precise enough and spares a write per call. */
const LAST_USED_PRECISION_SECONDS = 60;

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  created_by_name: string | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/**
 * Organisation API keys for systems such as a CRM. A key is 32 random bytes shown once; the
 * database keeps its SHA-256 (enough for a high-entropy secret, unlike a password) and a prefix.
 */
@Injectable()
export class ApiKeysService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(auth: AuthContext): Promise<ApiKey[]> {
    const rows: ApiKeyRow[] = await this.db.query(
      `${SELECT} WHERE k.organisation_id = $1 ORDER BY k.revoked_at IS NOT NULL, k.created_at DESC`,
      [auth.organisationId],
    );
    return rows.map(toApiKey);
  }

  async create(auth: AuthContext, name: string): Promise<CreatedApiKey> {
    const key = KEY_PREFIX + randomBytes(32).toString('base64url');
    const [{ id }] = await this.db.query(
      `INSERT INTO api_keys (organisation_id, name, prefix, key_hash, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [auth.organisationId, name, key.slice(0, 10), hashToken(key), auth.userId],
    );
    return { ...(await this.get(auth.organisationId, id)), key };
  }

  async revoke(auth: AuthContext, id: string): Promise<ApiKey> {
    await this.get(auth.organisationId, id);
    await this.db.query(
      `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE organisation_id = $1 AND id = $2`,
      [auth.organisationId, id],
    );
    return this.get(auth.organisationId, id);
  }

  /** The organisation of a valid, unrevoked key, or null. */
  async resolve(key: string): Promise<ApiKeyContext | null> {
    if (!key.startsWith(KEY_PREFIX) || key.length > 200) return null;
    const [row] = returnedRows<{ id: string; organisation_id: string }>(
      await this.db.query(
        `UPDATE api_keys SET last_used_at = now()
        WHERE key_hash = $1 AND revoked_at IS NULL AND ${ORGANISATION_ACTIVE}
          AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))
        RETURNING id, organisation_id`,
        [hashToken(key), LAST_USED_PRECISION_SECONDS],
      ),
    );
    if (row) return { keyId: row.id, organisationId: row.organisation_id };
    const [recent]: { id: string; organisation_id: string }[] = await this.db.query(
      `SELECT id, organisation_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL AND ${ORGANISATION_ACTIVE}`,
      [hashToken(key)],
    );
    return recent ? { keyId: recent.id, organisationId: recent.organisation_id } : null;
  }

  private async get(organisationId: string, id: string): Promise<ApiKey> {
    const [row]: ApiKeyRow[] = await this.db.query(`${SELECT} WHERE k.organisation_id = $1 AND k.id = $2`, [
      organisationId,
      id,
    ]);
    if (!row) throw notFound('API key');
    return toApiKey(row);
  }
}

const SELECT = `SELECT k.id, k.name, k.prefix, k.created_at, u.name AS created_by_name, k.last_used_at, k.revoked_at
                  FROM api_keys k LEFT JOIN users u ON u.id = k.created_by`;

const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at.toISOString(),
  createdByName: row.created_by_name,
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});
