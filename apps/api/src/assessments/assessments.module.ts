import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { PublicRateLimitGuard } from '../common/public-rate-limit.guard';
import { InsightsModule } from '../insights/insights.module';
import { QUEUES } from '../jobs/queues';
import { NotificationsModule } from '../notifications/notifications.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { AssessmentProcessor } from './assessment.processor';
import { CycleSchedulerService } from './cycle-scheduler.service';
import { CyclesController } from './cycles.controller';
import { CyclesRepository } from './cycles.repository';
import { CyclesService } from './cycles.service';
import { MyAssessmentsController } from './my-assessments.controller';
import { MyAssessmentsService } from './my-assessments.service';
import { RoundJobsService } from './round-jobs.service';
import { RoundsRepository } from './rounds.repository';
import { RoundsService } from './rounds.service';
import { SelfAssessmentController } from './self-assessment.controller';
import { SelfAssessmentRepository } from './self-assessment.repository';
import { SelfAssessmentService } from './self-assessment.service';

/** Self-assessment cycles: HR's cycles and rounds, and the employee's form behind the personal link. */
@Module({
  imports: [
    NotificationsModule,
    InsightsModule,
    WebhooksModule,
    BullModule.registerQueue({ name: QUEUES.assessments }),
  ],
  controllers: [CyclesController, SelfAssessmentController, MyAssessmentsController],
  providers: [
    CyclesService,
    CyclesRepository,
    RoundsService,
    RoundJobsService,
    RoundsRepository,
    CycleSchedulerService,
    SelfAssessmentService,
    SelfAssessmentRepository,
    PublicRateLimitGuard,
    MyAssessmentsService,
  ],
  exports: [RoundsService, RoundJobsService, CycleSchedulerService, MyAssessmentsService],
})
export class AssessmentsModule {}

/** The worker side: fires schedules, reminds, closes; re-creates schedulers from the database at start. */
@Module({
  imports: [AssessmentsModule],
  providers: [AssessmentProcessor],
})
export class AssessmentsWorkerModule {}
