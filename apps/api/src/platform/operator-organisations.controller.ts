import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganisationUsage } from '@wk/contracts';
import { OperatorAuthenticated } from '../auth/authenticated.decorator';
import { UuidParam } from '../common/uuid-param';
import {
  AdminPersonDto,
  CreateOrganisationDto,
  DeleteOrganisationQuery,
  UpdateOrganisationStatusDto,
} from './dto/platform.dto';
import { PlatformOrganisationsService } from './platform-organisations.service';

/** The platform operator's organisations: counts and lifecycle, never survey or assessment content. */
@ApiTags('operator')
@Controller('operator/organisations')
export class OperatorOrganisationsController {
  constructor(private readonly organisations: PlatformOrganisationsService) {}

  @Get()
  @OperatorAuthenticated()
  @ApiOperation({ summary: 'Every organisation with its usage (counts only)' })
  list(): Promise<OrganisationUsage[]> {
    return this.organisations.list();
  }

  @Post()
  @OperatorAuthenticated()
  @ApiOperation({ summary: 'Create an organisation; with `admin`, its first admin is invited by mail' })
  create(@Body() dto: CreateOrganisationDto): Promise<OrganisationUsage> {
    return this.organisations.create(dto);
  }

  @Get(':id')
  @OperatorAuthenticated()
  get(@Param('id', UuidParam('Organisation')) id: string): Promise<OrganisationUsage> {
    return this.organisations.get(id);
  }

  @Patch(':id')
  @OperatorAuthenticated()
  @ApiOperation({ summary: 'Suspend (nobody signs in, nothing is sent, data kept) or resume' })
  setStatus(
    @Param('id', UuidParam('Organisation')) id: string,
    @Body() dto: UpdateOrganisationStatusDto,
  ): Promise<OrganisationUsage> {
    return this.organisations.setStatus(id, dto.status);
  }

  @Post(':id/admins')
  @OperatorAuthenticated()
  @HttpCode(202)
  @ApiOperation({ summary: 'Invite an admin of the organisation (e.g. its first) by mail' })
  inviteAdmin(
    @Param('id', UuidParam('Organisation')) id: string,
    @Body() dto: AdminPersonDto,
  ): Promise<{ userId: string }> {
    return this.organisations.inviteAdmin(id, dto);
  }

  @Delete(':id')
  @OperatorAuthenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete the organisation with all its data; `confirm` must be its slug' })
  async delete(
    @Param('id', UuidParam('Organisation')) id: string,
    @Query() query: DeleteOrganisationQuery,
  ): Promise<void> {
    await this.organisations.delete(id, query.confirm);
  }
}
