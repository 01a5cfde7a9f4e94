import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '../jobs/queues';
import { NotificationsModule } from '../notifications/notifications.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { AppraisalProcessor } from './appraisal.processor';
import { AppraisalContextService } from './appraisal-context.service';
import { AppraisalCalibrationRepository } from './appraisal-calibration.repository';
import { AppraisalCalibrationService } from './appraisal-calibration.service';
import { AppraisalChangeRunner } from './appraisal-change-runner';
import { AppraisalContextRepository } from './appraisal-context.repository';
import { AppraisalConversationsRepository } from './appraisal-conversations.repository';
import { AppraisalCyclesController } from './appraisal-cycles.controller';
import { AppraisalCyclesRepository } from './appraisal-cycles.repository';
import { AppraisalCyclesService } from './appraisal-cycles.service';
import { AppraisalOversightService } from './appraisal-oversight.service';
import { AppraisalWritingService } from './appraisal-writing.service';
import { AppraisalsController } from './appraisals.controller';
import { AppraisalsRepository } from './appraisals.repository';
import { AppraisalsService } from './appraisals.service';

/** Appraisal cycles and appraisals: HR's cycles, the employee's and reviewer's appraisal, its PDF. */
@Module({
  imports: [NotificationsModule, WebhooksModule, BullModule.registerQueue({ name: QUEUES.appraisals })],
  controllers: [AppraisalCyclesController, AppraisalsController],
  providers: [
    AppraisalCyclesRepository,
    AppraisalsRepository,
    AppraisalConversationsRepository,
    AppraisalCalibrationRepository,
    AppraisalContextRepository,
    AppraisalsService,
    AppraisalChangeRunner,
    AppraisalWritingService,
    AppraisalOversightService,
    AppraisalCyclesService,
    AppraisalCalibrationService,
    AppraisalContextService,
  ],
  // The repositories for the demo seeder, which writes its appraisals through them.
  exports: [
    AppraisalCyclesService,
    AppraisalsService,
    AppraisalCyclesRepository,
    AppraisalsRepository,
    AppraisalConversationsRepository,
  ],
})
export class AppraisalsModule {}

/** The worker side: reminders before each stage's deadline. */
@Module({
  imports: [AppraisalsModule, NotificationsModule, BullModule.registerQueue({ name: QUEUES.appraisals })],
  providers: [AppraisalProcessor],
})
export class AppraisalsWorkerModule {}
