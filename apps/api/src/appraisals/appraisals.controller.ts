import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type {
  Appraisal,
  AppraisalCalibration,
  AppraisalContext,
  AppraisalCycle,
  AppraisalCycleRow,
  AppraisalProgressRow,
  AppraisalSummary,
  ManagerPerspective,
} from '@wk/contracts';
import { LOCALES } from '@wk/domain';
import type { Locale } from '@wk/domain';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { Optional } from '../common/optional';
import { UuidParam } from '../common/uuid-param';
import { AppraisalContextService } from './appraisal-context.service';
import { AppraisalCyclesService } from './appraisal-cycles.service';
import {
  CreateAppraisalCycleDto,
  ReassignDto,
  ReopenDto,
  SaveConversationDto,
  SaveFollowUpDto,
  SaveReviewDto,
  ShareRoundsDto,
  SignDto,
} from './appraisals.dto';
import { AppraisalsService } from './appraisals.service';

class LocaleQuery {
  @ApiPropertyOptional({ enum: LOCALES }) @Optional() @IsIn(LOCALES) locale?: Locale;
}

class PerspectiveQuery {
  @ApiProperty({ example: 'betrouwbaar' }) @IsString() @IsNotEmpty() @MaxLength(60) valueKey!: string;
}

const CycleId = UuidParam('Appraisal cycle');
const AppraisalId = UuidParam('Appraisal');
const AgreementId = UuidParam('Previous agreement');

@ApiTags('appraisals')
@Controller('appraisal-cycles')
export class AppraisalCyclesController {
  constructor(private readonly cycles: AppraisalCyclesService) {}

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
    return this.cycles.calibration(auth, id, q.locale);
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

@ApiTags('appraisals')
@Controller('appraisals')
export class AppraisalsController {
  constructor(
    private readonly appraisals: AppraisalsService,
    private readonly cycles: AppraisalCyclesService,
    private readonly contexts: AppraisalContextService,
  ) {}

  @Get('mine')
  @Authenticated({ permission: 'self.read' })
  mine(@CurrentUser() auth: AuthContext): Promise<AppraisalSummary[]> {
    return this.appraisals.mine(auth);
  }

  @Get('reports')
  @Authenticated({ permission: 'appraisals.review' })
  @ApiOperation({ summary: 'The appraisals where the caller is the reviewer' })
  reports(@CurrentUser() auth: AuthContext): Promise<AppraisalSummary[]> {
    return this.appraisals.reports(auth);
  }

  @Get('perspective')
  @Authenticated({ permission: 'insights.read' })
  @ApiOperation({
    summary:
      "The managers' ratings of one value over the organisation per cycle (anonymity minimum, never per person)",
  })
  perspective(@CurrentUser() auth: AuthContext, @Query() q: PerspectiveQuery): Promise<ManagerPerspective> {
    return this.cycles.managerPerspective(auth, q.valueKey);
  }

  @Get(':id')
  @Authenticated({ permission: 'self.read' })
  @ApiOperation({ summary: 'One appraisal as the caller may see it (employee, reviewer or HR); else 404' })
  get(
    @CurrentUser() auth: AuthContext,
    @Param('id', AppraisalId) id: string,
    @Query() q: LocaleQuery,
  ): Promise<Appraisal> {
    return this.appraisals.get(auth, id, q.locale);
  }

  @Get(':id/context')
  @Authenticated({ permission: 'self.read' })
  @ApiOperation({
    summary:
      "Beside the conversation: customer recognition per value of the journeys and touchpoints of the employee's current team in the cycle's period (anonymity minimum)",
  })
  context(
    @CurrentUser() auth: AuthContext,
    @Param('id', AppraisalId) id: string,
    @Query() q: LocaleQuery,
  ): Promise<AppraisalContext> {
    return this.contexts.context(auth, id, q.locale);
  }

