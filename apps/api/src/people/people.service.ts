import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, FindOptionsWhere, Repository, SelectQueryBuilder } from 'typeorm';
import { outranks } from '@wk/contracts';
import type { Page, Person } from '@wk/contracts';
import type { Locale } from '@wk/domain';
import type { AuthContext } from '../auth/authenticated.decorator';
import { AccountLinksService } from '../auth/account-links.service';
import { SessionService } from '../auth/session.service';
import { conflict, DomainError, invalid, notFound } from '../common/domain-error';
import { MailService } from '../notifications/mail.service';
import { CreatePersonDto, PeopleQuery, UpdatePersonDto } from './dto/people.dto';
import { ScopeService } from './scope.service';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';

type PersonRow = UserEntity & {
  teamName: string | null;
  managesTeamIds: string[];
  pendingEmail: string | null;
};

const toPerson = (u: PersonRow): Person => ({
  id: u.id,
  email: u.email,
  name: u.name,
  employeeNumber: u.employeeNumber,
  role: u.role,
  status: u.status,
  locale: u.locale,
  teamId: u.teamId,
  teamName: u.teamName,
  managesTeamIds: u.managesTeamIds ?? [],
  pendingEmail: u.pendingEmail,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
});

@Injectable()
export class PeopleService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly scopes: ScopeService,
    private readonly links: AccountLinksService,
    private readonly sessions: SessionService,
    private readonly mail: MailService,
  ) {}

  /** People the caller may see, always within its organisation (and for managers, its teams). */
  private async visible(auth: AuthContext): Promise<SelectQueryBuilder<UserEntity>> {
    const qb = this.users
      .createQueryBuilder('u')
      .leftJoin(TeamEntity, 't', 't.id = u.team_id AND t.organisation_id = u.organisation_id')
      .addSelect('t.name', 'team_name')
      .addSelect(
        `ARRAY(SELECT m.team_id FROM team_managers m WHERE m.user_id = u.id AND m.organisation_id = u.organisation_id ORDER BY m.team_id)`,
        'manages_team_ids',
      )
      .where('u.organisation_id = :org', { org: auth.organisationId });
    const scope = await this.scopes.of(auth);
    if (scope.kind === 'teams') qb.andWhere('u.team_id = ANY(:teamIds)', { teamIds: scope.teamIds });
    if (scope.kind === 'self') qb.andWhere('u.id = :self', { self: scope.userId });
    return qb;
  }

  private async rows(qb: SelectQueryBuilder<UserEntity>): Promise<Person[]> {
    const { entities, raw } = await qb.getRawAndEntities();
    const organisationId = entities[0]?.organisationId;
    const pending = organisationId
      ? await this.links.pendingEmails(
          organisationId,
          entities.map((e) => e.id),
        )
      : new Map<string, string>();
    return entities.map((entity) => {
      const row = raw.find((r) => r.u_id === entity.id);
      return toPerson({
        ...entity,
        teamName: row?.team_name ?? null,
        managesTeamIds: row?.manages_team_ids ?? [],
        pendingEmail: pending.get(entity.id) ?? null,
      });
    });
  }

  async list(auth: AuthContext, query: PeopleQuery): Promise<Page<Person>> {
    const qb = await this.visible(auth);
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w.where('u.name ILIKE :like OR u.email ILIKE :like OR u.employee_number ILIKE :like', { like }),
        ),
      );
    }
    if (query.teamId) qb.andWhere('u.team_id = :teamId', { teamId: query.teamId });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    const total = await qb.clone().getCount();
    qb.orderBy('u.name', 'ASC').addOrderBy('u.id').offset(query.offset).limit(query.limit);
    return { items: await this.rows(qb), total, limit: query.limit, offset: query.offset };
  }

  async get(auth: AuthContext, id: string): Promise<Person> {
    const [person] = await this.rows((await this.visible(auth)).andWhere('u.id = :id', { id }));
    if (!person) throw notFound('Person');
    return person;
  }

  async create(auth: AuthContext, dto: CreatePersonDto): Promise<Person> {
    this.guardAdminRole(auth, dto.role);
    const created = await this.users.manager.transaction(async (manager) => {
      await this.assertTeam(manager, auth.organisationId, dto.teamId);
      await this.assertUnique(manager, auth.organisationId, dto);
      const user = await manager.save(
        manager.create(UserEntity, {
          organisationId: auth.organisationId,
          email: dto.email,
          name: dto.name,
          employeeNumber: dto.employeeNumber || null,
          role: dto.role ?? 'employee',
          status: 'invited',
          locale: dto.locale ?? null,
          teamId: dto.teamId ?? null,
        }),
      );
      const outboxId = dto.invite === false ? null : await this.links.send('invite', user, manager);
      return { id: user.id, outboxId };
    });
    if (created.outboxId) await this.mail.dispatch([created.outboxId]);
    return this.get(auth, created.id);
  }

  /**
   * Changes a person. Nobody changes the e-mail or status of someone who outranks them. A new e-mail
   * of an account that signs in waits for confirmation from that address (the old one is told); an
   * invited person's e-mail changes at once and the invitation goes to the new address instead.
   */
  async update(auth: AuthContext, id: string, dto: UpdatePersonDto): Promise<Person> {
    const current = await this.get(auth, id);
    this.guardAdminRole(auth, dto.role, current.role);
    const emailChanges = dto.email !== undefined && dto.email.toLowerCase() !== current.email.toLowerCase();
    const statusChanges = dto.status !== undefined && dto.status !== current.status;
    if ((emailChanges || statusChanges) && outranks(current.role, auth.role))
      throw new DomainError(
        'outranked',
        `Your role (${auth.role}) may not change the e-mail or status of a ${current.role}`,
        403,
      );
    if (id === auth.userId && (dto.status === 'deactivated' || (dto.role && dto.role !== current.role))) {
      throw new DomainError('self_lockout', 'You cannot deactivate yourself or change your own role', 409);
    }
    const confirmByMail = emailChanges && current.status !== 'invited';
    const outboxIds = await this.users.manager.transaction(async (manager) => {
      await this.assertTeam(manager, auth.organisationId, dto.teamId);
      await this.assertUnique(manager, auth.organisationId, dto, id);
      const { email: _email, ...rest } = dto;
      const patch: Partial<UserEntity> =
        emailChanges && !confirmByMail ? { ...rest, email: dto.email } : rest;
      if (dto.employeeNumber === '') patch.employeeNumber = null;
      // Reactivating someone who never chose a password puts them back to "invited".
      if (dto.status === 'active' && current.status === 'deactivated') {
        const withHash = await manager.findOne(UserEntity, {
          where: { id },
          select: { id: true, passwordHash: true },
        });
        patch.status = withHash?.passwordHash ? 'active' : 'invited';
      }
      if (Object.keys(patch).length > 0)
        await manager.update(UserEntity, { id, organisationId: auth.organisationId }, patch);
      if (!emailChanges) return [];
      const user = await manager.findOneByOrFail(UserEntity, { id, organisationId: auth.organisationId });
      if (confirmByMail) return this.links.sendEmailChange(user, dto.email!, manager);
      return [await this.links.send('invite', user, manager)];
    });
    await this.mail.dispatch(outboxIds);
    if (dto.status === 'deactivated' || (dto.role && dto.role !== current.role)) {
      await this.sessions.endAllFor(auth.organisationId, id);
    }
    return this.get(auth, id);
  }

  /**
   * An admin of a new organisation (first-run setup, the platform operator): active with the
   * password it chose, or invited by mail to choose one. Runs in the caller's transaction.
   */
  async createAdmin(
    manager: EntityManager,
    organisationId: string,
    input: { name: string; email: string; locale?: Locale | null; passwordHash?: string },
  ): Promise<{ userId: string; outboxId: string | null }> {
    await this.assertUnique(manager, organisationId, { email: input.email });
    const user = await manager.save(
      manager.create(UserEntity, {
        organisationId,
        email: input.email,
        name: input.name,
        role: 'admin',
        status: input.passwordHash ? 'active' : 'invited',
        locale: input.locale ?? null,
        passwordHash: input.passwordHash ?? null,
      }),
    );
    const outboxId = input.passwordHash ? null : await this.links.send('invite', user, manager);
    return { userId: user.id, outboxId };
  }

  /** Re-sends the invitation; only for people who have not chosen a password yet. */
  async invite(auth: AuthContext, id: string): Promise<{ outboxId: string }> {
    const person = await this.get(auth, id);
    if (outranks(person.role, auth.role))
      throw new DomainError(
        'outranked',
        `Your role (${auth.role}) may not send links to a ${person.role}`,
        403,
      );
    const user = await this.users.findOneByOrFail({ id, organisationId: auth.organisationId });
    if (user.status !== 'invited') throw conflict('already_active', 'This person already has an account');
    const outboxId = await this.links.send('invite', user);
    await this.mail.dispatch([outboxId]);
    return { outboxId };
  }

  /**
   * Invites everyone still "invited" who holds no live invitation link, e.g. after an import.
   * Running it twice sends nothing the second time.
   */
  async invitePending(auth: AuthContext): Promise<{ invited: number }> {
    const pending = await this.users
      .createQueryBuilder('u')
      .where('u.organisation_id = :org AND u.status = :invited', {
        org: auth.organisationId,
        invited: 'invited',
      })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM user_tokens t WHERE t.user_id = u.id AND t.organisation_id = u.organisation_id
           AND t.purpose = 'invite' AND t.used_at IS NULL AND t.expires_at > now())`,
      )
      .getMany();
    const outboxIds: string[] = [];
    for (const user of pending) outboxIds.push(await this.links.send('invite', user));
    await this.mail.dispatch(outboxIds);
    return { invited: outboxIds.length };
  }

  /** Granting or removing the admin role stays with admins; sending an unchanged role is no change. */
  private guardAdminRole(auth: AuthContext, next?: string, current?: string): void {
    const changes = next !== undefined && next !== current;
    if (auth.role !== 'admin' && changes && (next === 'admin' || current === 'admin')) {
      throw new DomainError('forbidden', 'Only an admin can grant or remove the admin role', 403);
    }
  }

  private async assertTeam(
    manager: EntityManager,
    organisationId: string,
    teamId?: string | null,
  ): Promise<void> {
    if (teamId && !(await manager.existsBy(TeamEntity, { id: teamId, organisationId })))
      throw invalid('teamId', 'unknown team');
  }

  private async assertUnique(
    manager: EntityManager,
    organisationId: string,
    dto: { email?: string; employeeNumber?: string | null },
    exceptId?: string,
  ): Promise<void> {
    const clash = async (where: FindOptionsWhere<UserEntity>) => {
      const found = await manager.findOne(UserEntity, {
        where: { organisationId, ...where },
        select: { id: true },
      });
      return found && found.id !== exceptId;
    };
    if (dto.email && (await clash({ email: dto.email })))
      throw conflict('conflict', 'This e-mail address is already in use', 'email');
    if (dto.employeeNumber && (await clash({ employeeNumber: dto.employeeNumber }))) {
      throw conflict('conflict', 'This employee number is already in use', 'employeeNumber');
    }
  }
}
