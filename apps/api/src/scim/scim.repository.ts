import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Locale } from '@wk/domain';
import type { Role, UserStatus } from '@wk/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { FilterColumns, ScimGroupRow, ScimUserRow, SqlFilter, UserInput } from './scim-resources';
import { SCIM_SCHEMAS } from './scim-schemas';

type Runner = Pick<EntityManager, 'query'>;

const USER_SELECT = `
  SELECT u.id, u.email::text AS email, u.name, u.employee_number, u.status, u.team_id, t.name AS team_name,
         s.user_name, s.external_id, s.given_name, s.family_name, u.created_at, u.updated_at
    FROM users u
    LEFT JOIN scim_users s ON s.organisation_id = u.organisation_id AND s.user_id = u.id
    LEFT JOIN teams t ON t.organisation_id = u.organisation_id AND t.id = u.team_id`;

const TEAM_SELECT = `
  SELECT t.id, t.name, g.external_id, t.created_at, t.updated_at
    FROM teams t LEFT JOIN scim_groups g ON g.organisation_id = t.organisation_id AND g.team_id = t.id`;

/** SCIM filter attributes (lower-cased paths) of Users, as SQL over USER_SELECT's aliases. */
export const USER_FILTER_COLUMNS: FilterColumns = {
  username: (p) => `lower(coalesce(s.user_name, u.email::text)) = lower(${p})`,
  externalid: (p) => `s.external_id = ${p}`,
  id: (p) => `u.id::text = ${p}`,
  emails: (p) => `u.email = ${p}::citext`,
  'emails.value': (p) => `u.email = ${p}::citext`,
  active: (p) => `(u.status <> 'deactivated') = ${p}::boolean`,
  displayname: (p) => `u.name = ${p}`,
  'name.formatted': (p) => `u.name = ${p}`,
  [`${SCIM_SCHEMAS.enterprise}:employeenumber`.toLowerCase()]: (p) => `u.employee_number = ${p}`,
  employeenumber: (p) => `u.employee_number = ${p}`,
};

const MEMBER = (p: string) =>
  `EXISTS (SELECT 1 FROM users m WHERE m.organisation_id = t.organisation_id AND m.team_id = t.id AND m.id::text = ${p})`;

export const GROUP_FILTER_COLUMNS: FilterColumns = {
  displayname: (p) => `lower(t.name) = lower(${p})`,
  externalid: (p) => `g.external_id = ${p}`,
  id: (p) => `t.id::text = ${p}`,
  members: MEMBER,
  'members.value': MEMBER,
};

export interface LockedUser {
  id: string;
  role: Role;
  status: UserStatus;
  email: string;
  name: string;
  locale: Locale | null;
  hasSignedIn: boolean;
}

/**
 * The only SQL of SCIM provisioning: people and teams of one organisation with their SCIM
 * attributes. Every statement takes the organisation id first.
 */
@Injectable()
export class ScimRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: ScimTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction((manager) => work(new ScimTransaction(manager)));
  }

  async users(
    organisationId: string,
    filter: SqlFilter | null,
    startIndex: number,
    count: number,
  ): Promise<{ rows: ScimUserRow[]; total: number }> {
    const where = `u.organisation_id = $1${filter ? ` AND ${filter.sql}` : ''}`;
    const params = [organisationId, ...(filter?.params ?? [])];
    const [{ total }]: { total: number }[] = await this.db.query(
      `SELECT count(*)::int AS total FROM (${USER_SELECT} WHERE ${where}) x`,
      params,
    );
    const rows: ScimUserRow[] =
      count === 0
        ? []
        : await this.db.query(
            `${USER_SELECT} WHERE ${where} ORDER BY u.created_at, u.id OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
            [...params, startIndex - 1, count],
          );
    return { rows, total };
  }

  user(organisationId: string, id: string): Promise<ScimUserRow | null> {
    return userById(this.db, organisationId, id);
  }

  async groups(
    organisationId: string,
    filter: SqlFilter | null,
    startIndex: number,
    count: number,
  ): Promise<{ rows: ScimGroupRow[]; total: number }> {
    const where = `t.organisation_id = $1${filter ? ` AND ${filter.sql}` : ''}`;
    const params = [organisationId, ...(filter?.params ?? [])];
    const [{ total }]: { total: number }[] = await this.db.query(
      `SELECT count(*)::int AS total FROM (${TEAM_SELECT} WHERE ${where}) x`,
      params,
    );
    const teams: Omit<ScimGroupRow, 'members'>[] =
      count === 0
        ? []
        : await this.db.query(
            `${TEAM_SELECT} WHERE ${where} ORDER BY t.created_at, t.id OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
            [...params, startIndex - 1, count],
          );
    return { rows: await withMembers(this.db, organisationId, teams), total };
  }

  async group(organisationId: string, id: string): Promise<ScimGroupRow | null> {
    const teams: Omit<ScimGroupRow, 'members'>[] = await this.db.query(
      `${TEAM_SELECT} WHERE t.organisation_id = $1 AND t.id = $2`,
      [organisationId, id],
    );
    return (await withMembers(this.db, organisationId, teams))[0] ?? null;
  }
}

