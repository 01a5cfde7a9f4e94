import type { Locale } from '@wk/domain';
import type { Role } from './roles';

export const USER_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export interface Person {
  id: string;
  email: string;
  name: string;
  employeeNumber: string | null;
  role: Role;
  status: UserStatus;
  locale: Locale | null;
  teamId: string | null;
  teamName: string | null;
  /** Teams this person manages directly. */
  managesTeamIds: string[];
  /** A new address waiting for confirmation from that address; the account keeps `email` until then. */
  pendingEmail: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface CreatePersonRequest {
  email: string;
  name: string;
  employeeNumber?: string | null;
  role?: Role;
  teamId?: string | null;
  locale?: Locale | null;
  /** Send the invitation e-mail right away (default true). */
  invite?: boolean;
}

export type UpdatePersonRequest = Partial<Omit<CreatePersonRequest, 'invite'>> & {
  status?: 'active' | 'deactivated';
};

export interface Team {
  id: string;
  name: string;
  parentId: string | null;
  memberCount: number;
  managerIds: string[];
}

export interface CreateTeamRequest {
  name: string;
  parentId?: string | null;
}

export type UpdateTeamRequest = Partial<CreateTeamRequest>;

export interface SetTeamManagersRequest {
  userIds: string[];
}
