import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Me } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { OrganisationsService } from '../organisations/organisations.service';
import { UpdateMeDto } from './dto/people.dto';
import { ScopeService } from './scope.service';
import { UserEntity } from './user.entity';

/** The signed-in person: who am I, in which organisation, which teams do I manage. */
@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly organisations: OrganisationsService,
    private readonly scopes: ScopeService,
  ) {}

  @Get()
  @Authenticated({ permission: 'self.read' })
  async me(@CurrentUser() auth: AuthContext): Promise<Me> {
    const [user, organisation, managedTeamIds] = await Promise.all([
      this.users.findOneByOrFail({ id: auth.userId, organisationId: auth.organisationId }),
      this.organisations.get(auth.organisationId),
      auth.role === 'employee'
        ? Promise.resolve([])
        : this.scopes.managedTeamIds(auth.organisationId, auth.userId),
    ]);
    return {
      userId: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      locale: user.locale ?? organisation.locale,
      organisation: {
        id: organisation.id,
        name: organisation.name,
        slug: organisation.slug,
        locale: organisation.locale,
      },
      managedTeamIds,
    };
  }

  @Patch()
  @Authenticated({ permission: 'self.write' })
  async update(@CurrentUser() auth: AuthContext, @Body() dto: UpdateMeDto): Promise<Me> {
    if (Object.keys(dto).length)
      await this.users.update({ id: auth.userId, organisationId: auth.organisationId }, dto);
    return this.me(auth);
  }
}
