import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ApiResource, IssuedCredential } from '@wk/contracts';
import { notFound } from '../common/domain-error';

import { OrganisationScope } from '../common/organisation-scope';
import { ORGANISATION_ACTIVE, returnedRows } from '../common/sql';
import type { AuthContext } from './authenticated.decorator';
import { hashToken } from './tokens';

/** The tables of credentials issued to other systems, with the column that holds the secret's hash. */
export type CredentialTable =
  { table: 'api_keys'; hashColumn: 'key_hash' } | { table: 'scim_tokens'; hashColumn: 'token_hash' };

/** An issued credential as listed, with the name of the person who created it. */
export interface IssuedCredentialRow {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  created_by_name: string | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface CredentialOwner {
  id: string;
  organisationId: string;
}

/**
 * The SQL on one credential table (API keys and SCIM tokens have the same shape). Listing and
 * revoking run in one organisation's scope; resolving a secret finds its organisation.
 */
export class IssuedCredentialStore {
  private readonly select: string;

  constructor(
    private readonly db: DataSource,
    private readonly t: CredentialTable,
  ) {
    this.select = `SELECT k.id, k.name, k.prefix, k.created_at, u.name AS created_by_name, k.last_used_at, k.revoked_at
                     FROM ${t.table} k LEFT JOIN users u ON u.id = k.created_by`;
  }

  private scope(organisationId: string): OrganisationScope {
    return new OrganisationScope(this.db, organisationId);
  }

  /** Unrevoked first, newest first. */
  list(organisationId: string): Promise<IssuedCredentialRow[]> {
    return this.scope(organisationId).rows<IssuedCredentialRow>(
      `${this.select} WHERE k.organisation_id = $1 ORDER BY k.revoked_at IS NOT NULL, k.created_at DESC`,
    );
  }

  get(organisationId: string, id: string): Promise<IssuedCredentialRow | undefined> {
    return this.scope(organisationId).one<IssuedCredentialRow>(
      `${this.select} WHERE k.organisation_id = $1 AND k.id = $2`,
      [id],
    );
  }

  async insert(
    organisationId: string,
    c: { name: string; prefix: string; hash: string; createdBy: string },
  ): Promise<string> {
    const [{ id }] = await this.scope(organisationId).rows<{ id: string }>(
      `INSERT INTO ${this.t.table} (organisation_id, name, prefix, ${this.t.hashColumn}, created_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [c.name, c.prefix, c.hash, c.createdBy],
    );
    return id;
  }

  async revoke(organisationId: string, id: string): Promise<void> {
    await this.scope(organisationId).rows(
      `UPDATE ${this.t.table} SET revoked_at = coalesce(revoked_at, now()) WHERE organisation_id = $1 AND id = $2`,
      [id],
    );
  }

  /**
   * The unrevoked credential of an active organisation with this hash; last_used_at is written at
   * most once per `precisionSeconds`.
   */
  async resolve(hash: string, precisionSeconds: number): Promise<CredentialOwner | null> {
    const { table, hashColumn } = this.t;
    const [touched] = returnedRows<{ id: string; organisation_id: string }>(
      await this.db.query(
        `UPDATE ${table} SET last_used_at = now()
          WHERE ${hashColumn} = $1 AND revoked_at IS NULL AND ${ORGANISATION_ACTIVE}
            AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))
          RETURNING id, organisation_id`,
        [hash, precisionSeconds],
      ),
    );
    const [row] = touched
      ? [touched]
      : ((await this.db.query(
          `SELECT id, organisation_id FROM ${table}
            WHERE ${hashColumn} = $1 AND revoked_at IS NULL AND ${ORGANISATION_ACTIVE}`,
          [hash],
        )) as { id: string; organisation_id: string }[]);
    return row ? { id: row.id, organisationId: row.organisation_id } : null;
  }
}

/** How a kind of credential looks: its secret's prefix, how much of it is kept to recognise it, its name. */
export interface CredentialKind {
  prefix: string;
  shownLength: number;
  label: Extract<ApiResource, 'API key' | 'SCIM token'>;
}

/** How often last_used_at is written: once a minute is precise enough and spares a write per call. */
const LAST_USED_PRECISION_SECONDS = 60;

/**
 * Issuing, listing, revoking and resolving credentials of one kind. The secret is 32 random bytes
 * shown once; the database keeps its SHA-256 (enough for a high-entropy secret, unlike a password)
 * and a prefix. Revoking is immediate.
 */
export abstract class CredentialIssuer {
  protected constructor(
    private readonly store: IssuedCredentialStore,
    private readonly kind: CredentialKind,
  ) {}

  protected async listOf(organisationId: string): Promise<IssuedCredential[]> {
    return (await this.store.list(organisationId)).map(toIssuedCredential);
  }

  /** The new credential and its secret (which is never shown again). */
  protected async issue(auth: AuthContext, name: string): Promise<[IssuedCredential, string]> {
    const secret = this.kind.prefix + randomBytes(32).toString('base64url');
    const id = await this.store.insert(auth.organisationId, {
      name,
      prefix: secret.slice(0, this.kind.shownLength),
      hash: hashToken(secret),
      createdBy: auth.userId,
    });
    return [await this.get(auth.organisationId, id), secret];
  }

  async revoke(auth: AuthContext, id: string): Promise<IssuedCredential> {
    await this.get(auth.organisationId, id);
    await this.store.revoke(auth.organisationId, id);
    return this.get(auth.organisationId, id);
  }

  /** The credential a secret belongs to, or null (also for anything that cannot be one). */
  protected resolveSecret(secret: string): Promise<CredentialOwner | null> {
    if (!secret.startsWith(this.kind.prefix) || secret.length > 200) return Promise.resolve(null);
    return this.store.resolve(hashToken(secret), LAST_USED_PRECISION_SECONDS);
  }

  private async get(organisationId: string, id: string): Promise<IssuedCredential> {
    const row = await this.store.get(organisationId, id);
    if (!row) throw notFound(this.kind.label);
    return toIssuedCredential(row);
  }
}

const toIssuedCredential = (row: IssuedCredentialRow): IssuedCredential => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at.toISOString(),
  createdByName: row.created_by_name,
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});
