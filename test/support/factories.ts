import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PasswordService } from '@wk/api-testing';
import type { Role } from '@wk/contracts';

export const TEST_PASSWORD = 'Correct-horse-battery-1';
let passwordHash: Promise<string> | undefined;
const hashed = () => (passwordHash ??= new PasswordService().hash(TEST_PASSWORD));

export async function createOrganisation(
  db: DataSource,
  name = 'Org',
): Promise<{ id: string; slug: string }> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomUUID().slice(0, 8)}`;
  const [row] = await db.query(`INSERT INTO organisations (name, slug) VALUES ($1, $2) RETURNING id, slug`, [
    name,
    slug,
  ]);
  return row;
}

export async function createTeam(
  db: DataSource,
  organisationId: string,
  name: string,
  parentId: string | null = null,
): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO teams (organisation_id, name, parent_id) VALUES ($1, $2, $3) RETURNING id`,
    [organisationId, name, parentId],
  );
  return row.id;
}

export interface TestUser {
  id: string;
  email: string;
  role: Role;
}

export async function createUser(
  db: DataSource,
  organisationId: string,
  options: { role?: Role; email?: string; teamId?: string | null; status?: string; name?: string } = {},
): Promise<TestUser> {
  const role = options.role ?? 'employee';
  const email = options.email ?? `${role}-${randomUUID().slice(0, 8)}@example.test`;
  const status = options.status ?? 'active';
  const [row] = await db.query(
    `INSERT INTO users (organisation_id, email, name, role, status, team_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      organisationId,
      email,
      options.name ?? `Test ${role}`,
      role,
      status,
      options.teamId ?? null,
      status === 'invited' ? null : await hashed(),
    ],
  );
  return { id: row.id, email, role };
}

export interface World {
  organisationId: string;
  slug: string;
  departmentId: string;
  teamId: string;
  otherTeamId: string;
  users: Record<Role, TestUser>;
  /** A plain employee in the manager's team, and one outside it. */
  teamMember: TestUser;
  outsider: TestUser;
}

/**
 * One organisation with a department, a team below it managed by the manager, another team
 * outside the manager's scope, and a user per role.
 */
export async function createWorld(db: DataSource, name = 'World'): Promise<World> {
  const org = await createOrganisation(db, name);
  const departmentId = await createTeam(db, org.id, `${name} afdeling`);
  const teamId = await createTeam(db, org.id, `${name} team`, departmentId);
  const otherTeamId = await createTeam(db, org.id, `${name} ander team`);
  const users = {
    admin: await createUser(db, org.id, { role: 'admin' }),
    hr: await createUser(db, org.id, { role: 'hr' }),
    manager: await createUser(db, org.id, { role: 'manager', teamId: departmentId }),
    employee: await createUser(db, org.id, { role: 'employee', teamId }),
  };
  await db.query(`INSERT INTO team_managers (organisation_id, team_id, user_id) VALUES ($1, $2, $3)`, [
    org.id,
    departmentId,
    users.manager.id,
  ]);
  const teamMember = await createUser(db, org.id, { teamId, name: 'Team Member' });
  const outsider = await createUser(db, org.id, { teamId: otherTeamId, name: 'Outsider' });
  return {
    organisationId: org.id,
    slug: org.slug,
    departmentId,
    teamId,
    otherTeamId,
    users,
    teamMember,
    outsider,
  };
}

/**
 * A published value set of one value with one behaviour, written as the api would: rows first
 * while it is a draft, then the version is published (after which the database freezes it).
 */
export async function createPublishedValueSet(
  db: DataSource,
  organisationId: string,
  options: { number?: number; key?: string } = {},
): Promise<{ versionId: string; valueId: string; behaviourId: string }> {
  const key = options.key ?? 'betrouwbaar';
  const [version] = await db.query(
    `INSERT INTO value_set_versions (organisation_id, number, status) VALUES ($1, $2, 'draft') RETURNING id`,
    [organisationId, options.number ?? 1],
  );
  const [value] = await db.query(
    `INSERT INTO experience_values (organisation_id, version_id, key, position, name_nl, level, tier, charge, target_grade)
     VALUES ($1, $2, $3::text, 0, initcap($3::text), 'basis', 'base', 'rational', 7.5) RETURNING id`,
    [organisationId, version.id, key],
  );
  const [behaviour] = await db.query(
    `INSERT INTO value_behaviours (organisation_id, version_id, value_id, key, position, text_nl)
     VALUES ($1, $2, $3, $4, 0, 'kom gemaakte afspraken na') RETURNING id`,
    [organisationId, version.id, value.id, `${key}-1`],
  );
  await db.query(`UPDATE value_set_versions SET status = 'published', published_at = now() WHERE id = $1`, [
    version.id,
  ]);
  return { versionId: version.id, valueId: value.id, behaviourId: behaviour.id };
}
