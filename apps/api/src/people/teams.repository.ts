import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Team } from '@wk/contracts';
import { OrganisationRepository } from '../common/organisation-repository';
import type { Scope } from './scope.service';

/** A team in the tree. */
export interface TeamRow {
  id: string;
  name: string;
  parentId: string | null;
}

/** How many members and sub-teams a team has. */
export interface TeamContentRow {
  children: number;
  members: number;
}

/**
 * Teams (a tree per organisation) and their managers (teams, team_managers). Statements that take
 * an EntityManager run inside the caller's transaction; every one runs in one organisation's scope.
 */
@Injectable()
export class TeamsRepository extends OrganisationRepository {
  /** The teams within `scope` by name, with their active members counted and their managers. */
  list(organisationId: string, scope: Scope): Promise<Team[]> {
    const within =
      scope.kind === 'teams'
        ? { sql: 'AND t.id = ANY($2::uuid[])', params: [scope.teamIds] }
        : scope.kind === 'self'
          ? { sql: 'AND t.id = (SELECT team_id FROM users WHERE id = $2)', params: [scope.userId] }
          : { sql: '', params: [] };
    return this.scope(organisationId).rows<Team>(
      `SELECT t.id, t.name, t.parent_id AS "parentId",
              (SELECT count(*)::int FROM users u WHERE u.team_id = t.id AND u.organisation_id = t.organisation_id
                 AND u.status <> 'deactivated') AS "memberCount",
              ARRAY(SELECT m.user_id FROM team_managers m WHERE m.team_id = t.id
                      AND m.organisation_id = t.organisation_id ORDER BY m.user_id) AS "managerIds"
         FROM teams t WHERE t.organisation_id = $1 ${within.sql}
        ORDER BY t.name`,
      within.params,
    );
  }

  /** Every team of the organisation (for an import's plan). */
  all(m: EntityManager, organisationId: string): Promise<TeamRow[]> {
    return this.scope(organisationId, m).rows<TeamRow>(
      `SELECT id, name, parent_id AS "parentId" FROM teams WHERE organisation_id = $1`,
    );
  }

  /** The team with this name in any letter case, or undefined. */
  async idByName(m: EntityManager, organisationId: string, name: string): Promise<string | undefined> {
    const row = await this.scope(organisationId, m).one<{ id: string }>(
      `SELECT id FROM teams WHERE organisation_id = $1 AND lower(name) = lower($2) LIMIT 1`,
      [name],
    );
    return row?.id;
  }

  /** The teams the person manages and every team below them. */
  async managedTeamIds(organisationId: string, userId: string): Promise<string[]> {
    const rows = await this.scope(organisationId).rows<{ id: string }>(
      `WITH RECURSIVE scope AS (
         SELECT t.id FROM teams t
         JOIN team_managers m ON m.team_id = t.id AND m.organisation_id = t.organisation_id
         WHERE m.organisation_id = $1 AND m.user_id = $2
         UNION
         SELECT c.id FROM teams c JOIN scope s ON c.parent_id = s.id WHERE c.organisation_id = $1
       ) SELECT id FROM scope`,
      [userId],
    );
    return rows.map((r) => r.id);
  }

  /** The team and every team below it. */
  async descendantsAndSelf(m: EntityManager, organisationId: string, id: string): Promise<string[]> {
    const rows = await this.scope(organisationId, m).rows<{ id: string }>(
      `WITH RECURSIVE d AS (SELECT id FROM teams WHERE id = $2 AND organisation_id = $1
         UNION SELECT c.id FROM teams c JOIN d ON c.parent_id = d.id WHERE c.organisation_id = $1)
       SELECT id FROM d`,
      [id],
    );
    return rows.map((r) => r.id);
  }

  /** Locks the team for the transaction; false when the organisation has no such team. */
  async lock(m: EntityManager, organisationId: string, id: string): Promise<boolean> {
    const row = await this.scope(organisationId, m).one(
      `SELECT id FROM teams WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
      [id],
    );
    return row !== undefined;
  }

  async exists(m: EntityManager, organisationId: string, id: string): Promise<boolean> {
    const row = await this.scope(organisationId, m).one(
      `SELECT 1 FROM teams WHERE organisation_id = $1 AND id = $2`,
      [id],
    );
    return row !== undefined;
  }

  /** Whether another team (not `exceptId`) has this name in any letter case. */
  async nameTaken(
    m: EntityManager,
    organisationId: string,
    name: string,
    exceptId?: string,
  ): Promise<boolean> {
    const row = await this.scope(organisationId, m).one(
      `SELECT 1 FROM teams WHERE organisation_id = $1 AND lower(name) = lower($2)
          AND ($3::uuid IS NULL OR id <> $3) LIMIT 1`,
      [name, exceptId ?? null],
    );
    return row !== undefined;
  }

  async insert(m: EntityManager, organisationId: string, team: { name: string; parentId: string | null }) {
    const [{ id }] = await this.scope(organisationId, m).rows<{ id: string }>(
      `INSERT INTO teams (organisation_id, name, parent_id) VALUES ($1, $2, $3) RETURNING id`,
      [team.name, team.parentId],
    );
    return id;
  }

  /** Changes what is given: a name left out stays, a parent left out stays (null: a top team). */
  async update(
    m: EntityManager,
    organisationId: string,
    id: string,
    change: { name?: string; parentId?: string | null },
  ) {
    await this.scope(organisationId, m).rows(
      `UPDATE teams SET name = coalesce($3, name),
              parent_id = CASE WHEN $4 THEN $5::uuid ELSE parent_id END, updated_at = now()
        WHERE organisation_id = $1 AND id = $2`,
      [id, change.name ?? null, change.parentId !== undefined, change.parentId ?? null],
    );
  }

  async content(m: EntityManager, organisationId: string, id: string): Promise<TeamContentRow> {
    const row = await this.scope(organisationId, m).one<TeamContentRow>(
      `SELECT (SELECT count(*)::int FROM teams WHERE organisation_id = $1 AND parent_id = $2) AS children,
              (SELECT count(*)::int FROM users WHERE organisation_id = $1 AND team_id = $2) AS members`,
      [id],
    );
    return row!;
  }

  async remove(m: EntityManager, organisationId: string, id: string): Promise<void> {
    await this.scope(organisationId, m).rows(`DELETE FROM teams WHERE organisation_id = $1 AND id = $2`, [
      id,
    ]);
  }

  /** How many of the given (distinct) ids are people of the organisation. */
  async countPeople(m: EntityManager, organisationId: string, userIds: string[]): Promise<number> {
    const row = await this.scope(organisationId, m).one<{ n: number }>(
      `SELECT count(*)::int AS n FROM users WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
      [userIds],
    );
    return row!.n;
  }

  async setManagers(
    m: EntityManager,
    organisationId: string,
    teamId: string,
    userIds: string[],
  ): Promise<void> {
    const scope = this.scope(organisationId, m);
    await scope.rows(`DELETE FROM team_managers WHERE organisation_id = $1 AND team_id = $2`, [teamId]);
    await scope.rows(
      `INSERT INTO team_managers (organisation_id, team_id, user_id)
       SELECT $1, $2, user_id FROM unnest($3::uuid[]) AS user_id`,
      [teamId, userIds],
    );
  }
}
