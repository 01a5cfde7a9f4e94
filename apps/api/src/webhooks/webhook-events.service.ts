import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import {
  DataSource,
  EntityManager,
  type EntitySubscriberInterface,
  type TransactionCommitEvent,
} from 'typeorm';
import type { WebhookEventData, WebhookEventType } from '@wk/contracts';
import { AppConfig } from '../config/config';
import { JOBS, QUEUES } from '../jobs/queues';
import { WebhooksRepository, type QueuedDelivery } from './webhooks.repository';

/** Where a transaction collects the deliveries it created, for queueing once it has committed. */
const PENDING = 'webhookDeliveries';
const registered = new WeakSet<DataSource>();

/**
 * The one way to emit a webhook event: `emit(organisationId, type, data, manager?)` writes the
 * event and a delivery per subscribed, enabled endpoint in the caller's transaction (an outbox: the
 * event exists exactly when the change committed). The deliveries are queued after the commit; if
 * that is lost (a crash, Redis down), the worker's sweep queues them.
 */
@Injectable()
export class WebhookEvents implements OnModuleInit {
  private readonly logger = new Logger(WebhookEvents.name);

  constructor(
    private readonly repository: WebhooksRepository,
    @InjectQueue(QUEUES.webhooks) private readonly queue: Queue,
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Queues, after each commit, the deliveries that transaction created. */
  onModuleInit(): void {
    if (registered.has(this.db)) return;
    registered.add(this.db);
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: async (event: TransactionCommitEvent) => {
        // A released savepoint also "commits": only the outermost commit counts.
        if (event.queryRunner.isTransactionActive) return;
        const deliveries = event.queryRunner.data?.[PENDING] as QueuedDelivery[] | undefined;
        if (!deliveries?.length) return;
        event.queryRunner.data[PENDING] = [];
        await this.dispatch(deliveries);
      },
    };
    this.db.subscribers.push(subscriber);
  }

  async emit<T extends WebhookEventType>(
    organisationId: string,
    type: T,
    data: WebhookEventData[T],
    manager?: EntityManager,
  ): Promise<string> {
    return this.store(organisationId, type, data, 'subscribed', manager);
  }

  /** An event for exactly these endpoints (the test event), whatever they subscribed to. */
  async emitTo(
    organisationId: string,
    type: string,
    data: unknown,
    endpointIds: string[],
    manager?: EntityManager,
  ): Promise<string> {
    return this.store(organisationId, type, data, endpointIds, manager);
  }

  /** Queues deliveries (job id from delivery id and round: queueing twice runs once). */
  async dispatch(deliveries: QueuedDelivery[]): Promise<void> {
    try {
      await this.queue.addBulk(
        deliveries.map((d) => ({
          name: JOBS.deliverWebhook.name,
          data: { deliveryId: d.id, round: d.round },
          opts: {
            jobId: JOBS.deliverWebhook.id(d.id, d.round),
            attempts: this.config.WEBHOOK_ATTEMPTS,
            backoff: { type: 'exponential', delay: this.config.WEBHOOK_BACKOFF_MS },
            removeOnComplete: { count: 5_000, age: 7 * 24 * 3600 },
            removeOnFail: { count: 5_000, age: 30 * 24 * 3600 },
          },
        })),
      );
    } catch (error) {
      // The rows are committed: the sweep queues them later.
      this.logger.warn(
        `Queueing ${deliveries.length} webhook delivery(ies) failed: ${(error as Error).message}`,
      );
    }
  }

  private async store(
    organisationId: string,
    type: string,
    data: unknown,
    endpoints: string[] | 'subscribed',
    manager?: EntityManager,
  ): Promise<string> {
    const runner = manager?.queryRunner;
    if (manager && runner?.isTransactionActive) {
      const { eventId, deliveries } = await this.repository.insertEvent(
        manager,
        organisationId,
        type,
        data,
        endpoints,
      );
      runner.data = runner.data ?? {};
      runner.data[PENDING] = [
        ...((runner.data[PENDING] as QueuedDelivery[] | undefined) ?? []),
        ...deliveries,
      ];
      return eventId;
    }
    // No transaction of the caller's: one of our own (its commit queues the deliveries).
    return this.repository.transaction(
      async (m) => await this.store(organisationId, type, data, endpoints, m),
    );
  }
}
