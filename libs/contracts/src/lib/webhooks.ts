/**
 * Outgoing webhooks: the event catalogue, endpoints and their delivery log. Payloads carry ids and
 * statuses only, never answers or personal data. Signed as the Standard Webhooks specification says.
 */
export const WEBHOOK_EVENTS = {
  'round.opened': { available: true },
  'round.closed': { available: true },
  'wave.closed': { available: true },
  'kpi.status_changed': { available: true },
  /** Both the employee and the reviewer signed an appraisal (again after an HR reopen). */
  'appraisal.signed': { available: true },
  /** Reserved for features not built yet: may be subscribed to, nothing emits them so far. */
  'action.due': { available: false },
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];
/** Sent by "send test event" to one endpoint, whatever it subscribed to. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(WEBHOOK_EVENTS, value);
}

/** `GET /api/webhooks/events`: an event of the catalogue and whether anything emits it yet. */
export interface WebhookEventInfo {
  type: WebhookEventType;
  available: boolean;
}

/** The data of each event (the envelope is `{ type, timestamp, data }`). */
export interface WebhookEventData {
  'round.opened': { roundId: string; cycleId: string; opensAt: string; closesAt: string };
  'round.closed': { roundId: string; cycleId: string; closedAt: string };
  'wave.closed': { waveId: string; surveyId: string; closedAt: string };
  /** A value's customer grade for the organisation in the current month moved to another target status. */
  'kpi.status_changed': {
    valueKey: string;
    /** YYYY-MM in the organisation's time zone. */
    period: string;
    previousStatus: WebhookTargetStatus;
    status: WebhookTargetStatus;
  };
  'appraisal.signed': { appraisalId: string; cycleId: string; signedAt: string };
  'action.due': Record<string, string>;
}

export type WebhookTargetStatus = 'on_target' | 'near' | 'below' | 'no_data';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const WEBHOOK_LIMITS = { urlMax: 2000, descriptionMax: 200 } as const;

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  /** When the signing secret was last created or rotated (the secret itself is never shown again). */
  secretRotatedAt: string;
  /** Delivery counts of the last 7 days. */
  recent: { delivered: number; failed: number; pending: number };
}

/** The answer to create and rotate: the only time the secret (`whsec_…`) is shown. */
export interface WebhookEndpointWithSecret extends WebhookEndpoint {
  secret: string;
}

export interface CreateWebhookEndpointRequest {
  url: string;
  description?: string;
  events: WebhookEventType[];
  enabled?: boolean;
}

export type UpdateWebhookEndpointRequest = Partial<CreateWebhookEndpointRequest>;

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  durationMs: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
}

export interface WebhookDeliveryPage {
  items: WebhookDelivery[];
  total: number;
}
