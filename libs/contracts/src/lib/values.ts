import type { ValueDraft, ValueSetContent, ValueSetDiff } from '@wk/domain';

export type ValueVersionStatus = 'draft' | 'published';

/** A value as stored in a version: the editable content plus its row id (answers point at ids). */
export interface ExperienceValue extends Omit<ValueDraft, 'behaviours'> {
  id: string;
  behaviours: (ValueDraft['behaviours'][number] & { id: string })[];
}

export interface ValueSetVersionSummary {
  id: string;
  number: number;
  status: ValueVersionStatus;
  /** The published version everyone reads; at most one per organisation. */
  isCurrent: boolean;
  valueCount: number;
  behaviourCount: number;
  createdAt: string;
  createdByName: string | null;
  publishedAt: string | null;
  publishedByName: string | null;
  /** The version a draft was started from. */
  basedOnId: string | null;
}

export interface ValueSetVersion extends ValueSetVersionSummary {
  values: ExperienceValue[];
}

export type ValueDraftDiff = ValueSetDiff & { againstVersionId: string | null };

/** A value set as a portable JSON template (no ids, no organisation). */
export interface ValueSetTemplate extends ValueSetContent {
  format: typeof VALUE_TEMPLATE_FORMAT;
  name: string;
  description: string;
}

export const VALUE_TEMPLATE_FORMAT = 'waardenkompas.values/1';

export interface ValueTemplateSummary {
  key: string;
  name: string;
  description: string;
  valueCount: number;
}
