import { HttpStatus, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { checkForPublish, diffValueSets } from '@wk/domain';
import type { PublishCheck, ValueSetContent } from '@wk/domain';
import { roleHas, VALUE_TEMPLATE_FORMAT } from '@wk/contracts';
import type {
  ValueDraftDiff,
  ValueSetTemplate,
  ValueSetVersion,
  ValueSetVersionSummary,
} from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { DomainError, notFound } from '../common/domain-error';
import { noDraft, ValueDraftsService } from './value-drafts.service';
import { ValuesRepository } from './values.repository';

/**
 * Reading value sets and their versions (drafts only for those who may edit them), and how a draft
 * compares with the current version. Every read is scoped to the caller's organisation; editing is
 * ValueDraftsService's.
 */
@Injectable()
export class ValuesService {
  constructor(
    private readonly repo: ValuesRepository,
    private readonly drafts: ValueDraftsService,
  ) {}

  private get m(): EntityManager {
    return this.repo.manager;
  }

  async current(auth: AuthContext): Promise<ValueSetVersion> {
    const id = await this.repo.currentId(this.m, auth.organisationId);
    if (!id) {
      throw new DomainError(
        'no_published_version',
        'No values have been published yet',
        HttpStatus.NOT_FOUND,
      );
    }
    return this.repo.withTargetsInForce(
      this.m,
      auth.organisationId,
      await this.load(auth.organisationId, id),
    );
  }

  /** Newest first; drafts only for those who may edit them. */
  versions(auth: AuthContext): Promise<ValueSetVersionSummary[]> {
    return this.repo.summaries(this.m, auth.organisationId, { withDraft: this.canEdit(auth) });
  }

  async version(auth: AuthContext, id: string): Promise<ValueSetVersion> {
    const [summary] = await this.repo.summaries(this.m, auth.organisationId, {
      id,
      withDraft: this.canEdit(auth),
    });
    if (!summary) throw notFound('Value set version');
    return this.repo.withContent(this.m, auth.organisationId, summary);
  }

  async draft(auth: AuthContext): Promise<ValueSetVersion> {
    const id = await this.repo.draftId(this.m, auth.organisationId);
    if (!id) throw noDraft();
    return this.load(auth.organisationId, id);
  }

  async checkDraft(auth: AuthContext): Promise<PublishCheck> {
    const draft = await this.draft(auth);
    return checkForPublish(draft, await this.repo.currentBehaviourKeys(this.m, auth.organisationId));
  }

  async diffDraft(auth: AuthContext): Promise<ValueDraftDiff> {
    const draft = await this.draft(auth);
    const currentId = await this.repo.currentId(this.m, auth.organisationId);
    const current = currentId
      ? { values: await this.repo.content(this.m, auth.organisationId, currentId) }
      : { values: [] };
    return { ...diffValueSets(current, draft), againstVersionId: currentId };
  }

  /** Publishes `content` as the next version in one go (demo data, first set-up); runs in the caller's transaction. */
  publishContent(
    m: EntityManager,
    organisationId: string,
    userId: string,
    content: ValueSetContent,
  ): Promise<string> {
    return this.drafts.publishContent(m, organisationId, userId, content);
  }

  /** A version as a portable template: no ids, and no continuity (that belongs to this organisation's history). */
  async export(auth: AuthContext, id: string): Promise<ValueSetTemplate> {
    const version = await this.version(auth, id);
    const organisationName = await this.repo.organisationName(auth.organisationId);
    return {
      format: VALUE_TEMPLATE_FORMAT,
      name: `${organisationName}, versie ${version.number}`,
      description: version.publishedAt
        ? `Gepubliceerd ${version.publishedAt.slice(0, 10)}`
        : `Concept van versie ${version.number}`,
      values: version.values.map(({ id: _id, behaviours, ...value }) => ({
        ...value,
        behaviours: behaviours.map(({ id: _b, ...b }) => ({ ...b, continuesKey: null })),
      })),
    };
  }

  private canEdit(auth: AuthContext): boolean {
    return roleHas(auth.role, 'values.write');
  }

  private async load(organisationId: string, id: string): Promise<ValueSetVersion> {
    const version = await this.repo.version(this.m, organisationId, id);
    if (!version) throw notFound('Value set version');
    return version;
  }
}
