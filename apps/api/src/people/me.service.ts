import { Injectable } from '@nestjs/common';
import type { Me } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { OrganisationsService } from '../organisations/organisations.service';
import { UpdateMeDto } from './dto/people.dto';
import { PeopleRepository } from './people.repository';
import { ScopeService } from './scope.service';

/** The signed-in person: who am I, in which organisation, which teams do I manage. */
@Injectable()
export class MeService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly organisations: OrganisationsService,
    private readonly scopes: ScopeService,
  ) {}

  async me(auth: AuthContext): Promise<Me> {
    const [user, organisation, managedTeamIds] = await Promise.all([
      this.people.user(auth.organisationId, auth.userId),
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

  /** Only the own name and language change here. */
  async update(auth: AuthContext, dto: UpdateMeDto): Promise<Me> {
    if (Object.keys(dto).length) await this.people.updateSelf(auth.organisationId, auth.userId, dto);
    return this.me(auth);
  }
}
