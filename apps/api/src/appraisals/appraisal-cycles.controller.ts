import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AppraisalCalibration,
  AppraisalCycle,
  AppraisalCycleRow,
  AppraisalProgressRow,
} from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { UuidParam } from '../common/uuid-param';
import { AppraisalCalibrationService } from './appraisal-calibration.service';
import { AppraisalCyclesService } from './appraisal-cycles.service';
import { CreateAppraisalCycleDto, LocaleQuery } from './appraisals.dto';

const CycleId = UuidParam('Appraisal cycle');

/** HR's appraisal cycles: create, open, close, progress and calibration. */
@ApiTags('appraisals')
@Controller('appraisal-cycles')
export class AppraisalCyclesController {
  constructor(
    private readonly cycles: AppraisalCyclesService,
    private readonly calibrations: AppraisalCalibrationService,
  ) {}

  @Get()
  @Authenticated({ permission: 'appraisals.manage' })
  list(@CurrentUser() auth: AuthContext): Promise<AppraisalCycle[]> {
    return this.cycles.list(auth);
  }

  @Post()
  @Authenticated({ permission: 'appraisals.manage' })
  create(@CurrentUser() auth: AuthContext, @Body() dto: CreateAppraisalCycleDto): Promise<AppraisalCycle> {
    return this.cycles.create(auth, dto);
  }

  @Get(':id')
  @Authenticated({ permission: 'appraisals.manage' })
  @ApiOperation({ summary: 'The cycle with its progress per team and stage (never answers)' })
  get(
    @CurrentUser() auth: AuthContext,
    @Param('id', CycleId) id: string,
  ): Promise<AppraisalCycle & { progress: AppraisalProgressRow[] }> {
    return this.cycles.get(auth, id);
  }

  @Get(':id/appraisals')
  @Authenticated({ permission: 'appraisals.manage' })
  @ApiOperation({
    summary:
      "The cycle's appraisals (never answers), flagged where the reviewer cannot review or the employee changed team",
  })
  appraisals(
    @CurrentUser() auth: AuthContext,
    @Param('id', CycleId) id: string,
  ): Promise<AppraisalCycleRow[]> {
    return this.cycles.appraisals(auth, id);
  }

  @Get(':id/calibration')
  @Authenticated({ permission: 'appraisals.manage' })
  @ApiOperation({
    summary:
      'Manager ratings per value per team and reviewer, only for groups at or above the anonymity minimum',
  })
  calibration(
    @CurrentUser() auth: AuthContext,
    @Param('id', CycleId) id: string,
    @Query() q: LocaleQuery,
  ): Promise<AppraisalCalibration> {
    return this.calibrations.calibration(auth, id, q.locale);
  }

  @Post(':id/open')
  @Authenticated({ permission: 'appraisals.manage' })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Open: one appraisal and one mail per person in the audience (again: only newcomers)',
  })
  open(@CurrentUser() auth: AuthContext, @Param('id', CycleId) id: string): Promise<AppraisalCycle> {
    return this.cycles.open(auth, id);
  }

  @Post(':id/close')
  @Authenticated({ permission: 'appraisals.manage' })
  @HttpCode(200)
  close(@CurrentUser() auth: AuthContext, @Param('id', CycleId) id: string): Promise<AppraisalCycle> {
    return this.cycles.close(auth, id);
  }
}
