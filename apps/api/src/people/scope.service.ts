import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../auth/authenticated.decorator';
import { TeamsRepository } from './teams.repository';

/**
 * What part of the organisation a caller may see. Admin and HR see all of it; a manager sees the
 * teams it manages and every team below them; an employee sees only itself.
 */
export type Scope =
  { kind: 'organisation' } | { kind: 'teams'; teamIds: string[] } | { kind: 'self'; userId: string };

@Injectable()
export class ScopeService {
  constructor(private readonly teams: TeamsRepository) {}

  /** The teams the person manages and every team below them. */
  managedTeamIds(organisationId: string, userId: string): Promise<string[]> {
    return this.teams.managedTeamIds(organisationId, userId);
  }

  async of(auth: AuthContext): Promise<Scope> {
    if (auth.role === 'admin' || auth.role === 'hr') return { kind: 'organisation' };
    if (auth.role === 'manager')
      return { kind: 'teams', teamIds: await this.managedTeamIds(auth.organisationId, auth.userId) };
    return { kind: 'self', userId: auth.userId };
  }
}
