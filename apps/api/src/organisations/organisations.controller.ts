import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Organisation } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { UpdateOrganisationDto } from './dto/organisation.dto';
import { OrganisationsService, toOrganisationDto } from './organisations.service';

/** The caller's own organisation and its settings; there is no way to address another one. */
@ApiTags('organisation')
@Controller('organisation')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Authenticated({ permission: 'organisation.read' })
  async get(@CurrentUser() auth: AuthContext): Promise<Organisation> {
    return toOrganisationDto(await this.organisations.get(auth.organisationId));
  }

  @Patch()
  @Authenticated({ permission: 'organisation.write' })
  @ApiOperation({ summary: 'Change settings (anonymity minimum never below 3)' })
  async update(@CurrentUser() auth: AuthContext, @Body() dto: UpdateOrganisationDto): Promise<Organisation> {
    return toOrganisationDto(await this.organisations.update(auth.organisationId, dto));
  }
}
