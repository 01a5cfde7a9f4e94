import i18n, { startLanguages } from './language';
import { frameNl } from './nl-public';

// A public page's texts only (see nl-public.ts): the frame now, the page's own part from its entry
// (addPageTexts) before it renders; English, all public pages' texts, loads when chosen.
startLanguages(frameNl, () => import('./en-public').then((m) => m.publicEn));

/** The Dutch texts of the page this entry shows. */
export function addPageTexts(texts: object): void {
  i18n.addResourceBundle('nl', 'translation', texts, true, false);
}

export default i18n;
