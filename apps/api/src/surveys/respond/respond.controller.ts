import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { LOCALES } from '@wk/domain';
import type { Locale } from '@wk/domain';
import type { RecognitionForm } from '@wk/contracts';
import { Public } from '../../auth/authenticated.decorator';
import { PublicRateLimitGuard } from '../../common/public-rate-limit.guard';
import { AppConfig } from '../../config/config';
import { SubmitRecognitionDto } from '../dto/respond.dto';
import { OpenLinkLimiter } from './open-link-limiter';
import { RespondService } from './respond.service';

const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;
const answeredCookie = (code: string) => `wk_answered_${code}`;
/** `?lang=` picks the language; anything else is ignored (the link's or organisation's language then). */
const langOf = (lang: unknown): Locale | undefined =>
  (LOCALES as readonly string[]).includes(String(lang)) ? (lang as Locale) : undefined;

/**
 * The customer's answer page: a mailed single-use link (`/r/<token>`) or the open link of a desk
 * or a letter (`/q/<code>`, one response per browser by cookie). No account; rate-limited per IP.
 */
@ApiTags('customer answer page')
@Controller('respond')
@UseGuards(PublicRateLimitGuard)
export class RespondController {
  constructor(
    private readonly respond: RespondService,
    private readonly openLimit: OpenLinkLimiter,
    private readonly config: AppConfig,
  ) {}

  @Get('open/:code')
  @Public()
  @ApiQuery({ name: 'lang', required: false, enum: LOCALES })
  @ApiOperation({ summary: "The open link's form (409 already_answered from this browser, 410 when closed)" })
  openForm(
    @Param('code') code: string,
    @Query('lang') lang: string,
    @Req() req: Request,
  ): Promise<RecognitionForm> {
    return this.respond.openForm(code, langOf(lang), Boolean(req.cookies?.[answeredCookie(code)]));
  }

  @Post('open/:code')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Answer through the open link; a cookie keeps it to one response per browser, 429 too_many_responses past the daily number per network',
  })
  async submitOpen(
    @Param('code') code: string,
    @Body() dto: SubmitRecognitionDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const taken = await this.openLimit.take(code, req.ip ?? 'unknown');
    try {
      await this.respond.submitOpen(code, dto, Boolean(req.cookies?.[answeredCookie(code)]));
    } catch (error) {
      await this.openLimit.giveBack(taken);
      throw error;
    }
    res.cookie(answeredCookie(code), '1', {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.isProduction,
      maxAge: ONE_YEAR_MS,
      path: '/api/respond/open',
    });
  }

  @Get(':token')
  @Public()
  @ApiQuery({ name: 'lang', required: false, enum: LOCALES })
  @ApiOperation({
    summary: 'The form behind a single-use link (404 link_not_found, 409 already_answered, 410 link_expired)',
  })
  form(@Param('token') token: string, @Query('lang') lang: string): Promise<RecognitionForm> {
    return this.respond.invitationForm(token, langOf(lang));
  }

  @Post(':token')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Answer once: grades 1-10 per value (null: weet ik niet) and the extra questions',
  })
  submit(@Param('token') token: string, @Body() dto: SubmitRecognitionDto): Promise<void> {
    return this.respond.submitInvitation(token, dto);
  }
}
