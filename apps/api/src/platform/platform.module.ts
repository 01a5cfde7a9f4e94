import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { QUEUES } from '../jobs/queues';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PeopleModule } from '../people/people.module';
import { OperatorOrganisationsController } from './operator-organisations.controller';
import { PlatformOrganisationsService } from './platform-organisations.service';
import { PlatformRepository } from './platform.repository';
import { SetupController } from './setup.controller';
import { SetupService } from './setup.service';

/** Above the organisations: first-run setup and the platform operator's organisation management. */
@Module({
  imports: [
    AuthModule,
    NotificationsModule,
    OrganisationsModule,
    PeopleModule,
    ...Object.values(QUEUES).map((name) => BullModule.registerQueue({ name })),
  ],
  controllers: [SetupController, OperatorOrganisationsController],
  providers: [PlatformRepository, PlatformOrganisationsService, SetupService],
  exports: [PlatformOrganisationsService, SetupService],
})
export class PlatformModule {}
