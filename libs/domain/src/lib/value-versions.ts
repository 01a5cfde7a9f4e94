/**
 * How the versions of a values set relate: a new draft as a copy of the published version, which
 * behaviour of a new version continues which earlier one (so a reworded behaviour keeps one trend
 * line), and what a draft changes against the published version.
 */
import type { BehaviourDraft, ValueSetContent, ValueDraft } from './values';

/**
 * A new draft starts as a copy of the published version: every value and behaviour keeps its key,
 * and every behaviour continues itself, so trends stay comparable.
 */
export function draftFrom(published: ValueSetContent): ValueSetContent {
  return {
    values: published.values.map((value) => ({
      ...value,
      loadings: value.loadings.map((loading) => ({ ...loading })),
      behaviours: value.behaviours.map((behaviour) => ({ ...behaviour, continuesKey: behaviour.key })),
    })),
  };
}

/** Which earlier behaviour a behaviour of a new version carries on: itself when the key stayed, else what it says. */
export function continuedBehaviourKey(
  behaviour: Pick<BehaviourDraft, 'key' | 'continuesKey'>,
  previousBehaviourKeys: ReadonlySet<string>,
): string | null {
  if (previousBehaviourKeys.has(behaviour.key)) return behaviour.key;
  return behaviour.continuesKey && previousBehaviourKeys.has(behaviour.continuesKey)
    ? behaviour.continuesKey
    : null;
}

/**
 * Where each behaviour key of any published version lives on: the key of its continuation in the
 * newest version it reaches (following each version's `continuesKey`, or the same key), so a
 * reworded behaviour's trend is one line. A behaviour that stopped keeps its own key.
 * `versions` are oldest first.
 */
export function behaviourLineage(
  versions: readonly { behaviours: readonly Pick<BehaviourDraft, 'key' | 'continuesKey'>[] }[],
): Map<string, string> {
  const lineage = new Map<string, string>();
  let previous = new Set<string>();
  for (const version of versions) {
    const next = new Map<string, string>(); // earlier key -> its continuation here
    for (const behaviour of version.behaviours) {
      const continued = continuedBehaviourKey(behaviour, previous);
      if (continued) next.set(continued, behaviour.key);
      lineage.set(behaviour.key, behaviour.key);
    }
    // Every key that led to an earlier behaviour now leads to its continuation here.
    for (const [key, current] of lineage) {
      const moved = next.get(current);
      if (moved && previous.has(current)) lineage.set(key, moved);
    }
    previous = new Set(version.behaviours.map((b) => b.key));
  }
  return lineage;
}

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface BehaviourChange {
  kind: 'added' | 'removed' | 'reworded' | 'replaced';
  key: string;
  /** For `replaced`: the earlier behaviour it continues. */
  continuesKey?: string;
  before?: string;
  after?: string;
}

export interface ValueChange {
  kind: ChangeKind;
  key: string;
  name: string;
  /** Fields of the value itself that differ (names as in ValueDraft). */
  fields: string[];
  behaviours: BehaviourChange[];
  moved: boolean;
}

export interface ValueSetDiff {
  values: ValueChange[];
  unchanged: number;
}

const VALUE_FIELDS = [
  'nameNl',
  'nameEn',
  'descriptionNl',
  'descriptionEn',
  'level',
  'tier',
  'charge',
  'theme',
  'targetGrade',
  'questionNl',
  'questionEn',
] as const satisfies readonly (keyof ValueDraft)[];

/** What a draft changes against the published version, value by value, matched on stable keys. */
export function diffValueSets(before: ValueSetContent, after: ValueSetContent): ValueSetDiff {
  const old = new Map(before.values.map((v, i) => [v.key, { value: v, index: i }]));
  const seen = new Set<string>();
  const changes: ValueChange[] = [];
  let unchanged = 0;
  after.values.forEach((value, index) => {
    const prior = old.get(value.key);
    if (!prior) {
      changes.push({
        kind: 'added',
        key: value.key,
        name: value.nameNl,
        fields: [],
        moved: false,
        behaviours: value.behaviours.map((b) => ({ kind: 'added', key: b.key, after: b.textNl })),
      });
      return;
    }
    seen.add(value.key);
    const fields: string[] = VALUE_FIELDS.filter((f) => (prior.value[f] ?? null) !== (value[f] ?? null));
    if (JSON.stringify(prior.value.loadings) !== JSON.stringify(value.loadings)) fields.push('loadings');
    const behaviours = diffBehaviours(prior.value.behaviours, value.behaviours);
    const moved = prior.index !== index;
    if (fields.length || behaviours.length || moved) {
      changes.push({ kind: 'changed', key: value.key, name: value.nameNl, fields, behaviours, moved });
    } else unchanged++;
  });
  for (const { value } of old.values()) {
    if (seen.has(value.key)) continue;
    changes.push({
      kind: 'removed',
      key: value.key,
      name: value.nameNl,
      fields: [],
      moved: false,
      behaviours: value.behaviours.map((b) => ({ kind: 'removed', key: b.key, before: b.textNl })),
    });
  }
  return { values: changes, unchanged };
}

function diffBehaviours(before: BehaviourDraft[], after: BehaviourDraft[]): BehaviourChange[] {
  const old = new Map(before.map((b) => [b.key, b]));
  const continued = new Set<string>();
  const changes: BehaviourChange[] = [];
  for (const b of after) {
    const prior = old.get(b.key);
    if (prior) {
      continued.add(b.key);
      if (prior.textNl !== b.textNl || prior.textEn !== b.textEn) {
        changes.push({ kind: 'reworded', key: b.key, before: prior.textNl, after: b.textNl });
      }
    } else if (b.continuesKey && old.has(b.continuesKey)) {
      continued.add(b.continuesKey);
      changes.push({
        kind: 'replaced',
        key: b.key,
        continuesKey: b.continuesKey,
        before: old.get(b.continuesKey)!.textNl,
        after: b.textNl,
      });
    } else {
      changes.push({ kind: 'added', key: b.key, after: b.textNl });
    }
  }
  for (const b of before) {
    if (!continued.has(b.key)) changes.push({ kind: 'removed', key: b.key, before: b.textNl });
  }
  return changes;
}
