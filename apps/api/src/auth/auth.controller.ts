import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { tokenFrom } from './auth.guard';
import { AuthService } from './auth.service';
import { Public } from './authenticated.decorator';
import { ConfirmEmailDto, LoginDto, PasswordResetDto, SetPasswordDto } from './dto/auth.dto';
import { SESSION_COOKIE, SessionService } from './session.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign in; sets the httpOnly session cookie' })
  @ApiNoContentResponse()
  @ApiTooManyRequestsResponse({
    description: 'too_many_attempts for this IP or account from this IP; account_locked account-wide',
  })
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const token = await this.auth.login(dto, {
      ip: req.ip ?? 'unknown',
      userAgent: req.headers['user-agent'],
    });
    res.cookie(SESSION_COOKIE, token, this.sessions.cookieOptions());
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session (also fine when not signed in)' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(tokenFrom(req));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Mail a reset link; answers the same whether or not the address exists' })
  async requestReset(@Body() dto: PasswordResetDto, @Req() req: Request): Promise<{ accepted: true }> {
    // The per-IP login limit and a per-address count of reset mails stop this endpoint from flooding inboxes; the account lock never applies.
    await this.auth.throttleReset(req.ip ?? 'unknown');
    await this.auth.requestPasswordReset(dto.email);
    return { accepted: true };
  }

  @Post('set-password')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Choose a password with an invitation or reset link' })
  async setPassword(@Body() dto: SetPasswordDto): Promise<void> {
    await this.auth.setPassword(dto.token, dto.password);
  }

  @Post('confirm-email')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Confirm a new e-mail address with the link mailed to it' })
  async confirmEmail(@Body() dto: ConfirmEmailDto): Promise<void> {
    await this.auth.confirmEmail(dto.token);
  }
}
