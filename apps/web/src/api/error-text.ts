import i18n from 'i18next';
import { API_RESOURCES, type ApiErrorBody, type FieldError } from '@wk/contracts';

/**
 * The reader's-language text of an api error body, from the one code → message map
 * (i18n/nl-errors.ts, en-errors.ts); undefined for a code the map does not know (an api newer
 * than this page), where the caller falls back.
 */
export function apiErrorText(body: ApiErrorBody): string | undefined {
  const { code, resource } = body;
  if (code === 'not_found' && resource && (API_RESOURCES as readonly string[]).includes(resource))
    return i18n.t('errorDetail.notFoundResource', { resource: i18n.t(`errorDetail.resources.${resource}`) });
  if (code === 'validation_failed') {
    const fields = [...new Set((body.errors ?? []).map((e) => e.field))];
    return fields.length
      ? i18n.t('errors.validation_failed', { fields: fields.join(', ') })
      : i18n.t('errorDetail.invalidInput');
  }
  return i18n.exists(`errors.${code}`) ? i18n.t(`errors.${code}`) : undefined;
}

/**
 * One field's problem in the reader's language: the failed rule (`constraint`, with its `args`)
 * in words; the api's own message only for a rule the map has no words for.
 */
export function fieldErrorText(error: FieldError): string {
  const key = `errorDetail.rules.${error.constraint}`;
  if (!error.constraint || !i18n.exists(key)) return error.message;
  const args = error.args ?? [];
  return i18n.t(key, { n: args[0], list: args.join(', ') });
}
