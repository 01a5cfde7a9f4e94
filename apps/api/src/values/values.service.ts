import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { checkForPublish, diffValueSets, draftFrom, structuralErrors } from '@wk/domain';
import type { PublishCheck, RuleMessage, ValueDraft, ValueSetContent } from '@wk/domain';
import { roleHas, VALUE_TEMPLATE_FORMAT } from '@wk/contracts';
import type {
  ApiErrorCode,
  ExperienceValue,
  ValueDraftDiff,
  ValueSetTemplate,
  ValueSetVersion,
  ValueSetVersionSummary,
} from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { conflict, DomainError, notFound } from '../common/domain-error';
import { targetsNow } from '../value-targets/targets-in-force';
import {
  ExperienceValueEntity,
  ValueBehaviourEntity,
  ValueLoadingEntity,
  ValueSetVersionEntity,
} from './value.entities';

const noDraft = () => new DomainError('no_draft', 'There is no draft; start one first', HttpStatus.NOT_FOUND);

function ruleError(code: ApiErrorCode, message: string, rules: RuleMessage[]): DomainError {
  return new DomainError(
    code,
    `${message}: ${rules.map((r) => `${r.field}: ${r.message}`).join('; ')}`,
    HttpStatus.BAD_REQUEST,
    rules.map(({ field, message: text }) => ({ field, message: text })),
  );
}

/** The current version as it holds now: each value with the target in force (changed without republishing). */
async function withTargetsInForce<T extends { values: ExperienceValue[] }>(
  m: EntityManager,
  organisationId: string,
  version: T,
): Promise<T> {
  const targets = await targetsNow(
    m,
    organisationId,
    version.values.map((v) => v.key),
  );
  return {
    ...version,
    values: version.values.map((v) => ({ ...v, targetGrade: targets.get(v.key) ?? v.targetGrade })),
  };
}

/** The own fields of a value, picked one by one: content read from a version also carries row ids. */
function valueColumns(
  v: Omit<ValueDraft, 'loadings' | 'behaviours'>,
): Omit<ValueDraft, 'loadings' | 'behaviours'> {
  return {
    key: v.key,
    nameNl: v.nameNl,
    nameEn: v.nameEn,
    descriptionNl: v.descriptionNl,
    descriptionEn: v.descriptionEn,
    level: v.level,
    tier: v.tier,
    charge: v.charge,
    theme: v.theme ?? null,
    targetGrade: v.targetGrade,
    questionNl: v.questionNl ?? null,
    questionEn: v.questionEn ?? null,
  };
}

interface SummaryRow {
  id: string;
  number: number;
  status: 'draft' | 'published';
  isCurrent: boolean;
  valueCount: number;
  behaviourCount: number;
  createdAt: Date;
  createdByName: string | null;
  publishedAt: Date | null;
  publishedByName: string | null;
  basedOnId: string | null;
}

/**
 * Value sets and their versions. Every read and write is scoped to the caller's organisation;
 * writes to one organisation's values are serialised on its row so numbering and "one draft" hold.
 */
