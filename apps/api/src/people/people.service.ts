import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { outranks } from '@wk/contracts';
import type { Page, Person } from '@wk/contracts';
import type { Locale } from '@wk/domain';
import type { AuthContext } from '../auth/authenticated.decorator';
import { AccountLinksService } from '../auth/account-links.service';
import { SessionService } from '../auth/session.service';
import { conflict, DomainError, invalid, notFound } from '../common/domain-error';
import { MailService } from '../notifications/mail.service';
import { CreatePersonDto, PeopleQuery, UpdatePersonDto } from './dto/people.dto';
import { PeopleFilter, PeopleRepository, PersonRow } from './people.repository';
import { ScopeService } from './scope.service';
import { TeamsRepository } from './teams.repository';
import { UserEntity } from './user.entity';

const toPerson = (u: PersonRow, pendingEmail: string | null): Person => ({
  ...u,
  managesTeamIds: u.managesTeamIds ?? [],
  pendingEmail,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
});

@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly teams: TeamsRepository,
    private readonly scopes: ScopeService,
    private readonly links: AccountLinksService,
    private readonly sessions: SessionService,
    private readonly mail: MailService,
  ) {}

  /** People the caller may see (always within its organisation; managers: their teams), with pending e-mails. */
  private async visible(
    auth: AuthContext,
    filter: PeopleFilter,
    page?: { limit: number; offset: number },
  ): Promise<Person[]> {
    const rows = await this.people.people(auth.organisationId, await this.scopes.of(auth), filter, page);
    const pending = rows.length
      ? await this.links.pendingEmails(
          auth.organisationId,
          rows.map((r) => r.id),
        )
      : new Map<string, string>();
    return rows.map((row) => toPerson(row, pending.get(row.id) ?? null));
  }

  async list(auth: AuthContext, query: PeopleQuery): Promise<Page<Person>> {
    const filter = { q: query.q, teamId: query.teamId, role: query.role, status: query.status };
    const total = await this.people.count(auth.organisationId, await this.scopes.of(auth), filter);
    const items = await this.visible(auth, filter, { limit: query.limit, offset: query.offset });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async get(auth: AuthContext, id: string): Promise<Person> {
    const [person] = await this.visible(auth, { id });
    if (!person) throw notFound('Person');
    return person;
  }

  async create(auth: AuthContext, dto: CreatePersonDto): Promise<Person> {
    this.guardAdminRole(auth, dto.role);
    const created = await this.people.transaction(async (manager) => {
      await this.assertTeam(manager, auth.organisationId, dto.teamId);
      await this.assertUnique(manager, auth.organisationId, dto);
      const user = await this.people.insert(manager, auth.organisationId, {
        email: dto.email,
        name: dto.name,
        employeeNumber: dto.employeeNumber || null,
        role: dto.role ?? 'employee',
        status: 'invited',
        locale: dto.locale ?? null,
        teamId: dto.teamId ?? null,
      });
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
    const outboxIds = await this.people.transaction(async (manager) => {
      await this.assertTeam(manager, auth.organisationId, dto.teamId);
      await this.assertUnique(manager, auth.organisationId, dto, id);
      const { email: _email, ...rest } = dto;
      const patch: Partial<UserEntity> =
        emailChanges && !confirmByMail ? { ...rest, email: dto.email } : rest;
      if (dto.employeeNumber === '') patch.employeeNumber = null;
      // Reactivating someone who never chose a password puts them back to "invited".
      if (dto.status === 'active' && current.status === 'deactivated') {
        patch.status = (await this.people.hasPassword(manager, id)) ? 'active' : 'invited';
      }
      if (Object.keys(patch).length > 0) await this.people.update(manager, auth.organisationId, id, patch);
      if (!emailChanges) return [];
      const user = await this.people.user(auth.organisationId, id, manager);
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
    const user = await this.people.insert(manager, organisationId, {
      email: input.email,
      name: input.name,
      role: 'admin',
      status: input.passwordHash ? 'active' : 'invited',
      locale: input.locale ?? null,
      passwordHash: input.passwordHash ?? null,
    });
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
    const user = await this.people.user(auth.organisationId, id);
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
    const pending = await this.people.withoutLiveInvitation(auth.organisationId);
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
    if (teamId && !(await this.teams.exists(manager, organisationId, teamId)))
      throw invalid('teamId', 'unknown team');
  }

  private async assertUnique(
    manager: EntityManager,
    organisationId: string,
    dto: { email?: string; employeeNumber?: string | null },
    exceptId?: string,
  ): Promise<void> {
    const clash = async (where: { email: string } | { employeeNumber: string }) => {
      const holder = await this.people.holderOf(manager, organisationId, where);
      return holder !== undefined && holder !== exceptId;
    };
    if (dto.email && (await clash({ email: dto.email })))
      throw conflict('conflict', 'This e-mail address is already in use', 'email');
    if (dto.employeeNumber && (await clash({ employeeNumber: dto.employeeNumber }))) {
      throw conflict('conflict', 'This employee number is already in use', 'employeeNumber');
    }
  }
}
