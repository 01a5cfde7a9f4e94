import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BehaviourReport, HeartMonitor, KpiReport, PeriodInfo } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { UuidParam } from '../common/uuid-param';
import { BoardReportService } from './board-report.service';
import { InsightsService } from './insights.service';
import { JourneyInsightsService } from './journey-insights.service';
import {
  AtQueryDto,
  JourneyAtQueryDto,
  KpiQueryDto,
  PeriodChoicesQueryDto,
  PeriodQueryDto,
} from './kpi-query.dto';
import { ReportPeriodsService } from './report-periods.service';

@ApiTags('insights')
@Controller('insights')
export class InsightsController {
  constructor(
    private readonly insights: InsightsService,
    private readonly journeys: JourneyInsightsService,
    private readonly report: BoardReportService,
    private readonly periods: ReportPeriodsService,
  ) {}

  @Get('periods')
  @Authenticated({ permission: 'insights.read' })
  @ApiOperation({
    summary: 'The rounds or waves that have opened, newest first (at most 200), for the period picker',
  })
  async periodChoices(
    @CurrentUser() auth: AuthContext,
    @Query() query: PeriodChoicesQueryDto,
  ): Promise<PeriodInfo[]> {
    return this.periods.choices(auth.organisationId, query.period, query.seriesId);
  }

  @Get('kpis')
  @Authenticated({ permission: 'insights.read' })
  @ApiOperation({
    summary:
      'Per value × period × group: self and customer scores with intervals and shares, gap, status, change; scoped by role, anonymity enforced',
  })
  kpis(@CurrentUser() auth: AuthContext, @Query() query: KpiQueryDto): Promise<KpiReport> {
    return this.insights.kpis(auth, query);
  }

  @Get('behaviours')
  @Authenticated({ permission: 'insights.read' })
  @ApiOperation({
    summary: 'The four levels per behaviour (only for at least the anonymity minimum of answers)',
  })
  behaviours(@CurrentUser() auth: AuthContext, @Query() query: PeriodQueryDto): Promise<BehaviourReport> {
    return this.journeys.behaviours(auth, query);
  }

  @Get('journeys/:id')
  @Authenticated({ permission: 'insights.journeys' })
  @ApiOperation({
    summary:
      'Heart monitor: recognition per touchpoint in journey order, on average and per value, each figure with its anonymity-minimum and provisional state, peaks and dips',
  })
  heartMonitor(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Journey')) id: string,
    @Query() query: JourneyAtQueryDto,
  ): Promise<HeartMonitor> {
    return this.journeys.heartMonitor(auth, id, query);
  }

  @Get('report.pdf')
  @Authenticated({ permission: 'insights.report' })
  @Header('Content-Type', 'application/pdf')
  @ApiOperation({ summary: 'The board report of one period as a one-page PDF' })
  async boardReport(@CurrentUser() auth: AuthContext, @Query() query: AtQueryDto): Promise<StreamableFile> {
    const { pdf, filename } = await this.report.render(auth, query);
    return new StreamableFile(pdf, { disposition: `attachment; filename="${filename}"` });
  }
}
