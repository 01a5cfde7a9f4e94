import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OutboxMessage, OutboxStatus } from '@wk/contracts';

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

/** The outbox as admins read it; every query is scoped to the organisation here. */
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
