import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { WebhookDeliveryStatus, WebhookEventType } from '@wk/contracts';
import { ORGANISATION_ACTIVE, returnedRows } from '../common/sql';

export interface EndpointRow {
  id: string;
  organisation_id: string;
  url: string;
  description: string;
  event_types: WebhookEventType[];
  enabled: boolean;
  secret_rotated_at: Date;
  created_at: Date;
  updated_at: Date;
  delivered: number;
  failed: number;
  pending: number;
}

export interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  status: WebhookDeliveryStatus;
  round: number;
  attempts: number;
  response_status: number | null;
  duration_ms: number | null;
  last_error: string | null;
  created_at: Date;
  last_attempt_at: Date | null;
  delivered_at: Date | null;
}

/** What the worker needs to send one delivery (no organisation filter: it comes from a job id). */
export interface SendRow {
  id: string;
  status: WebhookDeliveryStatus;
  round: number;
  endpoint_id: string;
  url: string;
  enabled: boolean;
  secret_encrypted: Buffer;
  event_id: string;
  type: string;
  data: unknown;
  event_created_at: Date;
}

export interface QueuedDelivery {
  id: string;
  round: number;
}

export interface EndpointFields {
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
}

const ENDPOINT_SELECT = `
  SELECT e.id, e.organisation_id, e.url, e.description, e.event_types, e.enabled, e.secret_rotated_at,
         e.created_at, e.updated_at,
         count(d.id) FILTER (WHERE d.status = 'delivered')::int AS delivered,
         count(d.id) FILTER (WHERE d.status = 'failed')::int AS failed,
         count(d.id) FILTER (WHERE d.status = 'pending')::int AS pending
    FROM webhook_endpoints e
    LEFT JOIN webhook_deliveries d ON d.endpoint_id = e.id AND d.created_at > now() - interval '7 days'`;

const DELIVERY_SELECT = `
  SELECT d.id, d.endpoint_id, d.event_id, ev.type AS event_type, d.status, d.round, d.attempts,
         d.response_status, d.duration_ms, d.last_error, d.created_at, d.last_attempt_at, d.delivered_at
    FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id`;

/**
 * The webhook tables' SQL. Every use-case query takes the organisation and filters on it here;
 * only the worker's send path goes by delivery id (its job carries ids only).
 */
