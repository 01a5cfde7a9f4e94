import { HttpStatus, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { checkForPublish, draftFrom, structuralErrors } from '@wk/domain';
import type { RuleMessage, ValueSetContent } from '@wk/domain';
import type { ApiErrorCode, ValueSetTemplate, ValueSetVersion } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { conflict, DomainError, notFound } from '../common/domain-error';
import { ValuesRepository } from './values.repository';

export const noDraft = () =>
  new DomainError('no_draft', 'There is no draft; start one first', HttpStatus.NOT_FOUND);

function ruleError(code: ApiErrorCode, message: string, rules: RuleMessage[]): DomainError {
  return new DomainError(
    code,
    `${message}: ${rules.map((r) => `${r.field}: ${r.message}`).join('; ')}`,
    HttpStatus.BAD_REQUEST,
    rules.map(({ field, message: text }) => ({ field, message: text })),
  );
}

/**
 * Editing the values: the one draft of an organisation, started from the current version, and its
 * publication. Writes to one organisation's values are serialised on its row so numbering and
 * "one draft" hold.
 */
@Injectable()
export class ValueDraftsService {
  constructor(private readonly repo: ValuesRepository) {}

  /** A new draft is a copy of the current version: every key stays, every behaviour continues itself. */
  async createDraft(auth: AuthContext): Promise<ValueSetVersion> {
    const id = await this.repo.transaction(async (m) => {
      await this.repo.lockOrganisation(m, auth.organisationId);
      if (await this.repo.draftId(m, auth.organisationId)) {
        throw conflict('draft_exists', 'A draft already exists; edit it or discard it first');
      }
      return this.insertDraft(m, auth);
    });
    return this.load(auth.organisationId, id);
  }

  async saveDraft(auth: AuthContext, content: ValueSetContent): Promise<ValueSetVersion> {
    const id = await this.repo.transaction(async (m) => {
      const draftId = await this.lockedDraft(m, auth.organisationId);
      await this.replaceContent(m, auth.organisationId, draftId, content);
      return draftId;
    });
    return this.load(auth.organisationId, id);
  }

  /** A template replaces the draft's content; a draft is started first when there is none. */
  async importDraft(auth: AuthContext, template: ValueSetTemplate): Promise<ValueSetVersion> {
    const id = await this.repo.transaction(async (m) => {
      await this.repo.lockOrganisation(m, auth.organisationId);
      const draftId = (await this.repo.draftId(m, auth.organisationId)) ?? (await this.insertDraft(m, auth));
      await this.replaceContent(m, auth.organisationId, draftId, { values: template.values });
      return draftId;
    });
    return this.load(auth.organisationId, id);
  }

  async discardDraft(auth: AuthContext): Promise<void> {
    await this.repo.transaction(async (m) => {
      const draftId = await this.lockedDraft(m, auth.organisationId);
      await this.repo.deleteVersion(m, auth.organisationId, draftId);
    });
  }

  async publish(auth: AuthContext): Promise<ValueSetVersion> {
    const id = await this.repo.transaction(async (m) => {
      const draftId = await this.lockedDraft(m, auth.organisationId);
      await this.publishDraft(m, auth.organisationId, draftId, auth.userId);
      return draftId;
    });
    return this.load(auth.organisationId, id);
  }

  /** Publishes `content` as the next version in one go (demo data, first set-up); runs in the caller's transaction. */
  async publishContent(
    m: EntityManager,
    organisationId: string,
    userId: string,
    content: ValueSetContent,
  ): Promise<string> {
    await this.repo.lockOrganisation(m, organisationId);
    const draftId = await this.insertDraft(m, { organisationId, userId });
    await this.replaceContent(m, organisationId, draftId, content);
    await this.publishDraft(m, organisationId, draftId, userId);
    return draftId;
  }

  /** Locks the organisation's values and answers its draft (404 without one). */
  private async lockedDraft(m: EntityManager, organisationId: string): Promise<string> {
    await this.repo.lockOrganisation(m, organisationId);
    const draftId = await this.repo.draftId(m, organisationId);
    if (!draftId) throw noDraft();
    return draftId;
  }

  private async insertDraft(
    m: EntityManager,
    auth: Pick<AuthContext, 'organisationId' | 'userId'>,
  ): Promise<string> {
    const currentId = await this.repo.currentId(m, auth.organisationId);
    const draftId = await this.repo.insertDraft(m, auth.organisationId, {
      number: await this.repo.nextNumber(m, auth.organisationId),
      basedOnId: currentId,
      createdBy: auth.userId,
    });
    if (currentId) {
      // A target changed since publishing (value_targets) carries into the new version.
      const current = await this.repo.withTargetsInForce(m, auth.organisationId, {
        values: await this.repo.content(m, auth.organisationId, currentId),
      });
      await this.repo.insertContent(m, auth.organisationId, draftId, draftFrom({ values: current.values }));
    }
    return draftId;
  }

  private async publishDraft(m: EntityManager, organisationId: string, draftId: string, userId: string) {
    const content = { values: await this.repo.content(m, organisationId, draftId) };
    const check = checkForPublish(content, await this.repo.currentBehaviourKeys(m, organisationId));
    if (!check.canPublish) throw ruleError('publish_refused', 'This draft cannot be published', check.errors);
    await this.repo.markPublished(m, organisationId, draftId, userId);
  }

  private async replaceContent(
    m: EntityManager,
    organisationId: string,
    draftId: string,
    content: ValueSetContent,
  ) {
    const errors = structuralErrors(content, await this.repo.currentBehaviourKeys(m, organisationId));
    if (errors.length) throw ruleError('validation_failed', 'The value set is not consistent', errors);
    await this.repo.replaceContent(m, organisationId, draftId, content);
  }

  private async load(organisationId: string, id: string): Promise<ValueSetVersion> {
    const version = await this.repo.version(this.repo.manager, organisationId, id);
    if (!version) throw notFound('Value set version');
    return version;
  }
}
