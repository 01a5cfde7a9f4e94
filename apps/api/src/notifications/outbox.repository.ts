import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OutboxMessage, OutboxStatus } from '@wk/contracts';
import { OrganisationScope } from '../common/organisation-scope';
import type { MailToSend } from './mail.service';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface OutboxFilter {
  status?: OutboxStatus;
  roundId?: string;
  waveId?: string;
}

interface OutboxRow {
  id: string;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  round_id: string | null;
  cycle_id: string | null;
  cycle_name: string | null;
  round_opens_at: Date | null;
  wave_id: string | null;
  survey_id: string | null;
  survey_name: string | null;
  wave_opens_at: Date | null;
}

/** The message with the round (cycle name, opening) or wave (survey name, opening) it belongs to. */
const SELECT = `SELECT m.id, m.kind, m.to_address, m.subject, m.text_body, m.status, m.attempts, m.last_error,
       m.created_at, m.sent_at,
       r.id AS round_id, c.id AS cycle_id, c.name AS cycle_name, r.opens_at AS round_opens_at,
       w.id AS wave_id, s.id AS survey_id, s.name AS survey_name, w.opens_at AS wave_opens_at
  FROM outbox_messages m
  LEFT JOIN assessment_rounds r ON r.organisation_id = m.organisation_id AND r.id = m.round_id
  LEFT JOIN assessment_cycles c ON c.id = r.cycle_id
  LEFT JOIN survey_waves w ON w.organisation_id = m.organisation_id AND w.id = m.wave_id
  LEFT JOIN surveys s ON s.id = w.survey_id`;

/**
 * The outbox (outbox_messages): messages stored by every module, and as admins read them. Writes
 * take the caller's transaction manager, to store a message atomically with its work.
 */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(
    organisationId: string,
    filter: OutboxFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: OutboxMessage[]; total: number }> {
    const where = `m.organisation_id = $1 AND ($2::text IS NULL OR m.status = $2)
      AND ($3::uuid IS NULL OR m.round_id = $3) AND ($4::uuid IS NULL OR m.wave_id = $4)`;
    const params = [organisationId, filter.status ?? null, filter.roundId ?? null, filter.waveId ?? null];
    const rows: OutboxRow[] = await this.db.query(
      // The id breaks ties: messages stored together share created_at, and without it pages overlapped and skipped rows.
      `${SELECT} WHERE ${where} ORDER BY m.created_at DESC, m.id DESC LIMIT $5 OFFSET $6`,
      [...params, page.limit, page.offset],
    );
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM outbox_messages m WHERE ${where}`,
      params,
    );
    return { items: rows.map(toDto), total };
  }

  async get(organisationId: string, id: string): Promise<OutboxMessage | null> {
    const [row]: OutboxRow[] = await this.db.query(`${SELECT} WHERE m.organisation_id = $1 AND m.id = $2`, [
      organisationId,
      id,
    ]);
    return row ? toDto(row) : null;
  }

  /** Stores the message unless its dedup key exists; answers its id either way. */
  async insert(
    mail: MailToSend,
    status: OutboxStatus,
    manager: EntityManager = this.db.manager,
  ): Promise<string> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessageEntity)
      .values({
        organisationId: mail.organisationId,
        kind: mail.kind,
        dedupKey: mail.dedupKey,
        toAddress: mail.to,
        subject: mail.subject,
        textBody: mail.text,
        htmlBody: mail.html ?? null,
        roundId: mail.roundId ?? null,
        waveId: mail.waveId ?? null,
        status,
        attempts: 0,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const inserted = result.raw[0]?.id as string | undefined;
    if (inserted) return inserted;
    const existing = await manager.findOneOrFail(OutboxMessageEntity, {
      where: { organisationId: mail.organisationId, dedupKey: mail.dedupKey },
      select: { id: true },
    });
    return existing.id;
  }

  /** Stores the messages in one statement (of any organisation each); existing dedup keys are skipped. */
  async insertMany(mails: MailToSend[], status: OutboxStatus, manager: EntityManager = this.db.manager) {
    await manager.query(
      `INSERT INTO outbox_messages (organisation_id, kind, dedup_key, to_address, subject, text_body, html_body, status, attempts, round_id, wave_id)
       SELECT organisation_id, kind, dedup_key, to_address, subject, text_body, html_body, $8, 0, round_id, wave_id
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $9::uuid[], $10::uuid[])
           AS m(organisation_id, kind, dedup_key, to_address, subject, text_body, html_body, round_id, wave_id)
       ON CONFLICT (organisation_id, dedup_key) DO NOTHING`,
      [
        mails.map((m) => m.organisationId),
        mails.map((m) => m.kind),
        mails.map((m) => m.dedupKey),
        mails.map((m) => m.to),
        mails.map((m) => m.subject),
        mails.map((m) => m.text),
        mails.map((m) => m.html ?? null),
        status,
        mails.map((m) => m.roundId ?? null),
        mails.map((m) => m.waveId ?? null),
      ],
    );
  }

  /** Those of the given messages (of any organisation) that are still pending. */
  async stillPending(ids: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM outbox_messages WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** The ids of the still pending messages with these dedup keys (through the unique index). */
  async pendingIds(organisationId: string, dedupKeys: string[]): Promise<string[]> {
    const rows = await new OrganisationScope(this.db, organisationId).rows<{ id: string }>(
      `SELECT id FROM outbox_messages WHERE organisation_id = $1 AND dedup_key = ANY($2::text[]) AND status = 'pending'`,
      [dedupKeys],
    );
    return rows.map((r) => r.id);
  }
}

function toDto(m: OutboxRow): OutboxMessage {
  return {
    id: m.id,
    kind: m.kind,
    to: m.to_address,
    subject: m.subject,
    text: m.text_body,
    status: m.status,
    attempts: m.attempts,
    lastError: m.last_error,
    createdAt: m.created_at.toISOString(),
    sentAt: m.sent_at?.toISOString() ?? null,
    round:
      m.round_id && m.round_opens_at
        ? {
            id: m.round_id,
            cycleId: m.cycle_id!,
            cycleName: m.cycle_name!,
            opensAt: m.round_opens_at.toISOString(),
          }
        : null,
    wave:
      m.wave_id && m.wave_opens_at
        ? {
            id: m.wave_id,
            surveyId: m.survey_id!,
            surveyName: m.survey_name!,
            opensAt: m.wave_opens_at.toISOString(),
          }
        : null,
  };
}
