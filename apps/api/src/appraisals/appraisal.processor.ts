import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JOBS, QUEUES } from '../jobs/queues';
import { AppraisalCyclesService, ReminderStage } from './appraisal-cycles.service';

/** Reminders before an appraisal cycle's stage deadlines (ids-only payloads; state from the database). */
@Processor(QUEUES.appraisals)
export class AppraisalProcessor extends WorkerHost {
  constructor(private readonly cycles: AppraisalCyclesService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== JOBS.remindAppraisals.name) throw new Error(`unknown job ${job.name}`);
    const { organisationId, appraisalCycleId, stage } = job.data as {
      organisationId: string;
      appraisalCycleId: string;
      stage: ReminderStage;
    };
    return this.cycles.remind(organisationId, appraisalCycleId, stage);
  }
}
