import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Cycle, CycleAudience, Round, RoundDetail } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { UuidParam } from '../common/uuid-param';
import { CyclesService } from './cycles.service';
import { CreateCycleDto, UpdateCycleDto } from './dto/cycles.dto';

@ApiTags('self-assessment cycles')
@Controller()
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Get('cycles')
  @Authenticated({ permission: 'cycles.read' })
  list(@CurrentUser() auth: AuthContext): Promise<Cycle[]> {
    return this.cycles.list(auth);
  }

  @Post('cycles')
  @Authenticated({ permission: 'cycles.write' })
  @ApiOperation({ summary: 'Create a cycle; it is scheduled at once (cron + IANA time zone)' })
  create(@CurrentUser() auth: AuthContext, @Body() dto: CreateCycleDto): Promise<Cycle> {
    return this.cycles.create(auth, dto);
  }

  @Get('cycles/:id')
  @Authenticated({ permission: 'cycles.read' })
  get(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Cycle')) id: string): Promise<Cycle> {
    return this.cycles.get(auth, id);
  }

  @Patch('cycles/:id')
  @Authenticated({ permission: 'cycles.write' })
  update(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Cycle')) id: string,
    @Body() dto: UpdateCycleDto,
  ): Promise<Cycle> {
    return this.cycles.update(auth, id, dto);
  }

  @Post('cycles/:id/pause')
  @Authenticated({ permission: 'cycles.write' })
  @HttpCode(200)
  pause(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Cycle')) id: string): Promise<Cycle> {
    return this.cycles.setStatus(auth, id, 'paused');
  }

  @Post('cycles/:id/resume')
  @Authenticated({ permission: 'cycles.write' })
  @HttpCode(200)
  resume(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Cycle')) id: string): Promise<Cycle> {
    return this.cycles.setStatus(auth, id, 'active');
  }

  @Post('cycles/:id/archive')
  @Authenticated({ permission: 'cycles.write' })
  @HttpCode(200)
  archive(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Cycle')) id: string): Promise<Cycle> {
    return this.cycles.setStatus(auth, id, 'archived');
  }

  @Get('cycles/:id/rounds')
  @Authenticated({ permission: 'cycles.read' })
  @ApiOperation({ summary: 'Rounds with participation (invited / completed), never answers' })
  rounds(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Cycle')) id: string): Promise<Round[]> {
    return this.cycles.roundsOf(auth, id);
  }

  @Post('cycles/:id/rounds')
  @Authenticated({ permission: 'cycles.write' })
  @ApiOperation({
    summary:
      'Open a round now, outside the schedule; invitations follow from the worker (409 round_open while one is open)',
  })
  openNow(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Cycle')) id: string): Promise<Round> {
    return this.cycles.openNow(auth, id);
  }

  @Get('cycles/:id/audience')
  @Authenticated({ permission: 'cycles.read' })
  @ApiOperation({ summary: 'How many people a round opened now would invite (for the confirmation)' })
  audience(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Cycle')) id: string,
  ): Promise<CycleAudience> {
    return this.cycles.audience(auth, id);
  }

  @Get('rounds/:id')
  @Authenticated({ permission: 'cycles.read' })
  @ApiOperation({ summary: 'Participation per team and who has not completed (names only, never answers)' })
  round(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Round')) id: string): Promise<RoundDetail> {
    return this.cycles.round(auth, id);
  }

  @Post('rounds/:id/close')
  @Authenticated({ permission: 'cycles.write' })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Close the round now, before its deadline: links stop, no more reminders (200 unchanged when closed already)',
  })
  close(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Round')) id: string): Promise<RoundDetail> {
    return this.cycles.closeRound(auth, id);
  }

  @Post('rounds/:id/reminders')
  @Authenticated({ permission: 'cycles.write' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Remind who has not completed (at most once per 24 h per round; 409 otherwise)' })
  remind(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Round')) id: string,
  ): Promise<{ reminded: number }> {
    return this.cycles.remindNow(auth, id);
  }
}