@Injectable()
export class WebhooksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async listEndpoints(organisationId: string): Promise<EndpointRow[]> {
    return this.db.query(
      `${ENDPOINT_SELECT} WHERE e.organisation_id = $1 GROUP BY e.id ORDER BY e.created_at, e.id`,
      [organisationId],
    );
  }

  async endpoint(organisationId: string, id: string, m?: EntityManager): Promise<EndpointRow | null> {
    const [row] = await (m ?? this.db.manager).query(
      `${ENDPOINT_SELECT} WHERE e.organisation_id = $1 AND e.id = $2 GROUP BY e.id`,
      [organisationId, id],
    );
    return row ?? null;
  }

  async insertEndpoint(
    m: EntityManager,
    organisationId: string,
    id: string,
    fields: EndpointFields,
    secret: Buffer,
    createdBy: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO webhook_endpoints (id, organisation_id, url, description, event_types, enabled, secret_encrypted, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        organisationId,
        fields.url,
        fields.description,
        fields.eventTypes,
        fields.enabled,
        secret,
        createdBy,
      ],
    );
  }

  /** Applies the given fields; false when the endpoint is not the organisation's. */
  async updateEndpoint(
    organisationId: string,
    id: string,
    fields: Partial<EndpointFields>,
  ): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(
      await this.db.query(
        `UPDATE webhook_endpoints SET
           url = coalesce($3, url), description = coalesce($4, description),
           event_types = coalesce($5, event_types), enabled = coalesce($6, enabled), updated_at = now()
         WHERE organisation_id = $1 AND id = $2 RETURNING id`,
        [
          organisationId,
          id,
          fields.url ?? null,
          fields.description ?? null,
          fields.eventTypes ?? null,
          fields.enabled ?? null,
        ],
      ),
    );
    return rows.length > 0;
  }

  async replaceSecret(organisationId: string, id: string, secret: Buffer): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(
      await this.db.query(
        `UPDATE webhook_endpoints SET secret_encrypted = $3, secret_rotated_at = now(), updated_at = now()
          WHERE organisation_id = $1 AND id = $2 RETURNING id`,
        [organisationId, id, secret],
      ),
    );
    return rows.length > 0;
  }

  async deleteEndpoint(organisationId: string, id: string): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(
      await this.db.query(
        `DELETE FROM webhook_endpoints WHERE organisation_id = $1 AND id = $2 RETURNING id`,
        [organisationId, id],
      ),
    );
    return rows.length > 0;
  }

  /**
   * Stores an event and one pending delivery per given endpoint (all of the organisation; the
   * composite keys refuse others), in the caller's transaction. Returns the deliveries to queue.
   */
  async insertEvent(
    m: EntityManager,
    organisationId: string,
    type: string,
    data: unknown,
    endpointIds: string[] | 'subscribed',
  ): Promise<{ eventId: string; deliveries: QueuedDelivery[] }> {
    const [{ id: eventId }] = await m.query(
      `INSERT INTO webhook_events (organisation_id, type, data) VALUES ($1, $2, $3) RETURNING id`,
      [organisationId, type, JSON.stringify(data)],
    );
    const deliveries: QueuedDelivery[] = await m.query(
      `INSERT INTO webhook_deliveries (organisation_id, endpoint_id, event_id)
       SELECT organisation_id, id, $2 FROM webhook_endpoints
        WHERE organisation_id = $1 AND ${ORGANISATION_ACTIVE}
          AND (CASE WHEN $4::boolean THEN enabled AND $3 = ANY(event_types) ELSE id = ANY($5::uuid[]) END)
       ON CONFLICT (endpoint_id, event_id) DO NOTHING
       RETURNING id, round`,
      [
        organisationId,
        eventId,
        type,
        endpointIds === 'subscribed',
        endpointIds === 'subscribed' ? [] : endpointIds,
      ],
    );
    return { eventId, deliveries };
  }

  async deliveries(
    organisationId: string,
    endpointId: string,
    limit: number,
    offset: number,
  ): Promise<{ rows: DeliveryRow[]; total: number }> {
    const rows: DeliveryRow[] = await this.db.query(
      `${DELIVERY_SELECT} WHERE d.organisation_id = $1 AND d.endpoint_id = $2
        ORDER BY d.created_at DESC, d.id DESC LIMIT $3 OFFSET $4`,
      [organisationId, endpointId, limit, offset],
    );
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM webhook_deliveries WHERE organisation_id = $1 AND endpoint_id = $2`,
      [organisationId, endpointId],
    );
    return { rows, total };
  }

  async delivery(organisationId: string, id: string): Promise<DeliveryRow | null> {
    const [row] = await this.db.query(`${DELIVERY_SELECT} WHERE d.organisation_id = $1 AND d.id = $2`, [
      organisationId,
      id,
    ]);
    return row ?? null;
  }

  /** A finished delivery (delivered or failed) starts a new round; null when it is still pending. */
  async restartDelivery(organisationId: string, id: string): Promise<QueuedDelivery | null> {
    const [row] = returnedRows<QueuedDelivery>(
      await this.db.query(
        `UPDATE webhook_deliveries SET status = 'pending', round = round + 1, last_error = NULL
          WHERE organisation_id = $1 AND id = $2 AND status <> 'pending' RETURNING id, round`,
        [organisationId, id],
      ),
    );
    return row ?? null;
  }

  // --- the worker's side: by delivery id ---

  async forSending(deliveryId: string): Promise<SendRow | null> {
    const [row] = await this.db.query(
      `SELECT d.id, d.status, d.round, d.endpoint_id, e.url, e.enabled, e.secret_encrypted,
              ev.id AS event_id, ev.type, ev.data, ev.created_at AS event_created_at
         FROM webhook_deliveries d
         JOIN webhook_endpoints e ON e.id = d.endpoint_id
         JOIN webhook_events ev ON ev.id = d.event_id
        WHERE d.id = $1`,
      [deliveryId],
    );
    return row ?? null;
  }

  /** Counts an attempt of a still-pending delivery of this round; false when there is nothing to send. */
  async startAttempt(deliveryId: string, round: number): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(
      await this.db.query(
        `UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = now()
          WHERE id = $1 AND round = $2 AND status = 'pending' RETURNING id`,
        [deliveryId, round],
      ),
    );
    return rows.length > 0;
  }

  async finishAttempt(
    deliveryId: string,
    round: number,
    outcome: {
      status: WebhookDeliveryStatus;
      responseStatus: number | null;
      durationMs: number | null;
      error: string | null;
    },
  ): Promise<void> {
    await this.db.query(
      `UPDATE webhook_deliveries SET status = $3::text, response_status = $4, duration_ms = $5, last_error = $6,
              delivered_at = CASE WHEN $3::text = 'delivered' THEN now() ELSE delivered_at END
        WHERE id = $1 AND round = $2 AND status = 'pending'`,
      [
        deliveryId,
        round,
        outcome.status,
        outcome.responseStatus,
        outcome.durationMs,
        outcome.error?.slice(0, 2000) ?? null,
      ],
    );
  }

  async pendingDeliveries(): Promise<QueuedDelivery[]> {
    return this.db.query(
      `SELECT id, round FROM webhook_deliveries WHERE status = 'pending' ORDER BY created_at`,
    );
  }

  /** Events older than the retention with nothing left to send go, with their deliveries. */
  async pruneEvents(days: number): Promise<void> {
    await this.db.query(
      `DELETE FROM webhook_events ev WHERE ev.created_at < now() - make_interval(days => $1)
         AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = ev.id AND d.status = 'pending')`,
      [days],
    );
  }
}
