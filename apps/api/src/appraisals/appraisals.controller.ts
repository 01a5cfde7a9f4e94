import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Appraisal, AppraisalContext, AppraisalSummary, ManagerPerspective } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { UuidParam } from '../common/uuid-param';
import { AppraisalCalibrationService } from './appraisal-calibration.service';
import { AppraisalContextService } from './appraisal-context.service';
import { AppraisalOversightService } from './appraisal-oversight.service';
import { AppraisalWritingService } from './appraisal-writing.service';
import {
  LocaleQuery,
  PerspectiveQuery,
  ReassignDto,
  ReopenDto,
  SaveConversationDto,
  SaveFollowUpDto,
  SaveReviewDto,
  ShareRoundsDto,
  SignDto,
} from './appraisals.dto';
import { AppraisalsService } from './appraisals.service';

const AppraisalId = UuidParam('Appraisal');
const AgreementId = UuidParam('Previous agreement');

/** One appraisal for its employee, reviewer and HR: read, review, converse, sign, share, the PDF. */
@ApiTags('appraisals')
@Controller('appraisals')
export class AppraisalsController {
  constructor(
    private readonly appraisals: AppraisalsService,
    private readonly writing: AppraisalWritingService,
    private readonly oversight: AppraisalOversightService,
    private readonly calibrations: AppraisalCalibrationService,
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
    return this.calibrations.managerPerspective(auth, q.valueKey);
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
    return this.writing.saveReview(auth, id, 'self', dto);
  }

  @Put(':id/manager-review')
  @Authenticated({ permission: 'appraisals.review' })
  saveManager(
    @CurrentUser() auth: AuthContext,
    @Param('id', AppraisalId) id: string,
    @Body() dto: SaveReviewDto,
  ): Promise<Appraisal> {
    return this.writing.saveReview(auth, id, 'manager', dto);
  }

  @Put(':id/conversation')
  @Authenticated({ permission: 'self.write' })
  conversation(
    @CurrentUser() auth: AuthContext,
    @Param('id', AppraisalId) id: string,
    @Body() dto: SaveConversationDto,
  ): Promise<Appraisal> {
    return this.writing.saveConversation(auth, id, dto);
  }

  @Post(':id/sign')
  @Authenticated({ permission: 'self.write' })
  @HttpCode(200)
  sign(
    @CurrentUser() auth: AuthContext,
    @Param('id', AppraisalId) id: string,
    @Body() dto: SignDto,
  ): Promise<Appraisal> {
    return this.writing.sign(auth, id, dto);
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
    return this.writing.share(auth, id, dto);
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
    return this.oversight.saveFollowUp(auth, id, agreementId, dto);
  }

  @Put(':id/reviewer')
  @Authenticated({ permission: 'appraisals.manage' })
  reassign(
    @CurrentUser() auth: AuthContext,
    @Param('id', AppraisalId) id: string,
    @Body() dto: ReassignDto,
  ): Promise<Appraisal> {
    return this.oversight.reassign(auth, id, dto);
  }

  @Post(':id/release')
  @Authenticated({ permission: 'appraisals.manage' })
  @HttpCode(200)
  @ApiOperation({ summary: "Show the manager's review to the employee before the self review is in" })
  release(@CurrentUser() auth: AuthContext, @Param('id', AppraisalId) id: string): Promise<Appraisal> {
    return this.oversight.release(auth, id);
  }

  @Post(':id/reopen')
  @Authenticated({ permission: 'appraisals.manage' })
  @HttpCode(200)
  reopen(
    @CurrentUser() auth: AuthContext,
    @Param('id', AppraisalId) id: string,
    @Body() dto: ReopenDto,
  ): Promise<Appraisal> {
    return this.oversight.reopen(auth, id, dto);
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
