import type { ExperienceValue } from '@wk/contracts';
import {
  checkForPublish,
  localized as inLanguage,
  PYRAMID_LEVELS,
  VALUE_LIMITS,
  type PyramidLevel,
  type RuleCode,
  type ValueDraft,
} from '@wk/domain';

/** Which texts to show: the English ones when chosen and filled in, else the Dutch ones. */
export function localized(
  value: Pick<ValueDraft, 'nameNl' | 'nameEn' | 'descriptionNl' | 'descriptionEn'>,
  lang: string,
) {
  return {
    name: inLanguage(value.nameNl, value.nameEn, lang),
    description: inLanguage(value.descriptionNl, value.descriptionEn, lang),
  };
}

export const textIn = (pair: { textNl: string; textEn: string }, lang: string) =>
  inLanguage(pair.textNl, pair.textEn, lang);

/** The pyramid top to bottom, each level with its values in set order. */
export function pyramidRows<T extends { level: PyramidLevel }>(
  values: T[],
): { level: PyramidLevel; values: T[] }[] {
  return [...PYRAMID_LEVELS]
    .reverse()
    .map((level) => ({ level, values: values.filter((v) => v.level === level) }));
}

/** Values grouped by theme, in order of first appearance; values without a theme are left out. */
export function themeGroups<T extends { theme: string | null }>(
  values: T[],
): { theme: string; values: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const v of values) if (v.theme) groups.set(v.theme, [...(groups.get(v.theme) ?? []), v]);
  return [...groups].map(([theme, members]) => ({ theme, values: members }));
}

/** A copy of `list` with the item at `index` moved by `delta` places (unchanged at the edges). */
export function moveItem<T>(list: T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item);
  return copy;
}

/** The editable document of a stored version: the same content without row ids. */
export function toDraftContent(values: ExperienceValue[]): ValueDraft[] {
  return values.map(({ id: _id, behaviours, loadings, ...value }) => ({
    ...value,
    loadings: loadings.map((l) => ({ ...l })),
    behaviours: behaviours.map(({ id: _b, ...b }) => ({ ...b })),
  }));
}

/** The domain's publish rules plus what the api's validation refuses per field. */
export type ProblemCode = RuleCode | 'required' | 'tooLong';

export interface Problem {
  field: string;
  code: ProblemCode;
  max?: number;
  /** The domain's (English) sentence, shown when there is no translation. */
  message?: string;
  blocking: 'save' | 'publish' | 'none';
}

function textProblems(field: string, text: string, max: number, required: boolean): Problem[] {
  if (required && !text.trim()) return [{ field, code: 'required', blocking: 'save' }];
  if (text.length > max) return [{ field, code: 'tooLong', max, blocking: 'save' }];
  return [];
}

/**
 * Everything wrong with the document, keyed by field path as the api names it, so the editor can
 * show it at the input before the server is asked. `blocking` says what it stops.
 */
export function findProblems(values: ValueDraft[], publishedBehaviourKeys: string[]): Problem[] {
  const problems: Problem[] = [];
  values.forEach((v, i) => {
    const at = `values[${i}]`;
    problems.push(
      ...textProblems(`${at}.nameNl`, v.nameNl, VALUE_LIMITS.nameLength, true),
      ...textProblems(`${at}.nameEn`, v.nameEn, VALUE_LIMITS.nameLength, false),
      ...textProblems(`${at}.descriptionNl`, v.descriptionNl, VALUE_LIMITS.descriptionLength, false),
      ...textProblems(`${at}.descriptionEn`, v.descriptionEn, VALUE_LIMITS.descriptionLength, false),
      ...textProblems(`${at}.theme`, v.theme ?? '', VALUE_LIMITS.themeLength, false),
      ...textProblems(`${at}.questionNl`, v.questionNl ?? '', VALUE_LIMITS.questionLength, false),
      ...textProblems(`${at}.questionEn`, v.questionEn ?? '', VALUE_LIMITS.questionLength, false),
    );
    v.loadings.forEach((l, j) => {
      problems.push(
        ...textProblems(`${at}.loadings[${j}].textNl`, l.textNl, VALUE_LIMITS.loadingLength, true),
        ...textProblems(`${at}.loadings[${j}].textEn`, l.textEn, VALUE_LIMITS.loadingLength, false),
      );
    });
    v.behaviours.forEach((b, j) => {
      problems.push(
        ...textProblems(`${at}.behaviours[${j}].textNl`, b.textNl, VALUE_LIMITS.behaviourLength, true),
        ...textProblems(`${at}.behaviours[${j}].textEn`, b.textEn, VALUE_LIMITS.behaviourLength, false),
      );
    });
  });
  const check = checkForPublish({ values }, publishedBehaviourKeys);
  for (const rule of check.errors) {
    const onlyPublish = rule.code === 'no_values' || rule.code === 'no_behaviours';
    problems.push({
      field: rule.field,
      code: rule.code,
      message: rule.message,
      blocking: onlyPublish ? 'publish' : 'save',
    });
  }
  for (const rule of check.warnings) {
    problems.push({ field: rule.field, code: rule.code, message: rule.message, blocking: 'none' });
  }
  return problems;
}

/** The index of the value a field path belongs to (`values[2].behaviours[0].textNl` → 2). */
export function valueIndexOf(field: string): number | null {
  const match = /^values\[(\d+)\]/.exec(field);
  return match ? Number(match[1]) : null;
}
