import { HttpStatus, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_EVENTS, WEBHOOK_TEST_EVENT } from '@wk/contracts';
import type {
  CreateWebhookEndpointRequest,
  UpdateWebhookEndpointRequest,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEventInfo,
} from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { AppConfig } from '../config/config';
import { newSigningSecret, SecretBox } from './webhook-crypto';
import { WebhookEvents } from './webhook-events.service';
import { endpointUrlProblem } from './webhook-target';
import { WebhooksRepository, type DeliveryRow, type EndpointRow } from './webhooks.repository';

/** An admin's webhook endpoints: create (secret shown once), change, rotate, test, and the delivery log. */
@Injectable()
export class WebhooksService {
  private readonly box: SecretBox;

  constructor(
    private readonly repository: WebhooksRepository,
    private readonly events: WebhookEvents,
    private readonly config: AppConfig,
  ) {
    this.box = new SecretBox(config.SESSION_SECRET);
  }

  catalogue(): WebhookEventInfo[] {
    return WEBHOOK_EVENT_TYPES.map((type) => ({ type, available: WEBHOOK_EVENTS[type].available }));
  }

  async list(auth: AuthContext): Promise<WebhookEndpoint[]> {
    return (await this.repository.listEndpoints(auth.organisationId)).map(toEndpoint);
  }

  async get(auth: AuthContext, id: string): Promise<WebhookEndpoint> {
    return toEndpoint(await this.row(auth.organisationId, id));
  }

  async create(auth: AuthContext, body: CreateWebhookEndpointRequest): Promise<WebhookEndpointWithSecret> {
    this.checkUrl(body.url);
    const id = randomUUID();
    const secret = newSigningSecret();
    await this.repository.transaction((m) =>
      this.repository.insertEndpoint(
        m,
        auth.organisationId,
        id,
        {
          url: body.url,
          description: body.description ?? '',
          eventTypes: body.events,
          enabled: body.enabled ?? true,
        },
        this.box.seal(secret, id),
        auth.userId,
      ),
    );
    return { ...(await this.get(auth, id)), secret };
  }

  async update(auth: AuthContext, id: string, body: UpdateWebhookEndpointRequest): Promise<WebhookEndpoint> {
    if (body.url !== undefined) this.checkUrl(body.url);
    const found = await this.repository.updateEndpoint(auth.organisationId, id, {
      url: body.url,
      description: body.description,
      eventTypes: body.events,
      enabled: body.enabled,
    });
    if (!found) throw notFound('Webhook endpoint');
    return this.get(auth, id);
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    if (!(await this.repository.deleteEndpoint(auth.organisationId, id))) throw notFound('Webhook endpoint');
  }

  /** A new secret at once; the old one stops signing (receivers must switch). */
  async rotateSecret(auth: AuthContext, id: string): Promise<WebhookEndpointWithSecret> {
    const secret = newSigningSecret();
    if (!(await this.repository.replaceSecret(auth.organisationId, id, this.box.seal(secret, id))))
      throw notFound('Webhook endpoint');
    return { ...(await this.get(auth, id)), secret };
  }

  /** A `webhook.test` event to this endpoint only, delivered like any other. */
  async sendTest(auth: AuthContext, id: string): Promise<WebhookDelivery> {
    await this.row(auth.organisationId, id);
    const eventId = await this.events.emitTo(auth.organisationId, WEBHOOK_TEST_EVENT, { endpointId: id }, [
      id,
    ]);
    const { rows } = await this.repository.deliveries(auth.organisationId, id, 50, 0);
    const delivery = rows.find((d) => d.event_id === eventId);
    if (!delivery) throw notFound('Webhook endpoint'); // deleted meanwhile
    return toDelivery(delivery);
  }

  async deliveries(
    auth: AuthContext,
    id: string,
    limit: number,
    offset: number,
  ): Promise<WebhookDeliveryPage> {
    await this.row(auth.organisationId, id);
    const { rows, total } = await this.repository.deliveries(auth.organisationId, id, limit, offset);
    return { items: rows.map(toDelivery), total };
  }

  /** Sends a finished delivery again (same webhook-id, so receivers can tell); 409 while one is pending. */
  async redeliver(auth: AuthContext, deliveryId: string): Promise<WebhookDelivery> {
    const existing = await this.repository.delivery(auth.organisationId, deliveryId);
    if (!existing) throw notFound('Webhook delivery');
    const restarted = await this.repository.restartDelivery(auth.organisationId, deliveryId);
    if (!restarted)
      throw new DomainError('delivery_pending', 'This delivery is still being sent', HttpStatus.CONFLICT);
    await this.events.dispatch([restarted]);
    return toDelivery((await this.repository.delivery(auth.organisationId, deliveryId))!);
  }

  private checkUrl(url: string): void {
    const problem = endpointUrlProblem(url, this.config.isProduction);
    if (problem) throw invalid('url', problem);
  }

  private async row(organisationId: string, id: string): Promise<EndpointRow> {
    const row = await this.repository.endpoint(organisationId, id);
    if (!row) throw notFound('Webhook endpoint');
    return row;
  }
}

const toEndpoint = (row: EndpointRow): WebhookEndpoint => ({
  id: row.id,
  url: row.url,
  description: row.description,
  events: row.event_types,
  enabled: row.enabled,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  secretRotatedAt: row.secret_rotated_at.toISOString(),
  recent: { delivered: row.delivered, failed: row.failed, pending: row.pending },
});

const toDelivery = (row: DeliveryRow): WebhookDelivery => ({
  id: row.id,
  endpointId: row.endpoint_id,
  eventId: row.event_id,
  eventType: row.event_type,
  status: row.status,
  attempts: row.attempts,
  responseStatus: row.response_status,
  durationMs: row.duration_ms,
  lastError: row.last_error,
  createdAt: row.created_at.toISOString(),
  lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
  deliveredAt: row.delivered_at?.toISOString() ?? null,
});
