import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { JOB_STATES } from '@wk/contracts';
import type { JobState, OrganisationJobs } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { OrganisationJobsService } from './organisation-jobs.service';

class JobsQuery {
  @ApiPropertyOptional({ enum: JOB_STATES }) @IsOptional() @IsIn(JOB_STATES) state?: JobState;
}

@ApiTags('jobs')
@Controller('jobs')
export class OrganisationJobsController {
  constructor(private readonly jobs: OrganisationJobsService) {}

  @Get()
  @Authenticated({ permission: 'jobs.read' })
  @ApiOperation({ summary: "The organisation's own background jobs and schedules (read-only)" })
  list(@CurrentUser() auth: AuthContext, @Query() query: JobsQuery): Promise<OrganisationJobs> {
    return this.jobs.list(auth.organisationId, query.state);
  }
}
