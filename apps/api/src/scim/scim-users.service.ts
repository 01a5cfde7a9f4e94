import { HttpStatus, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { scimPatch, patchBodyValidation, ScimError as PatchError } from 'scim-patch';
import type { ScimPatch, ScimPatchOperation } from 'scim-patch';
import { outranks } from '@wk/contracts';
import type { Role, UserStatus } from '@wk/contracts';
import { AccountLinksService } from '../auth/account-links.service';
import { SessionService } from '../auth/session.service';
import { MailService } from '../notifications/mail.service';
import { renderNoticeMail } from '../notifications/mail-templates';
import { ScimError, scimInvalid, scimNotFound } from './scim-errors';
import { ScimRepository, USER_FILTER_COLUMNS } from './scim.repository';
import {
  asObject,
  filterToSql,
  isUuid,
  readPaging,
  readUser,
  toScimUser,
  type ScimUserResource,
  type UserInput,
} from './scim-resources';
import { listResponse } from './scim-schemas';
import { ScimTokensService } from './scim-tokens.service';

/**
 * SCIM acts with HR's rank: it never changes the e-mail or status of someone who outranks HR (an
 * admin), so a leaked token or a wrong assignment in the identity provider cannot lock admins out.
 */
export const SCIM_RANK: Role = 'hr';

/** Users → people of the token's organisation. Creates employees only; roles stay in the dashboard. */
@Injectable()
export class ScimUsersService {
  constructor(
    private readonly repo: ScimRepository,
    private readonly tokens: ScimTokensService,
    private readonly links: AccountLinksService,
    private readonly sessions: SessionService,
    private readonly mail: MailService,
  ) {}

  async list(organisationId: string, query: Record<string, unknown>) {
    const { startIndex, count } = readPaging(query);
    const filter = filterToSql(query.filter, USER_FILTER_COLUMNS, 1);
    const { rows, total } = await this.repo.users(organisationId, filter, startIndex, count);
    return listResponse(
      rows.map((row) => toScimUser(row, this.tokens.baseUrl)),
      total,
      startIndex,
    );
  }

  async get(organisationId: string, id: string): Promise<ScimUserResource> {
    const row = isUuid(id) ? await this.repo.user(organisationId, id) : null;
    if (!row) throw scimNotFound('User');
    return toScimUser(row, this.tokens.baseUrl);
  }

  /**
   * New people are `invited` without any mail (the identity provider is the source; they sign in
   * with single sign-on, or HR sends invitations later), or `deactivated` when created inactive.
   */
  async create(organisationId: string, body: unknown): Promise<ScimUserResource> {
    const input = readUser(asObject(body, 'The request body'));
    const id = await this.repo.transaction((tx) =>
      tx.insertUser(organisationId, input, input.active ? 'invited' : 'deactivated'),
    );
    return this.get(organisationId, id);
  }

  /** PUT: the body over the current resource (attributes it leaves out stay as they are). */
  async replace(organisationId: string, id: string, body: unknown): Promise<ScimUserResource> {
    const current = await this.get(organisationId, id);
    const { id: _id, meta: _meta, groups: _groups, ...given } = asObject(body, 'The request body');
    return this.save(organisationId, id, readUser({ ...current, ...given }, current));
  }

  /** PATCH (RFC 7644 §3.5.2, by scim-patch) applied to the current resource, then saved like a PUT. */
  async patch(organisationId: string, id: string, body: unknown): Promise<ScimUserResource> {
    const current = await this.get(organisationId, id);
    const patched = applyPatch(current, body);
    return this.save(organisationId, id, readUser(patched, current));
  }

  /** DELETE deactivates: the person's history (answers, invitations) stays; a later PUT can reactivate. */
  async deactivate(organisationId: string, id: string): Promise<void> {
    const current = await this.get(organisationId, id);
    await this.save(organisationId, id, {
      ...readUser(current as unknown as Record<string, unknown>, current),
      active: false,
    });
  }

  private async save(organisationId: string, id: string, input: UserInput): Promise<ScimUserResource> {
    const outcome = await this.repo.transaction(async (tx) => {
      const user = await tx.lockUser(organisationId, id);
      if (!user) throw scimNotFound('User');
      const status: UserStatus = !input.active
        ? 'deactivated'
        : user.status !== 'deactivated'
          ? user.status
          : user.hasSignedIn
            ? 'active'
            : 'invited';
      const emailChanges = input.email.toLowerCase() !== user.email.toLowerCase();
      if ((emailChanges || status !== user.status) && outranks(user.role, SCIM_RANK))
        throw new ScimError(
          HttpStatus.FORBIDDEN,
          `Provisioning may not change the e-mail or status of a ${user.role}; do that in Waardenkompas itself`,
        );
      await tx.updateUser(organisationId, id, input, status);
      const outboxIds: string[] = [];
      if (emailChanges) {
        // Links went to the old address; the old address hears of the change (an account takeover shows).
        await this.links.revoke({ organisationId, id }, ['invite', 'reset', 'email_change'], tx.manager);
        if (user.hasSignedIn) {
          const organisation = await tx.organisation(organisationId);
          const notice = renderNoticeMail('emailChangeNotice', user.locale ?? organisation.locale, {
            name: input.name,
            organisation: organisation.name,
            newEmail: input.email,
          });
          outboxIds.push(
            await this.mail.store(
              {
                organisationId,
                kind: 'email_change_notice',
                dedupKey: `scim_email_change:${randomUUID()}`,
                to: user.email,
                ...notice,
              },
              tx.manager,
            ),
          );
        }
      }
      return { outboxIds, ended: status === 'deactivated' && user.status !== 'deactivated' };
    });
    await this.mail.dispatch(outcome.outboxIds);
    if (outcome.ended) await this.sessions.endAllFor(organisationId, id);
    return this.get(organisationId, id);
  }
}

/**
 * Entra ID removes members with `{ op: "Remove", path: "members", value: [{ value: id }] }`; scim-patch
 * would compare whole member objects, so each becomes a `members[value eq "id"]` removal.
 */
function removeByValue(operation: ScimPatchOperation): ScimPatchOperation[] {
  const { op, path, value } = operation as { op: string; path?: string; value?: unknown };
  if (op?.toLowerCase() !== 'remove' || path?.toLowerCase() !== 'members' || !Array.isArray(value))
    return [operation];
  return value.map((member: unknown) => {
    const id = (member as { value?: unknown } | null)?.value;
    if (typeof id !== 'string' || !/^[\w-]+$/.test(id))
      throw scimInvalid('members[].value must be a user id');
    return { op: 'remove', path: `members[value eq "${id}"]` } as ScimPatchOperation;
  });
}

/** Applies a PatchOp body to a resource copy; malformed operations are a 400 in SCIM terms. */
export function applyPatch<T extends object>(resource: T, body: unknown): Record<string, unknown> {
  const request = asObject(body, 'The request body') as unknown as ScimPatch;
  try {
    patchBodyValidation(request);
    return scimPatch(structuredClone(resource) as never, request.Operations.flatMap(removeByValue), {
      mutateDocument: true,
      treatMissingAsAdd: true,
    }) as unknown as Record<string, unknown>;
  } catch (error) {
    if (error instanceof PatchError)
      throw scimInvalid(error.message, error.scimCode === 'noTarget' ? 'noTarget' : 'invalidSyntax');
    throw error;
  }
}
