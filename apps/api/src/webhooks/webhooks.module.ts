import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '../jobs/queues';
import { WebhookEvents } from './webhook-events.service';
import { WebhookProcessor } from './webhook.processor';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/** Outgoing webhooks: admins' endpoints and delivery log; other modules emit through WebhookEvents. */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.webhooks })],
  controllers: [WebhooksController],
  providers: [WebhooksRepository, WebhookEvents, WebhooksService],
  exports: [WebhookEvents, WebhooksRepository],
})
export class WebhooksModule {}

/** The worker side: signs and sends deliveries, sweeps lost ones. */
@Module({
  imports: [WebhooksModule, BullModule.registerQueue({ name: QUEUES.webhooks })],
  providers: [WebhookProcessor],
})
export class WebhooksWorkerModule {}
