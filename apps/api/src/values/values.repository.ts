import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ValueDraft, ValueSetContent } from '@wk/domain';
import type { ExperienceValue, ValueSetVersion, ValueSetVersionSummary } from '@wk/contracts';
import { OrganisationRepository } from '../common/organisation-repository';
import { targetsNow } from '../value-targets/targets-in-force';
import {
  ExperienceValueEntity,
  ValueBehaviourEntity,
  ValueLoadingEntity,
  ValueSetVersionEntity,
} from './value.entities';

/** A version as listed, before its dates become ISO strings. */
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

type ValueFields = Omit<ValueDraft, 'loadings' | 'behaviours'>;

/** The own fields of a value, picked one by one: content read from a version also carries row ids. */
function valueColumns(v: ValueFields): ValueFields {
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

const toSummary = (r: SummaryRow): ValueSetVersionSummary => ({
  ...r,
  isCurrent: r.isCurrent === true,
  createdAt: r.createdAt.toISOString(),
  publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
});

/**
 * Value set versions with their values, loadings and behaviours (value_set_versions,
 * experience_values, value_loadings, value_behaviours). Every statement names the organisation;
 * `m` is the caller's transaction, or the data source's manager outside one.
 */
@Injectable()
export class ValuesRepository extends OrganisationRepository {
  get manager(): EntityManager {
    return this.db.manager;
  }

  /** Serialises writes to one organisation's values, so numbering and "one draft" hold. */
  async lockOrganisation(m: EntityManager, organisationId: string): Promise<void> {
    await this.scope(organisationId, m).rows('SELECT 1 FROM organisations WHERE id = $1 FOR UPDATE');
  }

  async organisationName(organisationId: string): Promise<string> {
    const row = await this.scope(organisationId).one<{ name: string }>(
      'SELECT name FROM organisations WHERE id = $1',
    );
    return row!.name;
  }

  async nextNumber(m: EntityManager, organisationId: string): Promise<number> {
    const row = await this.scope(organisationId, m).one<{ next: number }>(
      'SELECT coalesce(max(number), 0) + 1 AS next FROM value_set_versions WHERE organisation_id = $1',
    );
    return row!.next;
  }

  async insertDraft(
    m: EntityManager,
    organisationId: string,
    draft: { number: number; basedOnId: string | null; createdBy: string },
  ): Promise<string> {
    const saved = await m.save(
      ValueSetVersionEntity,
      m.create(ValueSetVersionEntity, { organisationId, status: 'draft', ...draft }),
    );
    return saved.id;
  }

  async markPublished(m: EntityManager, organisationId: string, id: string, userId: string): Promise<void> {
    await m.update(
      ValueSetVersionEntity,
      { id, organisationId },
      { status: 'published', publishedAt: () => 'now()', publishedBy: userId },
    );
  }

  async deleteVersion(m: EntityManager, organisationId: string, id: string): Promise<void> {
    await m.delete(ValueSetVersionEntity, { id, organisationId });
  }

  /** Replaces the version's values (their loadings and behaviours go with them) and marks it updated. */
  async replaceContent(
    m: EntityManager,
    organisationId: string,
    versionId: string,
    content: ValueSetContent,
  ) {
    await m.delete(ExperienceValueEntity, { organisationId, versionId });
    await this.insertContent(m, organisationId, versionId, content);
    await m.update(ValueSetVersionEntity, { id: versionId, organisationId }, { updatedAt: () => 'now()' });
  }

  /** The values in order, each with its loadings and behaviours in order. */
  async insertContent(m: EntityManager, organisationId: string, versionId: string, content: ValueSetContent) {
    if (!content.values.length) return;
    const scope = { organisationId, versionId };
    const inserted = await m.insert(
      ExperienceValueEntity,
      content.values.map((v, position) => ({ ...scope, position, ...valueColumns(v) })),
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

  /** The newest published version, or null. */
  async currentId(m: EntityManager, organisationId: string): Promise<string | null> {
    const current = await m.findOne(ValueSetVersionEntity, {
      select: { id: true },
      where: { organisationId, status: 'published' },
      order: { number: 'DESC' },
    });
    return current?.id ?? null;
  }

  async draftId(m: EntityManager, organisationId: string): Promise<string | null> {
    const draft = await m.findOne(ValueSetVersionEntity, {
      select: { id: true },
      where: { organisationId, status: 'draft' },
    });
    return draft?.id ?? null;
  }

  async currentBehaviourKeys(m: EntityManager, organisationId: string): Promise<string[]> {
    const currentId = await this.currentId(m, organisationId);
    if (!currentId) return [];
    const rows = await m.find(ValueBehaviourEntity, {
      select: { key: true },
      where: { organisationId, versionId: currentId },
    });
    return rows.map((r) => r.key);
  }

  /** The version with its content (drafts included), or undefined. */
  async version(m: EntityManager, organisationId: string, id: string): Promise<ValueSetVersion | undefined> {
    const [summary] = await this.summaries(m, organisationId, { id, withDraft: true });
    return summary && this.withContent(m, organisationId, summary);
  }

  async withContent(
    m: EntityManager,
    organisationId: string,
    summary: ValueSetVersionSummary,
  ): Promise<ValueSetVersion> {
    return { ...summary, values: await this.content(m, organisationId, summary.id) };
  }

  /** The values of a version in order, each with its loadings and behaviours in order. */
  async content(m: EntityManager, organisationId: string, versionId: string): Promise<ExperienceValue[]> {
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

  /** Each value with the target in force now (a target changes without republishing). */
  async withTargetsInForce<T extends { values: ExperienceValue[] }>(
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

  /** Versions newest first (or the one with `id`); drafts only `withDraft`. */
  async summaries(
    m: EntityManager,
    organisationId: string,
    filter: { id?: string; withDraft: boolean },
  ): Promise<ValueSetVersionSummary[]> {
    const rows = await this.scope(organisationId, m).rows<SummaryRow>(
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
      [filter.id ?? null, filter.withDraft],
    );
    return rows.map(toSummary);
  }
}
