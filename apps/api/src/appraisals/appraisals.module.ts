import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '../jobs/queues';
import { NotificationsModule } from '../notifications/notifications.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { AppraisalProcessor } from './appraisal.processor';
import { AppraisalContextService } from './appraisal-context.service';
import { AppraisalCyclesService } from './appraisal-cycles.service';
import { AppraisalCyclesController, AppraisalsController } from './appraisals.controller';
import { AppraisalsRepository } from './appraisals.repository';
import { AppraisalsService } from './appraisals.service';

/** Appraisal cycles and appraisals: HR's cycles, the employee's and reviewer's appraisal, its PDF. */
@Module({
  imports: [NotificationsModule, WebhooksModule, BullModule.registerQueue({ name: QUEUES.appraisals })],
  controllers: [AppraisalCyclesController, AppraisalsController],
  providers: [AppraisalsRepository, AppraisalsService, AppraisalCyclesService, AppraisalContextService],
  exports: [AppraisalCyclesService, AppraisalsRepository, AppraisalsService],
})
export class AppraisalsModule {}

/** The worker side: reminders before each stage's deadline. */
@Module({
  imports: [AppraisalsModule, NotificationsModule, BullModule.registerQueue({ name: QUEUES.appraisals })],
  providers: [AppraisalProcessor],
})
export class AppraisalsWorkerModule {}
