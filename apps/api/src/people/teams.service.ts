import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { Team } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { conflict, invalid, notFound } from '../common/domain-error';
import { CreateTeamDto, UpdateTeamDto } from './dto/teams.dto';
import { ScopeService } from './scope.service';
import { TeamEntity, TeamManagerEntity } from './team.entity';
import { UserEntity } from './user.entity';

@Injectable()
export class TeamsService {
  constructor(
    @InjectRepository(TeamEntity) private readonly teams: Repository<TeamEntity>,
    private readonly scopes: ScopeService,
  ) {}

  /** The flat team list the caller may see (managers: their teams and sub-teams), with counts. */
  async list(auth: AuthContext): Promise<Team[]> {
    const scope = await this.scopes.of(auth);
    const qb = this.teams
      .createQueryBuilder('t')
      .select(['t.id AS id', 't.name AS name', 't.parent_id AS "parentId"'])
      .addSelect(
        "(SELECT count(*)::int FROM users u WHERE u.team_id = t.id AND u.organisation_id = t.organisation_id AND u.status <> 'deactivated')",
        'memberCount',
      )
      .addSelect(
        'ARRAY(SELECT m.user_id FROM team_managers m WHERE m.team_id = t.id AND m.organisation_id = t.organisation_id ORDER BY m.user_id)',
        'managerIds',
      )
      .where('t.organisation_id = :org', { org: auth.organisationId })
      .orderBy('t.name');
    if (scope.kind === 'teams') qb.andWhere('t.id = ANY(:ids)', { ids: scope.teamIds });
    if (scope.kind === 'self')
      qb.andWhere('t.id = (SELECT team_id FROM users WHERE id = :self)', { self: scope.userId });
    return qb.getRawMany<Team>();
  }

  async get(auth: AuthContext, id: string): Promise<Team> {
    const team = (await this.list(auth)).find((t) => t.id === id);
    if (!team) throw notFound('Team');
    return team;
  }

  async create(auth: AuthContext, dto: CreateTeamDto): Promise<Team> {
    const id = await this.teams.manager.transaction(async (manager) => {
      await this.assertParent(manager, auth.organisationId, dto.parentId ?? null);
      await this.assertNameFree(manager, auth.organisationId, dto.name);
      const saved = await manager.save(
        TeamEntity,
        manager.create(TeamEntity, {
          organisationId: auth.organisationId,
          name: dto.name,
          parentId: dto.parentId ?? null,
        }),
      );
      return saved.id;
    });
    return this.get(auth, id);
  }

  async update(auth: AuthContext, id: string, dto: UpdateTeamDto): Promise<Team> {
    await this.teams.manager.transaction(async (manager) => {
      await this.load(manager, auth.organisationId, id);
      if (dto.parentId !== undefined) {
        await this.assertParent(manager, auth.organisationId, dto.parentId);
        if (
          dto.parentId &&
          (await this.descendantsAndSelf(manager, auth.organisationId, id)).includes(dto.parentId)
        ) {
          throw invalid('parentId', 'a team cannot move below itself or one of its sub-teams');
        }
      }
      if (dto.name) await this.assertNameFree(manager, auth.organisationId, dto.name, id);
      await manager.update(TeamEntity, { id, organisationId: auth.organisationId }, dto);
    });
    return this.get(auth, id);
  }

  /** Only an empty team goes: people and sub-teams must move first, so nothing is lost silently. */
  async remove(auth: AuthContext, id: string): Promise<void> {
    await this.teams.manager.transaction(async (manager) => {
      await this.load(manager, auth.organisationId, id);
      const [children, members] = await Promise.all([
        manager.countBy(TeamEntity, { organisationId: auth.organisationId, parentId: id }),
        manager.countBy(UserEntity, { organisationId: auth.organisationId, teamId: id }),
      ]);
      if (children || members) {
        throw conflict(
          'in_use',
          `This team still has ${members} member(s) and ${children} sub-team(s); move them first`,
        );
      }
      await manager.delete(TeamEntity, { id, organisationId: auth.organisationId });
    });
  }

  async setManagers(auth: AuthContext, id: string, userIds: string[]): Promise<Team> {
    await this.teams.manager.transaction(async (manager) => {
      await this.load(manager, auth.organisationId, id);
      const unique = [...new Set(userIds)];
      const found = await manager.countBy(UserEntity, {
        organisationId: auth.organisationId,
        id: In(unique),
      });
      if (found !== unique.length) throw invalid('userIds', 'contains an unknown person');
      await manager.delete(TeamManagerEntity, { organisationId: auth.organisationId, teamId: id });
      if (unique.length) {
        await manager.insert(
          TeamManagerEntity,
          unique.map((userId) => ({ organisationId: auth.organisationId, teamId: id, userId })),
        );
      }
    });
    return this.get(auth, id);
  }

  private async load(manager: EntityManager, organisationId: string, id: string): Promise<TeamEntity> {
    const team = await manager.findOne(TeamEntity, {
      where: { id, organisationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!team) throw notFound('Team');
    return team;
  }

  private async assertParent(
    manager: EntityManager,
    organisationId: string,
    parentId: string | null,
  ): Promise<void> {
    if (parentId && !(await manager.existsBy(TeamEntity, { id: parentId, organisationId })))
      throw invalid('parentId', 'unknown team');
  }

  private async assertNameFree(
    manager: EntityManager,
    organisationId: string,
    name: string,
    exceptId?: string,
  ): Promise<void> {
    const clash = await manager
      .createQueryBuilder(TeamEntity, 't')
      .where('t.organisation_id = :organisationId AND lower(t.name) = lower(:name)', { organisationId, name })
      .andWhere(exceptId ? 't.id <> :exceptId' : 'TRUE', { exceptId })
      .getExists();
    if (clash) throw conflict('conflict', 'A team with this name already exists', 'name');
  }

  private async descendantsAndSelf(
    manager: EntityManager,
    organisationId: string,
    id: string,
  ): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `WITH RECURSIVE d AS (SELECT id FROM teams WHERE id = $2 AND organisation_id = $1
         UNION SELECT c.id FROM teams c JOIN d ON c.parent_id = d.id WHERE c.organisation_id = $1)
       SELECT id FROM d`,
      [organisationId, id],
    );
    return rows.map((r) => r.id);
  }
}
