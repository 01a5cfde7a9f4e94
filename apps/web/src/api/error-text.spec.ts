import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { API_ERROR_CODES, API_RESOURCES, type ApiErrorBody } from '@wk/contracts';
import { nl } from '../i18n/nl';
import { en } from '../i18n/en';
import { apiErrorText, fieldErrorText } from './error-text';
import { ApiError } from './client';

const body = (over: Partial<ApiErrorBody>): ApiErrorBody => ({
  statusCode: 400,
  error: 'Bad Request',
  code: 'bad_request',
  message: 'English from the api',
  ...over,
});

describe('the error message map', () => {
  afterEach(() => i18n.changeLanguage('nl'));

  it('has a Dutch and an English message for every api error code and 404 resource', () => {
    for (const code of API_ERROR_CODES) {
      expect(nl.errors[code], code).toMatch(/\S/);
      expect(en.errors[code], code).toMatch(/\S/);
    }
    for (const resource of API_RESOURCES) {
      expect(nl.errorDetail.resources[resource], resource).toMatch(/\S/);
      expect(en.errorDetail.resources[resource], resource).toMatch(/\S/);
    }
  });

  it("says a known code in the reader's language, never the api's English", async () => {
    const conflict = body({ statusCode: 409, code: 'draft_exists', message: 'A draft already exists' });
    expect(apiErrorText(conflict)).toBe(nl.errors.draft_exists);
    await i18n.changeLanguage('en');
    expect(apiErrorText(conflict)).toBe(en.errors.draft_exists);
  });

  it('names what was not found: "Team not found" reads "Team niet gevonden."', async () => {
    const notFound = body({
      statusCode: 404,
      code: 'not_found',
      message: 'Team not found',
      resource: 'Team',
    });
    expect(apiErrorText(notFound)).toBe('Team niet gevonden.');
    expect(apiErrorText(body({ code: 'not_found', resource: 'Journey' }))).toBe('Klantreis niet gevonden.');
    await i18n.changeLanguage('en');
    expect(apiErrorText(notFound)).toBe('Team not found.');
  });

  it('lists the fields of a refused form', () => {
    const refused = body({
      code: 'validation_failed',
      errors: [
        { field: 'name', message: 'name must be shorter', constraint: 'maxLength', args: [80] },
        { field: 'name', message: 'name must be a string', constraint: 'isString' },
        { field: 'email', message: 'email must be an email', constraint: 'isEmail' },
      ],
    });
    expect(apiErrorText(refused)).toBe('Niet alles is goed ingevuld. Controleer: name, email.');
  });

  it('leaves a code it does not know to the caller (an api newer than the page)', () => {
    expect(apiErrorText(body({ code: 'brand_new' as ApiErrorBody['code'] }))).toBeUndefined();
  });
});

describe('field messages', () => {
  afterEach(() => i18n.changeLanguage('nl'));

  it('say the failed rule with its argument in Dutch, and in English when chosen', async () => {
    const tooLong = {
      field: 'name',
      message: 'name must be shorter than or equal to 80 characters',
      constraint: 'maxLength',
      args: [80],
    };
    expect(fieldErrorText(tooLong)).toBe('Maximaal 80 tekens.');
    expect(fieldErrorText({ field: 'email', message: 'email must be an email', constraint: 'isEmail' })).toBe(
      'Vul een geldig e-mailadres in.',
    );
    expect(fieldErrorText({ field: 'level', message: '…', constraint: 'isIn', args: ['a', 'b'] })).toBe(
      'Kies een van: a, b.',
    );
    await i18n.changeLanguage('en');
    expect(fieldErrorText(tooLong)).toBe('At most 80 characters.');
  });

  it("fall back to the api's message for a rule without words", () => {
    expect(fieldErrorText({ field: 'send', message: 'must be true or false' })).toBe('must be true or false');
    expect(fieldErrorText({ field: 'x', message: 'own rule', constraint: 'someCustomRule' })).toBe(
      'own rule',
    );
  });

  it('reach forms through ApiError.fieldErrors()', () => {
    const error = new ApiError(
      400,
      body({
        code: 'validation_failed',
        errors: [
          {
            field: 'targetGrade',
            message: 'targetGrade must not be greater than 10',
            constraint: 'max',
            args: [10],
          },
        ],
      }),
    );
    expect(error.fieldErrors()).toEqual({ targetGrade: 'Hoogstens 10.' });
  });
});
