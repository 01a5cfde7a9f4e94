import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '../jobs/queues';
import { PeopleModule } from '../people/people.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { BoardReportService } from './board-report.service';
import { CustomerDimensionsRepository } from './customer-dimensions.repository';
import { EmployeeAnswersRepository } from './employee-answers.repository';
import { EmployeeCellsService } from './employee-cells.service';
import { InsightsScopeRepository } from './insights-scope.repository';
import { InsightsScopeService } from './insights-scope.service';
import { InsightsController } from './insights.controller';
import { InsightsService } from './insights.service';
import { JourneyInsightsService } from './journey-insights.service';
import { KpiRefreshProcessor } from './kpi-refresh.processor';
import { KpiRefreshService } from './kpi-refresh.service';
import { KpiRollupReadsRepository } from './kpi-rollup-reads.repository';
import { KpiRollupsRepository } from './kpi-rollups.repository';
import { KpiRollupsService } from './kpi-rollups.service';
import { KpiRoundRollupsRepository } from './kpi-round-rollups.repository';
import { KpiValuesRepository } from './kpi-values.repository';
import { PeriodsRepository } from './periods.repository';
import { ReportPeriodsService } from './report-periods.service';
import { TeamPeriodsService } from './team-periods.service';
import { TeamViewController } from './team-view.controller';
import { TeamViewRepository } from './team-view.repository';
import { TeamViewService } from './team-view.service';

/** Outside-in KPIs: rollups kept as answers arrive, the insights queries, the board report. */
@Module({
  imports: [PeopleModule, WebhooksModule, BullModule.registerQueue({ name: QUEUES.insights })],
  controllers: [InsightsController, TeamViewController],
  providers: [
    KpiRollupsService,
    KpiRollupsRepository,
    KpiRoundRollupsRepository,
    KpiRefreshService,
    InsightsService,
    InsightsScopeService,
    JourneyInsightsService,
    BoardReportService,
    ReportPeriodsService,
    EmployeeCellsService,
    TeamViewService,
    TeamPeriodsService,
    KpiRollupReadsRepository,
    KpiValuesRepository,
    EmployeeAnswersRepository,
    InsightsScopeRepository,
    CustomerDimensionsRepository,
    PeriodsRepository,
    TeamViewRepository,
  ],
  exports: [
    KpiRollupsService,
    KpiRefreshService,
    EmployeeCellsService,
    ReportPeriodsService,
    InsightsService,
  ],
})
export class InsightsModule {}

/** Rollups are refreshed only by the worker. */
@Module({
  imports: [InsightsModule, BullModule.registerQueue({ name: QUEUES.insights })],
  providers: [KpiRefreshProcessor, KpiRollupsRepository, KpiRoundRollupsRepository],
})
export class InsightsWorkerModule {}
