import type { SelfAssessmentForm } from '@wk/contracts';

/** How many behaviours are answered (a level or n.v.t.), overall and per value. */
export function progressOf(form: Pick<SelfAssessmentForm, 'values' | 'answers'>) {
  const answered = (ids: string[]) => ids.filter((id) => id in form.answers).length;
  const perValue = form.values.map((v) => {
    const ids = v.behaviours.map((b) => b.id);
    return { valueId: v.id, answered: answered(ids), total: ids.length };
  });
  const total = perValue.reduce((sum, v) => sum + v.total, 0);
  const done = perValue.reduce((sum, v) => sum + v.answered, 0);
  return { perValue, done, total, complete: total > 0 && done === total };
}

/** The step to open: the first value with an unanswered behaviour, else the last one. */
export function firstOpenStep(form: Pick<SelfAssessmentForm, 'values' | 'answers'>): number {
  const index = progressOf(form).perValue.findIndex((v) => v.answered < v.total);
  return index === -1 ? Math.max(0, form.values.length - 1) : index;
}

/** Radio values: "1".."4", or "na" for n.v.t. */
export const toRadio = (level: number | null | undefined) =>
  level === undefined ? null : level === null ? 'na' : String(level);
export const fromRadio = (value: string) => (value === 'na' ? null : (Number(value) as 1 | 2 | 3 | 4));
