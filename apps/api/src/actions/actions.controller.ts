import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ActionDetail, ActionSummary, FocusCreated } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { UuidParam } from '../common/uuid-param';
import { ActionListQueryDto, AddNoteDto, CreateFocusDto, UpdateActionDto } from './actions.dto';
import { ActionsService } from './actions.service';

@ApiTags('actions')
@Controller('actions')
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Get()
  @Authenticated({ permission: 'actions.read' })
  @ApiOperation({
    summary: 'Actions the caller sees (HR all, managers their teams, employees their team, owners their own)',
  })
  list(@CurrentUser() auth: AuthContext, @Query() query: ActionListQueryDto): Promise<ActionSummary[]> {
    return this.actions.list(auth, query);
  }

  @Post('focuses')
  @Authenticated({ permission: 'actions.write' })
  @ApiOperation({ summary: 'A focus on a KPI cell with its actions (managers: cells of their teams only)' })
  create(@CurrentUser() auth: AuthContext, @Body() body: CreateFocusDto): Promise<FocusCreated> {
    return this.actions.createFocus(auth, body);
  }

  @Get(':id')
  @Authenticated({ permission: 'actions.read' })
  @ApiOperation({ summary: 'An action with its progress notes and whether it worked (before vs after)' })
  detail(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Action')) id: string,
  ): Promise<ActionDetail> {
    return this.actions.detail(auth, id);
  }

  @Patch(':id')
  @Authenticated({ permission: 'actions.read' })
  @ApiOperation({
    summary: 'Status and text (HR, the team’s manager, the owner); owner and due date (HR, manager)',
  })
  update(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Action')) id: string,
    @Body() body: UpdateActionDto,
  ): Promise<ActionDetail> {
    return this.actions.update(auth, id, body);
  }

  @Post(':id/notes')
  @Authenticated({ permission: 'actions.read' })
  @ApiOperation({ summary: 'A progress note (HR, the team’s manager, the owner)' })
  addNote(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Action')) id: string,
    @Body() body: AddNoteDto,
  ): Promise<ActionDetail> {
    return this.actions.addNote(auth, id, body.body);
  }
}