/** Writes within one transaction; `manager` is there for other modules' services (links, mail). */
export class ScimTransaction {
  constructor(readonly manager: EntityManager) {}

  user(organisationId: string, id: string): Promise<ScimUserRow | null> {
    return userById(this.manager, organisationId, id);
  }

  async lockUser(organisationId: string, id: string): Promise<LockedUser | null> {
    const [row]: (Omit<LockedUser, 'hasSignedIn'> & { has_signed_in: boolean })[] = await this.manager.query(
      `SELECT id, role, status, email::text AS email, name, locale,
              (password_hash IS NOT NULL OR last_login_at IS NOT NULL) AS has_signed_in
         FROM users WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
      [organisationId, id],
    );
    if (!row) return null;
    const { has_signed_in, ...rest } = row;
    return { ...rest, hasSignedIn: has_signed_in };
  }

  /** New people are employees: SCIM never grants another role. */
  async insertUser(organisationId: string, input: UserInput, status: UserStatus): Promise<string> {
    const [{ id }]: { id: string }[] = await this.manager.query(
      `INSERT INTO users (organisation_id, email, name, employee_number, role, status)
       VALUES ($1, $2, $3, $4, 'employee', $5) RETURNING id`,
      [organisationId, input.email, input.name, input.employeeNumber, status],
    );
    await this.saveScimUser(organisationId, id, input);
    return id;
  }

  async updateUser(organisationId: string, id: string, input: UserInput, status: UserStatus): Promise<void> {
    await this.manager.query(
      `UPDATE users SET email = $3, name = $4, employee_number = $5, status = $6, updated_at = now()
        WHERE organisation_id = $1 AND id = $2`,
      [organisationId, id, input.email, input.name, input.employeeNumber, status],
    );
    await this.saveScimUser(organisationId, id, input);
  }

  private async saveScimUser(organisationId: string, userId: string, input: UserInput): Promise<void> {
    await this.manager.query(
      `INSERT INTO scim_users (organisation_id, user_id, user_name, external_id, given_name, family_name)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (organisation_id, user_id) DO UPDATE
         SET user_name = $3, external_id = $4, given_name = $5, family_name = $6`,
      [organisationId, userId, input.userName, input.externalId, input.givenName, input.familyName],
    );
  }

  async deactivate(organisationId: string, id: string): Promise<void> {
    await this.manager.query(
      `UPDATE users SET status = 'deactivated', updated_at = now() WHERE organisation_id = $1 AND id = $2`,
      [organisationId, id],
    );
  }

  async organisation(organisationId: string): Promise<{ name: string; locale: Locale }> {
    const [row]: { name: string; locale: Locale }[] = await this.manager.query(
      `SELECT name, locale FROM organisations WHERE id = $1`,
      [organisationId],
    );
    return row;
  }

  async lockTeam(organisationId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `SELECT id FROM teams WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
      [organisationId, id],
    );
    return rows.length > 0;
  }

  async group(organisationId: string, id: string): Promise<ScimGroupRow | null> {
    const teams: Omit<ScimGroupRow, 'members'>[] = await this.manager.query(
      `${TEAM_SELECT} WHERE t.organisation_id = $1 AND t.id = $2`,
      [organisationId, id],
    );
    return (await withMembers(this.manager, organisationId, teams))[0] ?? null;
  }

