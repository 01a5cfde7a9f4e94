import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { lastCompletePeriod } from '@wk/domain';
import type { CycleParticipationRow, PeriodInfo, TeamComments, TeamSiblings } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { UuidParam } from '../common/uuid-param';
import { InsightsScopeService } from './insights-scope.service';
import { AtQueryDto, PeriodQueryDto, TeamPeriodsQueryDto } from './kpi-query.dto';
import { TeamPeriodsService } from './team-periods.service';
import { TeamViewService } from './team-view.service';

/** The team view a team leader uses (issue 17 item 5), and participation per cycle. */
@ApiTags('insights')
@Controller('insights')
export class TeamViewController {
  constructor(
    private readonly view: TeamViewService,
    private readonly periods: TeamPeriodsService,
    private readonly scopes: InsightsScopeService,
  ) {}

  @Get('participation')
  @Authenticated({ permission: 'insights.read' })
  @ApiOperation({
    summary: 'Invited and completed per self-assessment cycle and period (never summed across cycles)',
  })
  participation(
    @CurrentUser() auth: AuthContext,
    @Query() query: PeriodQueryDto,
  ): Promise<CycleParticipationRow[]> {
    return this.periods.participation(auth, query);
  }

  @Get('teams/:id/periods')
  @Authenticated({ permission: 'insights.teams' })
  @ApiOperation({ summary: 'The rounds, waves, months or quarters the team took part in, newest first' })
  teamPeriods(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Team')) id: string,
    @Query() query: TeamPeriodsQueryDto,
  ): Promise<PeriodInfo[]> {
    return this.periods.choices(auth, id, query.period);
  }

  @Get('teams/:id/siblings')
  @Authenticated({ permission: 'insights.teams' })
  @ApiOperation({
    summary:
      'The team against its sibling teams per value × period: published cells only; teams the caller may not see unnamed, and only as a group of two or more',
  })
  siblings(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Team')) id: string,
    @Query() query: PeriodQueryDto,
  ): Promise<TeamSiblings> {
    return this.view.siblings(auth, id, query);
  }

  @Get('teams/:id/comments')
  @Authenticated({ permission: 'insights.teams' })
  @ApiOperation({
    summary:
      'Customer comments given for the team (and its sub-teams) in one month or quarter; groups (team × touchpoint × month) below the comment minimum are left out',
  })
  async comments(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Team')) id: string,
    @Query() query: AtQueryDto,
  ): Promise<TeamComments> {
    // Default: the last complete period (the current one is still filling).
    const today = (await this.scopes.context(auth)).todayMonth;
    const at = query.at ?? lastCompletePeriod(query.period, today);
    return this.periods.comments(auth, id, query.period, at);
  }
}