  @Put(':id/self-review')
  @Authenticated({ permission: 'self.write' })
  saveSelf(
    @CurrentUser() auth: AuthContext,
    @Param('id', AppraisalId) id: string,
    @Body() dto: SaveReviewDto,
  ): Promise<Appraisal> {
    return this.appraisals.saveReview(auth, id, 'self', dto);
  }

  @Put(':id/manager-review')
  @Authenticated({ permission: 'appraisals.review' })
  saveManager(
    @CurrentUser() auth: AuthContext,
    @Param('id', AppraisalId) id: string,
    @Body() dto: SaveReviewDto,
  ): Promise<Appraisal> {
    return this.appraisals.saveReview(auth, id, 'manager', dto);
  }

  @Put(':id/conversation')
  @Authenticated({ permission: 'self.write' })
  conversation(
    @CurrentUser() auth: AuthContext,
    @Param('id', AppraisalId) id: string,
    @Body() dto: SaveConversationDto,
  ): Promise<Appraisal> {
    return this.appraisals.saveConversation(auth, id, dto);
  }

  @Post(':id/sign')
  @Authenticated({ permission: 'self.write' })
  @HttpCode(200)
  sign(
    @CurrentUser() auth: AuthContext,
    @Param('id', AppraisalId) id: string,
    @Body() dto: SignDto,
  ): Promise<Appraisal> {
    return this.appraisals.sign(auth, id, dto);
  }

  @Put(':id/shared-rounds')
  @Authenticated({ permission: 'self.write' })
  @ApiOperation({
    summary: "The employee's consent: share these own self-assessment rounds with the reviewer",
  })
  share(
    @CurrentUser() auth: AuthContext,
    @Param('id', AppraisalId) id: string,
    @Body() dto: ShareRoundsDto,
  ): Promise<Appraisal> {
    return this.appraisals.share(auth, id, dto);
  }

  @Put(':id/previous-agreements/:agreementId/follow-up')
  @Authenticated({ permission: 'appraisals.review' })
  @ApiOperation({
    summary:
      "The reviewer or HR records whether one of last cycle's agreements was achieved (the employee reads it)",
  })
  followUp(
    @CurrentUser() auth: AuthContext,
    @Param('id', AppraisalId) id: string,
    @Param('agreementId', AgreementId) agreementId: string,
    @Body() dto: SaveFollowUpDto,
  ): Promise<Appraisal> {
    return this.appraisals.saveFollowUp(auth, id, agreementId, dto);
  }

  @Put(':id/reviewer')
  @Authenticated({ permission: 'appraisals.manage' })
  reassign(
    @CurrentUser() auth: AuthContext,
    @Param('id', AppraisalId) id: string,
    @Body() dto: ReassignDto,
  ): Promise<Appraisal> {
    return this.appraisals.reassign(auth, id, dto);
  }

  @Post(':id/release')
  @Authenticated({ permission: 'appraisals.manage' })
  @HttpCode(200)
  @ApiOperation({ summary: "Show the manager's review to the employee before the self review is in" })
  release(@CurrentUser() auth: AuthContext, @Param('id', AppraisalId) id: string): Promise<Appraisal> {
    return this.appraisals.release(auth, id);
  }

  @Post(':id/reopen')
  @Authenticated({ permission: 'appraisals.manage' })
  @HttpCode(200)
  reopen(
    @CurrentUser() auth: AuthContext,
    @Param('id', AppraisalId) id: string,
    @Body() dto: ReopenDto,
  ): Promise<Appraisal> {
    return this.appraisals.reopen(auth, id, dto);
  }

  @Get(':id/pdf')
  @Authenticated({ permission: 'self.read' })
  @ApiOperation({ summary: 'The signed appraisal as PDF (employee, reviewer, HR)' })
  async pdf(
    @CurrentUser() auth: AuthContext,
    @Param('id', AppraisalId) id: string,
    @Query() q: LocaleQuery,
  ): Promise<StreamableFile> {
    const pdf = await this.appraisals.pdf(auth, id, q.locale ?? 'nl');
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="appraisal-${id}.pdf"`,
    });
  }
}
