import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ORGANISATION_ACTIVE, returnedRows } from '../common/sql';

export interface ScimTokenRow {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  created_by_name: string | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const SELECT = `SELECT k.id, k.name, k.prefix, k.created_at, u.name AS created_by_name, k.last_used_at, k.revoked_at
                  FROM scim_tokens k LEFT JOIN users u ON u.id = k.created_by`;

/** The only SQL on scim_tokens; every read and write names the organisation. */
@Injectable()
export class ScimTokensRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(organisationId: string): Promise<ScimTokenRow[]> {
    return this.db.query(
      `${SELECT} WHERE k.organisation_id = $1 ORDER BY k.revoked_at IS NOT NULL, k.created_at DESC`,
      [organisationId],
    );
  }

  async get(organisationId: string, id: string): Promise<ScimTokenRow | null> {
    const [row]: ScimTokenRow[] = await this.db.query(
      `${SELECT} WHERE k.organisation_id = $1 AND k.id = $2`,
      [organisationId, id],
    );
    return row ?? null;
  }

  async insert(row: {
    organisationId: string;
    name: string;
    prefix: string;
    tokenHash: string;
    createdBy: string;
  }): Promise<string> {
    const [{ id }]: { id: string }[] = await this.db.query(
      `INSERT INTO scim_tokens (organisation_id, name, prefix, token_hash, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [row.organisationId, row.name, row.prefix, row.tokenHash, row.createdBy],
    );
    return id;
  }

  async revoke(organisationId: string, id: string): Promise<void> {
    await this.db.query(
      `UPDATE scim_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE organisation_id = $1 AND id = $2`,
      [organisationId, id],
    );
  }

  /** The organisation of an unrevoked token; last_used_at is written at most once per `precisionSeconds`. */
  async resolve(
    tokenHash: string,
    precisionSeconds: number,
  ): Promise<{ id: string; organisationId: string } | null> {
    const [touched] = returnedRows<{ id: string; organisation_id: string }>(
      await this.db.query(
        `UPDATE scim_tokens SET last_used_at = now()
          WHERE token_hash = $1 AND revoked_at IS NULL AND ${ORGANISATION_ACTIVE}
            AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))
          RETURNING id, organisation_id`,
        [tokenHash, precisionSeconds],
      ),
    );
    const [row] = touched
      ? [touched]
      : ((await this.db.query(
          `SELECT id, organisation_id FROM scim_tokens WHERE token_hash = $1 AND revoked_at IS NULL AND ${ORGANISATION_ACTIVE}`,
          [tokenHash],
        )) as { id: string; organisation_id: string }[]);
    return row ? { id: row.id, organisationId: row.organisation_id } : null;
  }
}