@Injectable()
export class ValuesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async current(auth: AuthContext): Promise<ValueSetVersion> {
    const id = await this.currentId(this.db.manager, auth.organisationId);
    if (!id) {
      throw new DomainError(
        'no_published_version',
        'No values have been published yet',
        HttpStatus.NOT_FOUND,
      );
    }
    return withTargetsInForce(
      this.db.manager,
      auth.organisationId,
      await this.load(this.db.manager, auth.organisationId, id),
    );
  }

  /** Newest first; drafts only for those who may edit them. */
  versions(auth: AuthContext): Promise<ValueSetVersionSummary[]> {
    return this.summaries(this.db.manager, auth.organisationId, { withDraft: this.canEdit(auth) });
  }

  async version(auth: AuthContext, id: string): Promise<ValueSetVersion> {
    const [summary] = await this.summaries(this.db.manager, auth.organisationId, {
      id,
      withDraft: this.canEdit(auth),
    });
    if (!summary) throw notFound('Value set version');
    return this.withContent(this.db.manager, auth.organisationId, summary);
  }

  async draft(auth: AuthContext): Promise<ValueSetVersion> {
    const id = await this.draftId(this.db.manager, auth.organisationId);
    if (!id) throw noDraft();
    return this.load(this.db.manager, auth.organisationId, id);
  }

  /** A new draft is a copy of the current version: every key stays, every behaviour continues itself. */
  async createDraft(auth: AuthContext): Promise<ValueSetVersion> {
    const id = await this.db.transaction(async (m) => {
      await this.lockOrganisation(m, auth.organisationId);
      if (await this.draftId(m, auth.organisationId)) {
        throw conflict('draft_exists', 'A draft already exists; edit it or discard it first');
      }
      return this.insertDraft(m, auth);
    });
    return this.load(this.db.manager, auth.organisationId, id);
  }

  async saveDraft(auth: AuthContext, content: ValueSetContent): Promise<ValueSetVersion> {
    const id = await this.db.transaction(async (m) => {
      await this.lockOrganisation(m, auth.organisationId);
      const draftId = await this.draftId(m, auth.organisationId);
      if (!draftId) throw noDraft();
      await this.replaceContent(m, auth.organisationId, draftId, content);
      return draftId;
    });
    return this.load(this.db.manager, auth.organisationId, id);
  }

  /** A template replaces the draft's content; a draft is started first when there is none. */
  async importDraft(auth: AuthContext, template: ValueSetTemplate): Promise<ValueSetVersion> {
    const id = await this.db.transaction(async (m) => {
      await this.lockOrganisation(m, auth.organisationId);
      const draftId = (await this.draftId(m, auth.organisationId)) ?? (await this.insertDraft(m, auth));
      await this.replaceContent(m, auth.organisationId, draftId, { values: template.values });
      return draftId;
    });
    return this.load(this.db.manager, auth.organisationId, id);
  }

  async discardDraft(auth: AuthContext): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.lockOrganisation(m, auth.organisationId);
      const draftId = await this.draftId(m, auth.organisationId);
      if (!draftId) throw noDraft();
      await m.delete(ValueSetVersionEntity, { id: draftId, organisationId: auth.organisationId });
    });
  }

  async checkDraft(auth: AuthContext): Promise<PublishCheck> {
    const draft = await this.draft(auth);
    return checkForPublish(draft, await this.currentBehaviourKeys(this.db.manager, auth.organisationId));
  }

  async diffDraft(auth: AuthContext): Promise<ValueDraftDiff> {
    const draft = await this.draft(auth);
    const currentId = await this.currentId(this.db.manager, auth.organisationId);
    const current = currentId
      ? { values: await this.content(this.db.manager, auth.organisationId, currentId) }
      : { values: [] };
    return { ...diffValueSets(current, draft), againstVersionId: currentId };
  }

  async publish(auth: AuthContext): Promise<ValueSetVersion> {
    const id = await this.db.transaction(async (m) => {
      await this.lockOrganisation(m, auth.organisationId);
      const draftId = await this.draftId(m, auth.organisationId);
      if (!draftId) throw noDraft();
      await this.publishDraft(m, auth.organisationId, draftId, auth.userId);
      return draftId;
    });
    return this.load(this.db.manager, auth.organisationId, id);
  }

  /** Publishes `content` as the next version in one go (demo data, first set-up); runs in the caller's transaction. */
  async publishContent(
    m: EntityManager,
    organisationId: string,
    userId: string,
    content: ValueSetContent,
  ): Promise<string> {
    await this.lockOrganisation(m, organisationId);
    const draftId = await this.insertDraft(m, { organisationId, userId });
    await this.replaceContent(m, organisationId, draftId, content);
    await this.publishDraft(m, organisationId, draftId, userId);
    return draftId;
  }

  /** A version as a portable template: no ids, and no continuity (that belongs to this organisation's history). */
  async export(auth: AuthContext, id: string): Promise<ValueSetTemplate> {
    const version = await this.version(auth, id);
    const [{ name: organisationName }] = await this.db.query('SELECT name FROM organisations WHERE id = $1', [
      auth.organisationId,
    ]);
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

  private async lockOrganisation(m: EntityManager, organisationId: string): Promise<void> {
    await m.query('SELECT 1 FROM organisations WHERE id = $1 FOR UPDATE', [organisationId]);
  }

  private async insertDraft(
    m: EntityManager,
    auth: Pick<AuthContext, 'organisationId' | 'userId'>,
  ): Promise<string> {
    const currentId = await this.currentId(m, auth.organisationId);
    const [{ next }] = await m.query(
      'SELECT coalesce(max(number), 0) + 1 AS next FROM value_set_versions WHERE organisation_id = $1',
      [auth.organisationId],
    );
    const draft = await m.save(
      ValueSetVersionEntity,
      m.create(ValueSetVersionEntity, {
        organisationId: auth.organisationId,
        number: next,
        status: 'draft',
        basedOnId: currentId,
        createdBy: auth.userId,
      }),
    );
    if (currentId) {
      // A target changed since publishing (value_targets) carries into the new version.
      const current = await withTargetsInForce(m, auth.organisationId, {
        values: await this.content(m, auth.organisationId, currentId),
      });
      const copy = draftFrom({ values: current.values });
      await this.insertContent(m, auth.organisationId, draft.id, copy);
    }
    return draft.id;
  }

  private async publishDraft(
    m: EntityManager,
    organisationId: string,
    draftId: string,
    userId: string,
  ): Promise<void> {
    const content = { values: await this.content(m, organisationId, draftId) };
    const check = checkForPublish(content, await this.currentBehaviourKeys(m, organisationId));
    if (!check.canPublish) throw ruleError('publish_refused', 'This draft cannot be published', check.errors);
    await m.update(
      ValueSetVersionEntity,
      { id: draftId, organisationId },
      { status: 'published', publishedAt: () => 'now()', publishedBy: userId },
    );
  }

  private async replaceContent(
    m: EntityManager,
    organisationId: string,
    draftId: string,
    content: ValueSetContent,
  ): Promise<void> {
    const errors = structuralErrors(content, await this.currentBehaviourKeys(m, organisationId));
    if (errors.length) throw ruleError('validation_failed', 'The value set is not consistent', errors);
    await m.delete(ExperienceValueEntity, { organisationId, versionId: draftId });
    await this.insertContent(m, organisationId, draftId, content);
    await m.update(ValueSetVersionEntity, { id: draftId, organisationId }, { updatedAt: () => 'now()' });
  }

  private async insertContent(
    m: EntityManager,
    organisationId: string,
    versionId: string,
    content: ValueSetContent,
  ): Promise<void> {
    if (!content.values.length) return;
    const scope = { organisationId, versionId };
    const inserted = await m.insert(
      ExperienceValueEntity,
      content.values.map((v, position) => ({
        ...scope,
        position,
        ...valueColumns(v),
      })),
    );
    const valueIds: string[] = inserted.identifiers.map((i) => i['id']);
    const loadings = content.values.flatMap((v, i) =>
      v.loadings.map((l, position) => ({
        ...scope,
        valueId: valueIds[i],
        position,
        area: l.area,
        textNl: l.textNl,
        textEn: l.textEn,
      })),
    );
    const behaviours = content.values.flatMap((v, i) =>
      v.behaviours.map((b, position) => ({
        ...scope,
        valueId: valueIds[i],
        position,
        key: b.key,
        continuesKey: b.continuesKey ?? null,
        textNl: b.textNl,
        textEn: b.textEn,
      })),
    );
    if (loadings.length) await m.insert(ValueLoadingEntity, loadings);
    if (behaviours.length) await m.insert(ValueBehaviourEntity, behaviours);
  }

  private async currentId(m: EntityManager, organisationId: string): Promise<string | null> {
    const current = await m.findOne(ValueSetVersionEntity, {
      select: { id: true },
      where: { organisationId, status: 'published' },
      order: { number: 'DESC' },
    });
    return current?.id ?? null;
  }

  private async draftId(m: EntityManager, organisationId: string): Promise<string | null> {
    const draft = await m.findOne(ValueSetVersionEntity, {
      select: { id: true },
      where: { organisationId, status: 'draft' },
    });
    return draft?.id ?? null;
  }

  private async currentBehaviourKeys(m: EntityManager, organisationId: string): Promise<string[]> {
    const currentId = await this.currentId(m, organisationId);
    if (!currentId) return [];
    const rows = await m.find(ValueBehaviourEntity, {
      select: { key: true },
      where: { organisationId, versionId: currentId },
    });
    return rows.map((r) => r.key);
  }

  private async load(m: EntityManager, organisationId: string, id: string): Promise<ValueSetVersion> {
    const [summary] = await this.summaries(m, organisationId, { id, withDraft: true });
    if (!summary) throw notFound('Value set version');
    return this.withContent(m, organisationId, summary);
  }

  private async withContent(
    m: EntityManager,
    organisationId: string,
    summary: ValueSetVersionSummary,
  ): Promise<ValueSetVersion> {
    return { ...summary, values: await this.content(m, organisationId, summary.id) };
  }

  /** The values of a version in order, each with its loadings and behaviours in order. */
  private async content(
    m: EntityManager,
    organisationId: string,
    versionId: string,
  ): Promise<ExperienceValue[]> {
    const where = { organisationId, versionId };
    // One after the other: inside a transaction they share one connection.
    const values = await m.find(ExperienceValueEntity, { where, order: { position: 'ASC' } });
    const loadings = await m.find(ValueLoadingEntity, { where, order: { position: 'ASC' } });
    const behaviours = await m.find(ValueBehaviourEntity, { where, order: { position: 'ASC' } });
    return values.map((v) => ({
      id: v.id,
      ...valueColumns(v),
      loadings: loadings
        .filter((l) => l.valueId === v.id)
        .map(({ area, textNl, textEn }) => ({ area, textNl, textEn })),
      behaviours: behaviours
        .filter((b) => b.valueId === v.id)
        .map(({ id, key, continuesKey, textNl, textEn }) => ({ id, key, continuesKey, textNl, textEn })),
    }));
  }

  private async summaries(
    m: EntityManager,
    organisationId: string,
    filter: { id?: string; withDraft: boolean },
  ): Promise<ValueSetVersionSummary[]> {
    const rows: SummaryRow[] = await m.query(
      `SELECT v.id, v.number, v.status, v.based_on_id AS "basedOnId",
              v.created_at AS "createdAt", v.published_at AS "publishedAt",
              cu.name AS "createdByName", pu.name AS "publishedByName",
              (SELECT count(*)::int FROM experience_values e WHERE e.version_id = v.id) AS "valueCount",
              (SELECT count(*)::int FROM value_behaviours b WHERE b.version_id = v.id) AS "behaviourCount",
              (v.id = (SELECT c.id FROM value_set_versions c
                        WHERE c.organisation_id = v.organisation_id AND c.status = 'published'
                        ORDER BY c.number DESC LIMIT 1)) IS TRUE AS "isCurrent"
         FROM value_set_versions v
         LEFT JOIN users cu ON cu.id = v.created_by AND cu.organisation_id = v.organisation_id
         LEFT JOIN users pu ON pu.id = v.published_by AND pu.organisation_id = v.organisation_id
        WHERE v.organisation_id = $1
          AND ($2::uuid IS NULL OR v.id = $2)
          AND ($3 OR v.status = 'published')
        ORDER BY v.number DESC`,
      [organisationId, filter.id ?? null, filter.withDraft],
    );
    return rows.map((r) => ({
      ...r,
      isCurrent: r.isCurrent === true,
      createdAt: r.createdAt.toISOString(),
      publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
    }));
  }
}
