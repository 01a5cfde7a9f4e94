import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** The part of a @mantine/form form that receives the api's field errors. */
export interface FormWithErrors {
  setErrors: (errors: Record<string, ReactNode>) => void;
}

/**
 * The api's field errors keyed by the form's own field names: a list item's error
 * (`reminderDays[2]`, `allowedDomains[0]`) belongs to the list's field, and `rename` maps an api
 * field onto a form field of another name (`admin.email` → `adminEmail`). The first message per
 * form field wins.
 */
export function formErrorsFromApi(
  apiErrors: Record<string, string>,
  rename: Record<string, string> = {},
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(apiErrors)) {
    const list = field.replace(/\[\d+\].*$/, '');
    const name = rename[field] ?? rename[list] ?? list;
    if (!(name in errors)) errors[name] = message;
  }
  return errors;
}

/**
 * Shows a failed save's field errors under the form's fields (every form does it this way);
 * true when there were any, false when the error has no field to show at (the form shows it on
 * its own, e.g. with FormDialog's `save` or `saveErrors(save).other`).
 */
export function setApiErrors(form: FormWithErrors, error: unknown, rename?: Record<string, string>): boolean {
  if (!(error instanceof ApiError)) return false;
  const errors = formErrorsFromApi(error.fieldErrors(), rename);
  if (Object.keys(errors).length === 0) return false;
  form.setErrors(errors);
  return true;
}

/** `onError` for a save's `mutate`: the api's field errors go under the form's fields. */
export const showApiErrorsIn =
  (form: FormWithErrors, rename?: Record<string, string>) =>
  (error: unknown): void => {
    setApiErrors(form, error, rename);
  };

/**
 * Client-side checks for @mantine/form's `validate`, in the same words as the api's own
 * (errorDetail.rules), so a field says the same whether the browser or the api caught it.
 */
export function useFormRules() {
  const { t } = useTranslation();
  return {
    required: (value: string) => (value.trim() ? null : t('errorDetail.rules.isNotEmpty')),
    someChosen: (value: readonly unknown[]) => (value.length ? null : t('errorDetail.rules.arrayNotEmpty')),
  };
}
