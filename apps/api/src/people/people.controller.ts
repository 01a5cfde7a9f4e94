import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, Person } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreatePersonDto, PeopleQuery, UpdatePersonDto } from './dto/people.dto';
import { PeopleService } from './people.service';

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @Authenticated({ permission: 'people.read' })
  @ApiOperation({ summary: 'People in the organisation (managers: their teams and sub-teams)' })
  list(@CurrentUser() auth: AuthContext, @Query() query: PeopleQuery): Promise<Page<Person>> {
    return this.people.list(auth, query);
  }

  @Post()
  @Authenticated({ permission: 'people.write' })
  @ApiOperation({ summary: 'Add a person; sends the invitation e-mail unless invite is false' })
  create(@CurrentUser() auth: AuthContext, @Body() dto: CreatePersonDto): Promise<Person> {
    return this.people.create(auth, dto);
  }

  @Post('invitations')
  @Authenticated({ permission: 'people.write' })
  @HttpCode(202)
  @ApiOperation({
    summary: 'Invite everyone who is still "invited" and has no live invitation link (e.g. after an import)',
  })
  invitePending(@CurrentUser() auth: AuthContext): Promise<{ invited: number }> {
    return this.people.invitePending(auth);
  }

  @Get(':id')
  @Authenticated({ permission: 'people.read' })
  get(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Person')) id: string): Promise<Person> {
    return this.people.get(auth, id);
  }

  @Patch(':id')
  @Authenticated({ permission: 'people.write' })
  update(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Person')) id: string,
    @Body() dto: UpdatePersonDto,
  ): Promise<Person> {
    return this.people.update(auth, id, dto);
  }

  @Post(':id/invitation')
  @Authenticated({ permission: 'people.write' })
  @HttpCode(202)
  @ApiOperation({ summary: 'Send the invitation e-mail again (earlier links stop working)' })
  invite(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Person')) id: string,
  ): Promise<{ outboxId: string }> {
    return this.people.invite(auth, id);
  }
}
