import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { WEBHOOK_TEST_EVENT } from '@wk/contracts';
import { AppConfig } from '../config/config';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '../jobs/queues';
import { SecretBox, signatureHeader } from './webhook-crypto';
import { WebhookEvents } from './webhook-events.service';
import { postWebhook } from './webhook-sender';
import { WebhooksRepository } from './webhooks.repository';

/** Deliveries sent at once by one worker. */
const WEBHOOK_CONCURRENCY = 8;
/** Events (and their delivery log) are kept this long once nothing is left to send. */
const EVENT_RETENTION_DAYS = 90;

/**
 * Sends one delivery per job. The delivery row is the truth: only a pending row of the job's round
 * is sent, so a delivered event never goes again however often BullMQ runs the job; a failure is
 * retried with exponential backoff until the attempts are spent, then the row says `failed`.
 */
@Processor(QUEUES.webhooks, { concurrency: WEBHOOK_CONCURRENCY })
export class WebhookProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookProcessor.name);
  private readonly box: SecretBox;

  constructor(
    private readonly repository: WebhooksRepository,
    private readonly events: WebhookEvents,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.webhooks) private readonly queue: Queue,
  ) {
    super();
    this.box = new SecretBox(config.SESSION_SECRET);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JOBS.webhookSweep.schedulerKey,
      { every: JOBS.webhookSweep.every },
      { name: JOBS.webhookSweep.name, data: {}, opts: DEFAULT_JOB_OPTIONS },
    );
    const queued = await this.sweep();
    if (queued) this.logger.log(`Re-queued ${queued} pending webhook delivery(ies)`);
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === JOBS.webhookSweep.name) return this.sweep();
    if (job.name === JOBS.deliverWebhook.name)
      return this.deliver(job as Job<{ deliveryId: string; round: number }>);
    throw new Error(`unknown job ${job.name}`);
  }

  /** Pending deliveries whose job Redis lost, or that a crash left unqueued (same job ids: no doubles). */
  private async sweep(): Promise<number> {
    const pending = await this.repository.pendingDeliveries();
    if (pending.length) await this.events.dispatch(pending);
    await this.repository.pruneEvents(EVENT_RETENTION_DAYS);
    return pending.length;
  }

  private async deliver(job: Job<{ deliveryId: string; round: number }>): Promise<'delivered' | 'skipped'> {
    const { deliveryId, round } = job.data;
    const row = await this.repository.forSending(deliveryId);
    if (!row || row.status !== 'pending' || row.round !== round) return 'skipped';
    if (!row.enabled && row.type !== WEBHOOK_TEST_EVENT) {
      await this.repository.finishAttempt(deliveryId, round, {
        status: 'failed',
        responseStatus: null,
        durationMs: null,
        error: 'endpoint disabled',
      });
      return 'skipped';
    }
    if (!(await this.repository.startAttempt(deliveryId, round))) return 'skipped';
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    let secret: string;
    try {
      secret = this.box.open(row.secret_encrypted, row.endpoint_id);
    } catch {
      await this.repository.finishAttempt(deliveryId, round, {
        status: 'failed',
        responseStatus: null,
        durationMs: null,
        error: 'signing secret unreadable (SESSION_SECRET changed?): rotate the secret, then redeliver',
      });
      throw new UnrecoverableError('webhook signing secret unreadable');
    }
    const body = JSON.stringify({
      type: row.type,
      timestamp: row.event_created_at.toISOString(),
      data: row.data,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const result = await postWebhook(
      row.url,
      body,
      {
        'content-type': 'application/json',
        'user-agent': 'Waardenkompas-Webhooks/1',
        'webhook-id': row.event_id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signatureHeader(secret, row.event_id, timestamp, body),
      },
      this.config.isProduction,
    );
    const ok = result.error === null;
    await this.repository.finishAttempt(deliveryId, round, {
      status: ok ? 'delivered' : lastAttempt || result.permanent ? 'failed' : 'pending',
      responseStatus: result.status,
      durationMs: result.durationMs,
      error: result.error,
    });
    if (ok) return 'delivered';
    if (result.permanent) throw new UnrecoverableError(result.error ?? 'refused');
    throw new Error(result.error ?? 'failed');
  }
}
