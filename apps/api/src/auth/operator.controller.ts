import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { OperatorProfile } from '@wk/contracts';
import { notFound } from '../common/domain-error';
import { operatorTokenFrom } from './auth.guard';
import { CurrentOperator, OperatorAuthenticated, Public } from './authenticated.decorator';
import type { OperatorAuth } from './authenticated.decorator';
import { LoginDto } from './dto/auth.dto';
import { OPERATOR_COOKIE, OperatorAuthService } from './operator-auth.service';
import { SessionService } from './session.service';

/** The platform operator's sign-in: its own cookie, scoped to the operator's paths. */
@ApiTags('operator')
@Controller('operator')
export class OperatorController {
  constructor(
    private readonly operators: OperatorAuthService,
    private readonly sessions: SessionService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign in as platform operator; sets the httpOnly operator cookie' })
  @ApiNoContentResponse()
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this IP or account' })
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const token = await this.operators.login(dto.email, dto.password, {
      ip: req.ip ?? 'unknown',
      userAgent: req.headers['user-agent'],
    });
    // The operator's cookie reaches only its own paths, and never rides along from another site.
    res.cookie(OPERATOR_COOKIE, token, {
      ...this.sessions.cookieOptions(),
      sameSite: 'strict',
      path: '/api/operator',
    });
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the operator session' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.operators.logout(operatorTokenFrom(req));
    res.clearCookie(OPERATOR_COOKIE, { path: '/api/operator' });
  }

  @Get('me')
  @OperatorAuthenticated()
  @ApiOperation({ summary: 'The signed-in platform operator' })
  async me(@CurrentOperator() operator: OperatorAuth): Promise<OperatorProfile> {
    const found = await this.operators.me(operator.operatorId);
    if (!found) throw notFound('Operator');
    return { id: found.id, email: found.email, name: found.name };
  }
}
