import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Team } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { conflict, invalid, notFound } from '../common/domain-error';
import { CreateTeamDto, UpdateTeamDto } from './dto/teams.dto';
import { ScopeService } from './scope.service';
import { TeamsRepository } from './teams.repository';

@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly scopes: ScopeService,
  ) {}

  /** The flat team list the caller may see (managers: their teams and sub-teams), with counts. */
  async list(auth: AuthContext): Promise<Team[]> {
    return this.teams.list(auth.organisationId, await this.scopes.of(auth));
  }

  async get(auth: AuthContext, id: string): Promise<Team> {
    const team = (await this.list(auth)).find((t) => t.id === id);
    if (!team) throw notFound('Team');
    return team;
  }

  async create(auth: AuthContext, dto: CreateTeamDto): Promise<Team> {
    const id = await this.teams.transaction(async (m) => {
      await this.assertParent(m, auth.organisationId, dto.parentId ?? null);
      await this.assertNameFree(m, auth.organisationId, dto.name);
      return this.teams.insert(m, auth.organisationId, { name: dto.name, parentId: dto.parentId ?? null });
    });
    return this.get(auth, id);
  }

  async update(auth: AuthContext, id: string, dto: UpdateTeamDto): Promise<Team> {
    await this.teams.transaction(async (m) => {
      await this.lock(m, auth.organisationId, id);
      if (dto.parentId !== undefined) {
        await this.assertParent(m, auth.organisationId, dto.parentId);
        if (
          dto.parentId &&
          (await this.teams.descendantsAndSelf(m, auth.organisationId, id)).includes(dto.parentId)
        ) {
          throw invalid('parentId', 'a team cannot move below itself or one of its sub-teams');
        }
      }
      if (dto.name) await this.assertNameFree(m, auth.organisationId, dto.name, id);
      await this.teams.update(m, auth.organisationId, id, dto);
    });
    return this.get(auth, id);
  }

  /** Only an empty team goes: people and sub-teams must move first, so nothing is lost silently. */
  async remove(auth: AuthContext, id: string): Promise<void> {
    await this.teams.transaction(async (m) => {
      await this.lock(m, auth.organisationId, id);
      const { children, members } = await this.teams.content(m, auth.organisationId, id);
      if (children || members) {
        throw conflict(
          'in_use',
          `This team still has ${members} member(s) and ${children} sub-team(s); move them first`,
        );
      }
      await this.teams.remove(m, auth.organisationId, id);
    });
  }

  async setManagers(auth: AuthContext, id: string, userIds: string[]): Promise<Team> {
    await this.teams.transaction(async (m) => {
      await this.lock(m, auth.organisationId, id);
      const unique = [...new Set(userIds)];
      if ((await this.teams.countPeople(m, auth.organisationId, unique)) !== unique.length)
        throw invalid('userIds', 'contains an unknown person');
      await this.teams.setManagers(m, auth.organisationId, id, unique);
    });
    return this.get(auth, id);
  }

  private async lock(m: EntityManager, organisationId: string, id: string): Promise<void> {
    if (!(await this.teams.lock(m, organisationId, id))) throw notFound('Team');
  }

  private async assertParent(
    m: EntityManager,
    organisationId: string,
    parentId: string | null,
  ): Promise<void> {
    if (parentId && !(await this.teams.exists(m, organisationId, parentId)))
      throw invalid('parentId', 'unknown team');
  }

  private async assertNameFree(m: EntityManager, organisationId: string, name: string, exceptId?: string) {
    if (await this.teams.nameTaken(m, organisationId, name, exceptId))
      throw conflict('conflict', 'A team with this name already exists', 'name');
  }
}
