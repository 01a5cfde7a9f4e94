import { Body, Controller, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SelfAssessmentForm } from '@wk/contracts';
import { Public } from '../auth/authenticated.decorator';
import { PublicRateLimitGuard } from '../common/public-rate-limit.guard';
import { SaveAnswersDto } from './dto/cycles.dto';
import { SelfAssessmentService } from './self-assessment.service';

/** Opened by the personal link from the invitation mail: the token is the key to one round's form. */
@ApiTags('self-assessment')
@Controller('self-assessments')
@UseGuards(PublicRateLimitGuard)
export class SelfAssessmentController {
  constructor(private readonly forms: SelfAssessmentService) {}

  @Get(':token')
  @Public()
  @ApiOperation({
    summary: "The round's values and behaviours with the answers saved so far (404 for any bad link)",
  })
  form(@Param('token') token: string): Promise<SelfAssessmentForm> {
    return this.forms.form(token);
  }

  @Put(':token/answers')
  @Public()
  @ApiOperation({
    summary: 'Autosave answers (1-4, or null for n.v.t.); 409 round_closed after the deadline',
  })
  save(@Param('token') token: string, @Body() dto: SaveAnswersDto): Promise<SelfAssessmentForm> {
    return this.forms.save(token, dto);
  }

  @Post(':token/submit')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete the form; answers can still change until the round closes' })
  submit(@Param('token') token: string): Promise<SelfAssessmentForm> {
    return this.forms.submit(token);
  }
}
