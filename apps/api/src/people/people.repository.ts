import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Person, Role, UserStatus } from '@wk/contracts';
import { OrganisationRepository } from '../common/organisation-repository';
import type { Scope } from './scope.service';
import { UserEntity } from './user.entity';

/** A person as listed: everything but the pending e-mail (that is the account links' to tell). */
export type PersonRow = Omit<Person, 'pendingEmail' | 'lastLoginAt' | 'createdAt'> & {
  lastLoginAt: Date | null;
  createdAt: Date;
};

/** Narrows a list of people; `q` searches name, e-mail and employee number. */
export interface PeopleFilter {
  id?: string;
  q?: string;
  teamId?: string;
  role?: Role;
  status?: UserStatus;
}

/** The fields of a new person (an admin of a new organisation may come with a password). */
export type NewUser = Pick<UserEntity, 'email' | 'name' | 'role' | 'status'> &
  Partial<Pick<UserEntity, 'locale' | 'employeeNumber' | 'teamId' | 'passwordHash'>>;

const PERSON_COLUMNS = `u.id, u.email, u.name, u.employee_number AS "employeeNumber", u.role, u.status, u.locale,
  u.team_id AS "teamId", t.name AS "teamName",
  ARRAY(SELECT m.team_id FROM team_managers m WHERE m.user_id = u.id AND m.organisation_id = u.organisation_id
        ORDER BY m.team_id) AS "managesTeamIds",
  u.last_login_at AS "lastLoginAt", u.created_at AS "createdAt"`;

/** `LIKE` pattern for a text anywhere in a column, its own % _ and \ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The conditions (after `u.organisation_id = $1`) for what a caller may see, narrowed by `filter`. */
function visible(scope: Scope, filter: PeopleFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const conditions: string[] = [];
  const add = (condition: (p: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length + 1}`));
  };
  if (scope.kind === 'teams') add((p) => `u.team_id = ANY(${p}::uuid[])`, scope.teamIds);
  if (scope.kind === 'self') add((p) => `u.id = ${p}`, scope.userId);
  if (filter.id) add((p) => `u.id = ${p}`, filter.id);
  if (filter.q)
    add(
      (p) => `(u.name ILIKE ${p} OR u.email ILIKE ${p} OR u.employee_number ILIKE ${p})`,
      containing(filter.q),
    );
  if (filter.teamId) add((p) => `u.team_id = ${p}`, filter.teamId);
  if (filter.role) add((p) => `u.role = ${p}`, filter.role);
  if (filter.status) add((p) => `u.status = ${p}`, filter.status);
  return { sql: conditions.map((c) => ` AND ${c}`).join(''), params };
}

/**
 * People (users) of an organisation as HR and managers see them, and their accounts' rows. Reads
 * run in the organisation's scope; writes name the organisation and take the caller's transaction.
 */
@Injectable()
export class PeopleRepository extends OrganisationRepository {
  /** The people within `scope` matching `filter`, by name, a page of them (all without `page`). */
  people(
    organisationId: string,
    scope: Scope,
    filter: PeopleFilter,
    page?: { limit: number; offset: number },
  ): Promise<PersonRow[]> {
    const where = visible(scope, filter);
    const n = where.params.length + 1;
    return this.scope(organisationId).rows<PersonRow>(
      `SELECT ${PERSON_COLUMNS}
         FROM users u LEFT JOIN teams t ON t.id = u.team_id AND t.organisation_id = u.organisation_id
        WHERE u.organisation_id = $1${where.sql}
        ORDER BY u.name, u.id ${page ? `LIMIT $${n + 1} OFFSET $${n + 2}` : ''}`,
      page ? [...where.params, page.limit, page.offset] : where.params,
    );
  }

  async count(organisationId: string, scope: Scope, filter: PeopleFilter): Promise<number> {
    const where = visible(scope, filter);
    const row = await this.scope(organisationId).one<{ n: number }>(
      `SELECT count(*)::int AS n FROM users u WHERE u.organisation_id = $1${where.sql}`,
      where.params,
    );
    return row!.n;
  }

  /** The account row of a person (for sending links). */
  user(organisationId: string, id: string, m: EntityManager = this.db.manager): Promise<UserEntity> {
    return m.findOneByOrFail(UserEntity, { id, organisationId });
  }

  /** Every account row of the organisation (for an import's plan). */
  all(m: EntityManager, organisationId: string): Promise<UserEntity[]> {
    return m.find(UserEntity, { where: { organisationId } });
  }

  /** The one holding this e-mail or employee number, if any. */
  async holderOf(
    m: EntityManager,
    organisationId: string,
    where: { email: string } | { employeeNumber: string },
  ): Promise<string | undefined> {
    const found = await m.findOne(UserEntity, { where: { organisationId, ...where }, select: { id: true } });
    return found?.id;
  }

  insert(m: EntityManager, organisationId: string, user: NewUser): Promise<UserEntity> {
    return m.save(m.create(UserEntity, { ...user, organisationId }));
  }

  async update(
    m: EntityManager,
    organisationId: string,
    id: string,
    patch: Partial<UserEntity>,
  ): Promise<void> {
    await m.update(UserEntity, { id, organisationId }, patch);
  }

  /** The person's own name and language (PATCH /me); the rest is HR's. */
  async updateSelf(organisationId: string, id: string, change: Partial<Pick<UserEntity, 'name' | 'locale'>>) {
    await this.db.manager.update(UserEntity, { id, organisationId }, change);
  }

  async hasPassword(m: EntityManager, id: string): Promise<boolean> {
    const withHash = await m.findOne(UserEntity, { where: { id }, select: { id: true, passwordHash: true } });
    return Boolean(withHash?.passwordHash);
  }

  /** Invited people who hold no live invitation link (e.g. after an import). */
  withoutLiveInvitation(organisationId: string): Promise<UserEntity[]> {
    return this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.organisation_id = :org AND u.status = :invited', { org: organisationId, invited: 'invited' })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM user_tokens t WHERE t.user_id = u.id AND t.organisation_id = u.organisation_id
           AND t.purpose = 'invite' AND t.used_at IS NULL AND t.expires_at > now())`,
      )
      .getMany();
  }
}
