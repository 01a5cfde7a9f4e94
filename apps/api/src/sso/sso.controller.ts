import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Logger,
  Param,
  Put,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiFoundResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import type { SsoSettings } from '@wk/contracts';
import { Authenticated, CurrentUser, Public } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { SESSION_COOKIE, SessionService } from '../auth/session.service';
import { PublicRateLimitGuard } from '../common/public-rate-limit.guard';
import { AppConfig } from '../config/config';
import { UpdateSsoSettingsDto } from './dto/sso-settings.dto';
import { SsoLoginService, SsoRefused } from './sso-login.service';
import { SsoSettingsService } from './sso-settings.service';

export const SSO_STATE_COOKIE = 'wk_sso_state';
const SSO_PATH = '/api/auth/sso';

/** Where the provider sends the browser back: PUBLIC_URL when set, else the address this request came to. */
function redirectUri(config: AppConfig, req: Request): string {
  const base = config.PUBLIC_URL
    ? config.PUBLIC_URL.replace(/\/+$/, '')
    : `${req.protocol}://${req.get('host')}`;
  return `${base}${SSO_PATH}/callback`;
}

export class SsoStartQuery {
  @ApiProperty({ example: 'jan@example.nl', description: 'Work e-mail: its domain picks the organisation' })
  @IsEmail()
  @MaxLength(320)
  email!: string;
}

export class SsoSlugParam {
  @IsString() @MaxLength(60) @Matches(/^[a-z0-9-]+$/) organisationSlug!: string;
}

@ApiTags('organisation')
@Controller('organisation/sso')
export class SsoSettingsController {
  constructor(
    private readonly settings: SsoSettingsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Authenticated({ permission: 'sso.manage' })
  @ApiOperation({
    summary: 'Single sign-on settings (404 while not set up); the client secret is never returned',
  })
  get(@CurrentUser() auth: AuthContext, @Req() req: Request): Promise<SsoSettings> {
    return this.settings.get(auth, redirectUri(this.config, req));
  }

  @Put()
  @Authenticated({ permission: 'sso.manage' })
  @ApiOperation({
    summary:
      'Set up or change single sign-on; password sign-in can be switched off only by an admin who signed in via SSO',
  })
  save(
    @CurrentUser() auth: AuthContext,
    @Body() dto: UpdateSsoSettingsDto,
    @Req() req: Request,
  ): Promise<SsoSettings> {
    return this.settings.save(auth, dto, redirectUri(this.config, req));
  }

  @Delete()
  @Authenticated({ permission: 'sso.manage' })
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove single sign-on (password sign-in is on again)' })
  remove(@CurrentUser() auth: AuthContext): Promise<void> {
    return this.settings.remove(auth);
  }
}

/** The browser side of the flow: every answer is a redirect, errors to /login?sso_error=<code>. */
@ApiTags('auth')
@Controller('auth/sso')
@UseGuards(PublicRateLimitGuard)
export class SsoLoginController {
  private readonly logger = new Logger('SSO');

  constructor(
    private readonly login: SsoLoginService,
    private readonly sessions: SessionService,
    private readonly config: AppConfig,
  ) {}

  @Get('start')
  @Public()
  @ApiOperation({ summary: 'Start single sign-on for the organisation that lists this e-mail domain' })
  @ApiFoundResponse({ description: 'To the identity provider, or to /login?sso_error=<code>' })
  startByEmail(@Query() query: SsoStartQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.redirect(res, async () => {
      const organisationId = await this.login.organisationFor({ email: query.email });
      return this.begin(organisationId, req, res, query.email);
    });
  }

  @Get(':organisationSlug/start')
  @Public()
  @ApiOperation({ summary: 'Start single sign-on for an organisation' })
  @ApiFoundResponse({ description: 'To the identity provider, or to /login?sso_error=<code>' })
  start(@Param() params: SsoSlugParam, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.redirect(res, async () => {
      const organisationId = await this.login.organisationFor({ slug: params.organisationSlug });
      return this.begin(organisationId, req, res);
    });
  }

  @Get('callback')
  @Public()
  @ApiOperation({ summary: 'The identity provider returns here; signs in and goes to the dashboard' })
  @ApiFoundResponse({ description: 'To / signed in, or to /login?sso_error=<code>' })
  callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.redirect(res, async () => {
      const cookieState = (req.cookies as Record<string, string | undefined>)[SSO_STATE_COOKIE];
      res.clearCookie(SSO_STATE_COOKIE, { path: SSO_PATH });
      const token = await this.login.callback(req.query, cookieState, redirectUri(this.config, req), {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      res.cookie(SESSION_COOKIE, token, this.sessions.cookieOptions());
      return '/';
    });
  }

  private async begin(
    organisationId: string,
    req: Request,
    res: Response,
    loginHint?: string,
  ): Promise<string> {
    const { url, state } = await this.login.start(organisationId, redirectUri(this.config, req), loginHint);
    res.cookie(SSO_STATE_COOKIE, state, {
      httpOnly: true,
      // Lax: sent on the provider's top-level GET redirect back to the callback.
      sameSite: 'lax',
      secure: this.config.isProduction,
      path: SSO_PATH,
      maxAge: this.login.stateTtlMs,
    });
    return url;
  }

  private async redirect(res: Response, step: () => Promise<string>): Promise<void> {
    let location: string;
    try {
      location = await step();
    } catch (error) {
      if (!(error instanceof SsoRefused)) throw error;
      this.logger.warn(`sign-in refused: ${error.code} (${error.message})`);
      location = `/login?sso_error=${error.code}`;
    }
    res.redirect(302, location);
  }
}
