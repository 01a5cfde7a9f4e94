import type { ApiErrorBody } from '@wk/contracts';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { formErrorsFromApi, setApiErrors, showApiErrorsIn } from './api-form';

const validation = (errors: ApiErrorBody['errors']) =>
  new ApiError(400, {
    statusCode: 400,
    error: 'Bad Request',
    code: 'validation_failed',
    message: 'Validation failed',
    errors,
  });

describe('formErrorsFromApi', () => {
  it('keeps plain field names and puts a list item error on the list field (first message wins)', () => {
    expect(
      formErrorsFromApi({
        name: 'Vul dit veld in.',
        'reminderDays[1]': 'Minstens 1.',
        'reminderDays[3]': 'x',
      }),
    ).toEqual({ name: 'Vul dit veld in.', reminderDays: 'Minstens 1.' });
  });

  it('maps api fields onto form fields of another name', () => {
    expect(
      formErrorsFromApi(
        { 'admin.email': 'Geen e-mail.', userIds: 'Onbekend.' },
        {
          'admin.email': 'adminEmail',
          userIds: 'managerIds',
        },
      ),
    ).toEqual({ adminEmail: 'Geen e-mail.', managerIds: 'Onbekend.' });
  });
});

describe('setApiErrors', () => {
  it('sets the field errors of a 400 on the form, in the reader’s language', () => {
    const form = { setErrors: vi.fn() };
    const shown = setApiErrors(
      form,
      validation([{ field: 'name', message: 'name should not be empty', constraint: 'isNotEmpty' }]),
    );
    expect(shown).toBe(true);
    expect(form.setErrors).toHaveBeenCalledWith({ name: 'Vul dit veld in.' });
  });

  it('leaves the form alone for an error without fields, so the form shows it on its own', () => {
    const form = { setErrors: vi.fn() };
    expect(setApiErrors(form, validation([]))).toBe(false);
    expect(
      setApiErrors(
        form,
        new ApiError(409, { statusCode: 409, error: 'Conflict', code: 'conflict', message: 'x' }),
      ),
    ).toBe(false);
    expect(setApiErrors(form, new Error('network'))).toBe(false);
    expect(form.setErrors).not.toHaveBeenCalled();
  });

  it('works as a mutation onError callback with a rename', () => {
    const form = { setErrors: vi.fn() };
    showApiErrorsIn(form, { userIds: 'managerIds' })(
      validation([{ field: 'userIds[0]', message: 'bad id', constraint: 'isUUID' }]),
    );
    expect(form.setErrors).toHaveBeenCalledWith({ managerIds: 'Dit is geen geldige verwijzing.' });
  });
});
