import i18next, { type Resource, type TFunction } from 'i18next';
import type { Locale } from '@wk/domain';

/**
 * A mail's texts per locale, NL the fallback. Interpolation does not escape: the texts are plain,
 * and `mailHtml` escapes them once when it builds the HTML part.
 */
export function mailTexts(resources: Resource): (locale: Locale) => TFunction {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources,
    fallbackLng: 'nl',
    defaultNS: 'mail',
    ns: ['mail'],
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return (locale) => i18n.getFixedT(locale);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The HTML part of a plain-text mail: a paragraph each, line breaks kept, the link (if any) clickable with its label. */
export function mailHtml(paragraphs: string[], link?: { url: string; label: string }): string {
  return paragraphs
    .map((p) => {
      const html = link
        ? escapeHtml(p).replace(
            escapeHtml(link.url),
            `<a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a>`,
          )
        : escapeHtml(p);
      return `<p>${html.replace(/\n/g, '<br>')}</p>`;
    })
    .join('\n');
}
