import { describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '@wk/contracts';
import { ApiError } from '../../api/client';
import {
  chooseLocale,
  fromRadio,
  isFinal,
  linkProblemOf,
  questionErrors,
  scale,
  toRadio,
  toSubmitRequest,
  unansweredValues,
} from './recognition-model';

const value = (id: string) => ({ id, name: id, description: '', question: `${id}?` });
const form = {
  values: [value('a'), value('b'), value('c')],
  askOverallGrade: false,
  askNps: false,
  askComment: false,
};
const apiError = (status: number, code: ApiErrorBody['code']) =>
  new ApiError(status, { statusCode: status, error: '', code, message: '' });

describe('language of the answer page', () => {
  it('takes ?lang= when it is nl or en, whatever the browser says', () => {
    expect(chooseLocale('en', 'nl-NL')).toBe('en');
    expect(chooseLocale('NL', 'en-GB')).toBe('nl');
  });
  it('falls back to the browser: en* is English, anything else Dutch', () => {
    expect(chooseLocale(null, 'en-US')).toBe('en');
    expect(chooseLocale('de', 'EN')).toBe('en');
    expect(chooseLocale(undefined, 'fr-FR')).toBe('nl');
    expect(chooseLocale('', undefined)).toBe('nl');
  });
});

describe('link problems', () => {
  it('names the friendly pages by code or status', () => {
    expect(linkProblemOf(apiError(404, 'link_not_found'))).toBe('link_not_found');
    expect(linkProblemOf(apiError(409, 'already_answered'))).toBe('already_answered');
    expect(linkProblemOf(apiError(410, 'link_expired'))).toBe('link_expired');
    expect(linkProblemOf(apiError(429, 'too_many_requests'))).toBe('too_many');
    expect(linkProblemOf(apiError(429, 'too_many_responses'))).toBe('response_limit');
    expect(linkProblemOf(apiError(500, 'internal_error'))).toBe('failed');
    expect(linkProblemOf(new Error('boom'))).toBe('failed');
  });
  it('ends the visit only for the link problems', () => {
    expect(
      ['link_not_found', 'already_answered', 'link_expired', 'response_limit'].every((p) =>
        isFinal(p as never),
      ),
    ).toBe(true);
    expect(isFinal('too_many') || isFinal('failed')).toBe(false);
  });
});

describe('answers', () => {
  it('maps grades and "weet ik niet" to radio values and back', () => {
    expect([toRadio(undefined), toRadio(null), toRadio(7)]).toEqual([null, 'dont-know', '7']);
    expect([fromRadio('dont-know'), fromRadio('10'), fromRadio('0')]).toEqual([null, 10, 0]);
    expect(scale(1, 10)).toHaveLength(10);
    expect(scale(0, 10)[0]).toBe('0');
  });

  it('counts "weet ik niet" as answered', () => {
    expect(unansweredValues(form, { a: 8, b: null })).toEqual(['c']);
    expect(unansweredValues(form, {})).toEqual(['a', 'b', 'c']);
  });

  it('posts every value in form order and only the extra questions that were asked', () => {
    const answers = { grades: { b: 6, a: null, c: 9 }, overallGrade: 7, nps: 9, comment: '  Prima  ' };
    expect(toSubmitRequest(form, answers, 'nl')).toEqual({
      grades: [
        { valueId: 'a', grade: null },
        { valueId: 'b', grade: 6 },
        { valueId: 'c', grade: 9 },
      ],
      locale: 'nl',
    });
    const all = { ...form, askOverallGrade: true, askNps: true, askComment: true };
    expect(toSubmitRequest(all, answers, 'en')).toMatchObject({
      overallGrade: 7,
      nps: 9,
      comment: 'Prima',
      locale: 'en',
    });
    expect(toSubmitRequest(all, { ...answers, comment: '   ' }, 'nl')).not.toHaveProperty('comment');
  });
});

describe('field errors per question', () => {
  it('puts grades[i] at the i-th value and the rest at their question or the form', () => {
    expect(
      questionErrors(
        {
          'grades[1].grade': 'Kies 1 tot 10',
          'grades.2': 'Ontbreekt',
          nps: 'Kies 0 tot 10',
          comment: 'Te lang',
          grades: 'Niet alle waarden',
          'grades[7].grade': 'Onbekend',
        },
        form,
      ),
    ).toEqual({
      b: 'Kies 1 tot 10',
      c: 'Ontbreekt',
      nps: 'Kies 0 tot 10',
      comment: 'Te lang',
      form: 'Niet alle waarden',
    });
  });
});
