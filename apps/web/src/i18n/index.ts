import i18n, { startLanguages } from './language';
import { nl } from './nl';

// The dashboard's texts: all of Dutch now, all of English when chosen.
startLanguages(nl, () => import('./en').then((m) => m.en));

export { currentLanguage, setLanguage } from './language';
export default i18n;
