import { HttpStatus, Injectable } from '@nestjs/common';
import { ScimError, scimConflict, scimInvalid, scimNotFound } from './scim-errors';
import { GROUP_FILTER_COLUMNS, ScimRepository, ScimTransaction } from './scim.repository';
import {
  asObject,
  filterToSql,
  isUuid,
  readGroup,
  readPaging,
  toScimGroup,
  type GroupInput,
  type ScimGroupResource,
} from './scim-resources';
import { listResponse } from './scim-schemas';
import { ScimTokensService } from './scim-tokens.service';
import { applyPatch } from './scim-users.service';

const withoutMembers = (query: Record<string, unknown>) =>
  typeof query.excludedAttributes === 'string' &&
  query.excludedAttributes.split(',').some((a) => a.trim().toLowerCase() === 'members');

/**
 * Groups → teams of the organisation. Members are the people whose team it is; a person has one
 * team, so joining a group moves them there (the last group wins) and leaving a group they have
 * since left changes nothing. New teams are top-level; the dashboard places them in the tree.
 */
@Injectable()
export class ScimGroupsService {
  constructor(
    private readonly repo: ScimRepository,
    private readonly tokens: ScimTokensService,
  ) {}

  async list(organisationId: string, query: Record<string, unknown>) {
    const { startIndex, count } = readPaging(query);
    const filter = filterToSql(query.filter, GROUP_FILTER_COLUMNS, 1);
    const { rows, total } = await this.repo.groups(organisationId, filter, startIndex, count);
    const members = !withoutMembers(query);
    return listResponse(
      rows.map((row) => toScimGroup(row, this.tokens.baseUrl, members)),
      total,
      startIndex,
    );
  }

  async get(
    organisationId: string,
    id: string,
    query: Record<string, unknown> = {},
  ): Promise<ScimGroupResource> {
    const row = isUuid(id) ? await this.repo.group(organisationId, id) : null;
    if (!row) throw scimNotFound('Group');
    return toScimGroup(row, this.tokens.baseUrl, !withoutMembers(query));
  }

  async create(organisationId: string, body: unknown): Promise<ScimGroupResource> {
    const input = readGroup(asObject(body, 'The request body'));
    const id = await this.repo.transaction(async (tx) => {
      await assertNameFree(tx, organisationId, input.displayName, null);
      await assertKnown(tx, organisationId, input.memberIds);
      const teamId = await tx.insertTeam(organisationId, input.displayName, input.externalId);
      await tx.moveIntoTeam(organisationId, teamId, input.memberIds);
      return teamId;
    });
    return this.get(organisationId, id);
  }

  /** PUT: the body over the current group; `members`, when given, is the whole membership. */
  async replace(organisationId: string, id: string, body: unknown): Promise<ScimGroupResource> {
    const current = await this.get(organisationId, id);
    const { id: _id, meta: _meta, ...given } = asObject(body, 'The request body');
    return this.save(organisationId, id, readGroup({ ...current, ...given }), current);
  }

  async patch(organisationId: string, id: string, body: unknown): Promise<ScimGroupResource> {
    const current = await this.get(organisationId, id);
    return this.save(organisationId, id, readGroup(applyPatch(current, body)), current);
  }

  /** As in the dashboard, only an empty team without sub-teams goes; otherwise 409 and nothing changes. */
  async remove(organisationId: string, id: string): Promise<void> {
    if (!isUuid(id)) throw scimNotFound('Group');
    await this.repo.transaction(async (tx) => {
      if (!(await tx.lockTeam(organisationId, id))) throw scimNotFound('Group');
      const { members, children } = await tx.teamUsage(organisationId, id);
      if (members || children)
        throw new ScimError(
          HttpStatus.CONFLICT,
          `This team still has ${members} member(s) and ${children} sub-team(s); remove the members first (sub-teams in Waardenkompas)`,
        );
      await tx.deleteTeam(organisationId, id);
    });
  }

  private async save(
    organisationId: string,
    id: string,
    input: GroupInput,
    current: ScimGroupResource,
  ): Promise<ScimGroupResource> {
    const before = new Set((current.members ?? []).map((m) => m.value));
    const after = new Set(input.memberIds);
    const added = [...after].filter((m) => !before.has(m));
    const removed = [...before].filter((m) => !after.has(m));
    await this.repo.transaction(async (tx) => {
      if (!(await tx.lockTeam(organisationId, id))) throw scimNotFound('Group');
      await assertNameFree(tx, organisationId, input.displayName, id);
      await assertKnown(tx, organisationId, added);
      await tx.updateTeam(organisationId, id, input.displayName, input.externalId);
      await tx.moveIntoTeam(organisationId, id, added);
      await tx.removeFromTeam(organisationId, id, removed);
    });
    return this.get(organisationId, id);
  }
}

async function assertNameFree(
  tx: ScimTransaction,
  organisationId: string,
  name: string,
  exceptId: string | null,
) {
  if (await tx.teamNameTaken(organisationId, name, exceptId))
    throw scimConflict(`A team named "${name}" already exists in this organisation`);
}

/** Members must be people of this organisation; another organisation's ids are unknown here. */
async function assertKnown(tx: ScimTransaction, organisationId: string, ids: string[]) {
  const known = new Set(await tx.knownUserIds(organisationId, ids.filter(isUuid)));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) throw scimInvalid(`members: unknown user id(s) ${unknown.slice(0, 5).join(', ')}`);
}
