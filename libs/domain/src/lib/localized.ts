/**
 * The one NL/EN fallback: the English text when the reader chose English and it is filled in,
 * else the Dutch text (Dutch is always complete; English is optional per text).
 * `language` accepts any string (e.g. i18next's `i18n.language`); only 'en' picks English.
 */
export function localized(
  nl: string,
  en: string | null | undefined,
  language: string | null | undefined,
): string;
export function localized(
  nl: string | null | undefined,
  en: string | null | undefined,
  language: string | null | undefined,
): string | null | undefined;
export function localized(
  nl: string | null | undefined,
  en: string | null | undefined,
  language: string | null | undefined,
): string | null | undefined {
  return (language === 'en' && en) || nl;
}
