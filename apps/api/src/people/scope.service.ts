import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/authenticated.decorator';

/**
 * What part of the organisation a caller may see. Admin and HR see all of it; a manager sees the
 * teams it manages and every team below them; an employee sees only itself.
 */
export type Scope =
  { kind: 'organisation' } | { kind: 'teams'; teamIds: string[] } | { kind: 'self'; userId: string };

@Injectable()
export class ScopeService {
  constructor(private readonly db: DataSource) {}

  async managedTeamIds(organisationId: string, userId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `WITH RECURSIVE scope AS (
         SELECT t.id FROM teams t
         JOIN team_managers m ON m.team_id = t.id AND m.organisation_id = t.organisation_id
         WHERE m.organisation_id = $1 AND m.user_id = $2
         UNION
         SELECT c.id FROM teams c JOIN scope s ON c.parent_id = s.id WHERE c.organisation_id = $1
       ) SELECT id FROM scope`,
      [organisationId, userId],
    );
    return rows.map((r) => r.id);
  }

  async of(auth: AuthContext): Promise<Scope> {
    if (auth.role === 'admin' || auth.role === 'hr') return { kind: 'organisation' };
    if (auth.role === 'manager')
      return { kind: 'teams', teamIds: await this.managedTeamIds(auth.organisationId, auth.userId) };
    return { kind: 'self', userId: auth.userId };
  }
}
