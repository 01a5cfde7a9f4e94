import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { JobOwnersRepository } from './job-owners.repository';
import { OrganisationJobsController } from './organisation-jobs.controller';
import { OrganisationJobsService } from './organisation-jobs.service';
import { QUEUES } from './queues';

/** An organisation admin's read-only window on its own jobs in the shared queues. */
@Module({
  imports: Object.values(QUEUES).map((name) => BullModule.registerQueue({ name })),
  controllers: [OrganisationJobsController],
  providers: [OrganisationJobsService, JobOwnersRepository],
})
export class JobsModule {}
