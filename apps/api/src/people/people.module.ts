import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { QUEUES } from '../jobs/queues';
import { ImportController } from './import/import.controller';
import { ImportJobEntity } from './import/import-job.entity';
import { ImportJobsRepository } from './import/import-jobs.repository';
import { ImportProcessor } from './import/import.processor';
import { ImportService } from './import/import.service';
import { MeController } from './me.controller';
import { MeService } from './me.service';
import { PeopleController } from './people.controller';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import { ScopeService } from './scope.service';
import { TeamEntity, TeamManagerEntity } from './team.entity';
import { TeamsController } from './teams.controller';
import { TeamsRepository } from './teams.repository';
import { TeamsService } from './teams.service';
import { UserEntity } from './user.entity';

/** Users, roles, teams (a tree), team managers, the manager scope and CSV import. */
@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, TeamEntity, TeamManagerEntity, ImportJobEntity]),
    BullModule.registerQueue({ name: QUEUES.imports }),
    AuthModule,
    NotificationsModule,
    OrganisationsModule,
  ],
  controllers: [MeController, PeopleController, TeamsController, ImportController],
  providers: [
    PeopleRepository,
    PeopleService,
    MeService,
    TeamsRepository,
    TeamsService,
    ScopeService,
    ImportJobsRepository,
    ImportService,
  ],
  exports: [PeopleService, TeamsService, ScopeService, ImportService],
})
export class PeopleModule {}

/** Imports are applied only by the worker. */
@Module({
  imports: [PeopleModule, BullModule.registerQueue({ name: QUEUES.imports })],
  providers: [ImportProcessor],
})
export class PeopleWorkerModule {}
