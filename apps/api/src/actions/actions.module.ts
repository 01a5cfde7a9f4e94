import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { InsightsModule } from '../insights/insights.module';
import { QUEUES } from '../jobs/queues';
import { NotificationsModule } from '../notifications/notifications.module';
import { PeopleModule } from '../people/people.module';
import { ActionsController } from './actions.controller';
import { ActionsProcessor } from './actions.processor';
import { ActionsRepository } from './actions.repository';
import { ActionsService } from './actions.service';

/** Action plans on KPI cells: focuses, actions, progress notes, effect; owner reminders by the worker. */
@Module({
  imports: [PeopleModule, NotificationsModule, InsightsModule],
  controllers: [ActionsController],
  providers: [ActionsRepository, ActionsService],
  exports: [ActionsService],
})
export class ActionsModule {}

@Module({
  imports: [ActionsModule, BullModule.registerQueue({ name: QUEUES.actions })],
  providers: [ActionsProcessor],
})
export class ActionsWorkerModule {}