  /** Team names are unique per organisation regardless of case (as TeamsService checks). */
  async teamNameTaken(organisationId: string, name: string, exceptId: string | null): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `SELECT 1 FROM teams WHERE organisation_id = $1 AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3)`,
      [organisationId, name, exceptId],
    );
    return rows.length > 0;
  }

  async insertTeam(organisationId: string, name: string, externalId: string | null): Promise<string> {
    const [{ id }]: { id: string }[] = await this.manager.query(
      `INSERT INTO teams (organisation_id, name) VALUES ($1, $2) RETURNING id`,
      [organisationId, name],
    );
    await this.saveScimGroup(organisationId, id, externalId);
    return id;
  }

  async updateTeam(
    organisationId: string,
    id: string,
    name: string,
    externalId: string | null,
  ): Promise<void> {
    await this.manager.query(
      `UPDATE teams SET name = $3, updated_at = now() WHERE organisation_id = $1 AND id = $2 AND name <> $3`,
      [organisationId, id, name],
    );
    await this.saveScimGroup(organisationId, id, externalId);
  }

  private async saveScimGroup(
    organisationId: string,
    teamId: string,
    externalId: string | null,
  ): Promise<void> {
    await this.manager.query(
      `INSERT INTO scim_groups (organisation_id, team_id, external_id) VALUES ($1, $2, $3)
       ON CONFLICT (organisation_id, team_id) DO UPDATE SET external_id = $3`,
      [organisationId, teamId, externalId],
    );
  }

  /** Which of these ids are people of the organisation. */
  async knownUserIds(organisationId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { id: string }[] = await this.manager.query(
      `SELECT id FROM users WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
      [organisationId, ids],
    );
    return rows.map((r) => r.id);
  }

  /** A person has one team: joining this group moves them here (the last group wins). */
  async moveIntoTeam(organisationId: string, teamId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.manager.query(
      `UPDATE users SET team_id = $2, updated_at = now()
        WHERE organisation_id = $1 AND id = ANY($3::uuid[]) AND team_id IS DISTINCT FROM $2`,
      [organisationId, teamId, userIds],
    );
  }

  /** Leaving a group they are no longer in (moved on since) changes nothing. */
  async removeFromTeam(organisationId: string, teamId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.manager.query(
      `UPDATE users SET team_id = NULL, updated_at = now()
        WHERE organisation_id = $1 AND id = ANY($3::uuid[]) AND team_id = $2`,
      [organisationId, teamId, userIds],
    );
  }

  async teamUsage(organisationId: string, id: string): Promise<{ members: number; children: number }> {
    const [row]: { members: number; children: number }[] = await this.manager.query(
      `SELECT (SELECT count(*)::int FROM users WHERE organisation_id = $1 AND team_id = $2) AS members,
              (SELECT count(*)::int FROM teams WHERE organisation_id = $1 AND parent_id = $2) AS children`,
      [organisationId, id],
    );
    return row;
  }

  async deleteTeam(organisationId: string, id: string): Promise<void> {
    await this.manager.query(`DELETE FROM teams WHERE organisation_id = $1 AND id = $2`, [
      organisationId,
      id,
    ]);
  }
}

async function userById(runner: Runner, organisationId: string, id: string): Promise<ScimUserRow | null> {
  const [row]: ScimUserRow[] = await runner.query(
    `${USER_SELECT} WHERE u.organisation_id = $1 AND u.id = $2`,
    [organisationId, id],
  );
  return row ?? null;
}

async function withMembers(
  runner: Runner,
  organisationId: string,
  teams: Omit<ScimGroupRow, 'members'>[],
): Promise<ScimGroupRow[]> {
  if (teams.length === 0) return [];
  const members: { id: string; name: string; team_id: string }[] = await runner.query(
    `SELECT id, name, team_id FROM users WHERE organisation_id = $1 AND team_id = ANY($2::uuid[]) ORDER BY name, id`,
    [organisationId, teams.map((t) => t.id)],
  );
  return teams.map((team) => ({
    ...team,
    members: members.filter((m) => m.team_id === team.id).map(({ id, name }) => ({ id, name })),
  }));
}
