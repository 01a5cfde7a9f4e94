import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { AssessmentsWorkerModule } from '../assessments/assessments.module';
import { NotificationsWorkerModule } from '../notifications/notifications.module';
import { SurveysWorkerModule } from '../surveys/surveys.module';
import { InsightsWorkerModule } from '../insights/insights.module';
import { PeopleWorkerModule } from '../people/people.module';
import { WebhooksWorkerModule } from '../webhooks/webhooks.module';
import { ActionsWorkerModule } from '../actions/actions.module';
import { AppraisalsWorkerModule } from '../appraisals/appraisals.module';
import { InfrastructureModule } from './infrastructure.module';

/** The worker: every BullMQ processor and scheduler, no HTTP. Same modules, other entry point. */
@Module({})
export class WorkerModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        InfrastructureModule.with(config),
        NotificationsWorkerModule,
        AssessmentsWorkerModule,
        SurveysWorkerModule,
        InsightsWorkerModule,
        PeopleWorkerModule,
        WebhooksWorkerModule,
        AppraisalsWorkerModule,
        ActionsWorkerModule,
      ],
    };
  }
}
