import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { SetupChecklist, SetupState } from '@wk/contracts';
import { Authenticated, CurrentUser, Public } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { SESSION_COOKIE, SessionService } from '../auth/session.service';
import { SetupDto } from './dto/platform.dto';
import { SetupService } from './setup.service';

@ApiTags('setup')
@Controller('setup')
export class SetupController {
  constructor(
    private readonly setup: SetupService,
    private readonly sessions: SessionService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether first-run setup is still needed (no organisation exists)' })
  state(): Promise<SetupState> {
    return this.setup.state();
  }

  @Post()
  @Public()
  @HttpCode(201)
  @ApiOperation({
    summary: 'First run: create the organisation and its first admin with the token from the server log',
  })
  async run(
    @Body() dto: SetupDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ organisation: string }> {
    const token = await this.setup.setup(dto, {
      ip: req.ip ?? 'unknown',
      userAgent: req.headers['user-agent'],
    });
    res.cookie(SESSION_COOKIE, token, this.sessions.cookieOptions());
    return { organisation: dto.organisation.name };
  }

  @Get('checklist')
  @Authenticated({ permission: 'setup.checklist' })
  @ApiOperation({ summary: "The new organisation's first steps: values, people, a cycle, a survey" })
  checklist(@CurrentUser() auth: AuthContext): Promise<SetupChecklist> {
    return this.setup.checklist(auth.organisationId);
  }
}
