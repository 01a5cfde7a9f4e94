import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { PublicRateLimitGuard } from '../common/public-rate-limit.guard';
import { CustomersModule } from '../customers/customers.module';
import { InsightsModule } from '../insights/insights.module';
import { QUEUES } from '../jobs/queues';
import { NotificationsModule } from '../notifications/notifications.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { ApiIdempotencyRepository } from './api-trigger/api-idempotency.repository';
import { ApiSurveysController } from './api-trigger/api-surveys.controller';
import { ApiSurveysRepository } from './api-trigger/api-surveys.repository';
import { SurveyInvitationsController } from './api-trigger/survey-invitations.controller';
import { SurveyInvitationsService } from './api-trigger/survey-invitations.service';
import { CommentsReadingController } from './comments/comments-reading.controller';
import { CommentsReadingService } from './comments/comments-reading.service';
import { CommentsRepository } from './comments/comments.repository';
import { ContactsRepository } from './contacts/contacts.repository';
import { ContactsService } from './contacts/contacts.service';
import { QuarantineRepository } from './quarantine.repository';
import { OpenLinkLimiter } from './respond/open-link-limiter';
import { RespondController } from './respond/respond.controller';
import { RespondRepository } from './respond/respond.repository';
import { RespondService } from './respond/respond.service';
import { SurveyLinks } from './survey-links';
import { SurveyReportService } from './survey-report.service';
import { SurveysController } from './surveys.controller';
import { SurveysRepository } from './surveys.repository';
import { SurveysService } from './surveys.service';
import { SurveySchedulerService } from './waves/survey-scheduler.service';
import { SurveyProcessor } from './waves/survey.processor';
import { WaveInvitationsRepository } from './waves/wave-invitations.repository';
import { WaveSendingService } from './waves/wave-sending.service';
import { WavesController } from './waves/waves.controller';
import { WavesRepository } from './waves/waves.repository';
import { WavesService } from './waves/waves.service';

/**
 * Customer recognition surveys: HR's surveys, contact lists and waves; the four ways to reach
 * customers (upload, schedule, open link / QR, API trigger); the public answer page.
 */
@Module({
  imports: [
    NotificationsModule,
    CustomersModule,
    InsightsModule,
    WebhooksModule,
    BullModule.registerQueue({ name: QUEUES.surveys }),
  ],
  controllers: [
    SurveysController,
    WavesController,
    RespondController,
    SurveyInvitationsController,
    ApiSurveysController,
    CommentsReadingController,
  ],
  providers: [
    SurveysService,
    SurveysRepository,
    ContactsService,
    ContactsRepository,
    WavesService,
    WaveSendingService,
    WavesRepository,
    WaveInvitationsRepository,
    QuarantineRepository,
    SurveySchedulerService,
    SurveyReportService,
    SurveyLinks,
    RespondService,
    RespondRepository,
    SurveyInvitationsService,
    ApiSurveysRepository,
    ApiIdempotencyRepository,
    PublicRateLimitGuard,
    OpenLinkLimiter,
    CommentsReadingService,
    CommentsRepository,
  ],
  exports: [WavesService, WaveSendingService, SurveySchedulerService],
})
export class SurveysModule {}

/** The worker side: scheduled waves, reminders, closing, contact deletion; schedulers rebuilt at start. */
@Module({
  imports: [SurveysModule],
  providers: [SurveyProcessor],
})
export class SurveysWorkerModule {}
