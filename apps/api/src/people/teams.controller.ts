import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Team } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreateTeamDto, SetTeamManagersDto, UpdateTeamDto } from './dto/teams.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @Authenticated({ permission: 'teams.read' })
  @ApiOperation({
    summary: 'Flat list of teams with parentId (a tree); managers see their teams and sub-teams',
  })
  list(@CurrentUser() auth: AuthContext): Promise<Team[]> {
    return this.teams.list(auth);
  }

  @Post()
  @Authenticated({ permission: 'teams.write' })
  create(@CurrentUser() auth: AuthContext, @Body() dto: CreateTeamDto): Promise<Team> {
    return this.teams.create(auth, dto);
  }

  @Get(':id')
  @Authenticated({ permission: 'teams.read' })
  get(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Team')) id: string): Promise<Team> {
    return this.teams.get(auth, id);
  }

  @Patch(':id')
  @Authenticated({ permission: 'teams.write' })
  @ApiOperation({ summary: 'Rename or move a team' })
  update(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Team')) id: string,
    @Body() dto: UpdateTeamDto,
  ): Promise<Team> {
    return this.teams.update(auth, id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: 'teams.write' })
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an empty team (409 while it has members or sub-teams)' })
  remove(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Team')) id: string): Promise<void> {
    return this.teams.remove(auth, id);
  }

  @Put(':id/managers')
  @Authenticated({ permission: 'teams.write' })
  setManagers(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Team')) id: string,
    @Body() dto: SetTeamManagersDto,
  ): Promise<Team> {
    return this.teams.setManagers(auth, id, dto.userIds);
  }
}
