import type { RecognitionForm, RecognitionLinkError, SubmitRecognitionRequest } from '@wk/contracts';
import type { Locale } from '@wk/domain';
import { ApiError } from '../../api/client';

/** The page's language: `?lang=` from the link when it is nl or en, else the browser's (en* → en, else nl). */
export function chooseLocale(
  param: string | null | undefined,
  browserLanguage: string | null | undefined,
): Locale {
  const asked = param?.trim().toLowerCase();
  if (asked === 'nl' || asked === 'en') return asked;
  return browserLanguage?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/**
 * Why the page cannot show the questions: the link's own problems, too many requests, today's
 * answers from this network through an open link used up, or anything else.
 */
export type LinkProblem = RecognitionLinkError | 'too_many' | 'response_limit' | 'failed';

export function linkProblemOf(error: unknown): LinkProblem {
  if (error instanceof ApiError) {
    const code = error.body?.code;
    if (code === 'link_not_found' || error.status === 404) return 'link_not_found';
    if (code === 'already_answered' || error.status === 409) return 'already_answered';
    if (code === 'link_expired' || error.status === 410) return 'link_expired';
    if (code === 'too_many_responses') return 'response_limit';
    if (error.status === 429) return 'too_many';
  }
  return 'failed';
}

/** Problems that end the visit (a friendly page instead of the form), as opposed to "try again". */
export const isFinal = (problem: LinkProblem) =>
  problem === 'link_not_found' ||
  problem === 'already_answered' ||
  problem === 'link_expired' ||
  problem === 'response_limit';

/** Radio values: "1".."10" (or "0".."10" for NPS), and "dont-know" for "weet ik niet" (null). */
export const DONT_KNOW = 'dont-know';
export const toRadio = (grade: number | null | undefined): string | null =>
  grade === undefined ? null : grade === null ? DONT_KNOW : String(grade);
export const fromRadio = (value: string): number | null => (value === DONT_KNOW ? null : Number(value));

/** The whole numbers from `min` to `max` as radio options. */
export const scale = (min: number, max: number) =>
  Array.from({ length: max - min + 1 }, (_, i) => String(min + i));

export interface RecognitionAnswers {
  /** Per value id: a grade, or null for "weet ik niet"; a missing id is not answered yet. */
  grades: Record<string, number | null>;
  overallGrade: number | null;
  nps: number | null;
  comment: string;
}

/** Values without a grade and without "weet ik niet", in form order. */
export function unansweredValues(
  form: Pick<RecognitionForm, 'values'>,
  grades: RecognitionAnswers['grades'],
) {
  return form.values.filter((v) => !(v.id in grades)).map((v) => v.id);
}

/** The body to post: a grade (or null) per value in form order, and only the extra questions asked. */
export function toSubmitRequest(
  form: Pick<RecognitionForm, 'values' | 'askOverallGrade' | 'askNps' | 'askComment'>,
  answers: RecognitionAnswers,
  locale: Locale,
): SubmitRecognitionRequest {
  const request: SubmitRecognitionRequest = {
    grades: form.values.map((v) => ({ valueId: v.id, grade: answers.grades[v.id] ?? null })),
    locale,
  };
  if (form.askOverallGrade) request.overallGrade = answers.overallGrade;
  if (form.askNps) request.nps = answers.nps;
  const comment = answers.comment.trim();
  if (form.askComment && comment) request.comment = comment;
  return request;
}

/**
 * The api's field errors per question: `grades[i]…` belongs to the i-th value (keyed by its id),
 * `overallGrade`, `nps` and `comment` to their own question; anything else goes to `form`.
 */
export function questionErrors(
  fieldErrors: Record<string, string>,
  form: Pick<RecognitionForm, 'values'>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    const grade = /^grades(?:\[(\d+)\]|\.(\d+))/.exec(field);
    const value = grade ? form.values[Number(grade[1] ?? grade[2])] : undefined;
    const root = field.split(/[.[]/)[0];
    const key = value ? value.id : ['overallGrade', 'nps', 'comment'].includes(root) ? root : 'form';
    out[key] ??= message;
  }
  return out;
}
