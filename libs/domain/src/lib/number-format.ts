/**
 * The one number formatter of the dashboard and the board report PDF: Intl.NumberFormat in the
 * reader's language ("6,1" in Dutch, "6.1" in English), a real minus sign, gaps signed. Every
 * rendered number goes through here (CSV files keep plain numbers: see the web's table-model).
 */

/** How a number is read: grade 1-10, self score 1-4, index 0-100, signed gap, share 0-1, count. */
export type NumberKind = 'text' | 'grade' | 'self' | 'index' | 'gap' | 'share' | 'count';

const DIGITS: Record<NumberKind, number> = {
  text: 0,
  grade: 1,
  self: 2,
  index: 0,
  gap: 0,
  share: 0,
  count: 0,
};

export const numberLocale = (lang: string) => (lang === 'en' ? 'en-GB' : 'nl-NL');

// Making an Intl.NumberFormat costs far more than formatting with one, and a dashboard page formats
// hundreds of numbers in a handful of styles: one formatter per style, made on first use.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(lang: string, style: 'decimal' | 'percent', digits: number, signed: boolean) {
  const key = `${numberLocale(lang)}|${style}|${digits}|${signed}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.NumberFormat(
      numberLocale(lang),
      style === 'percent'
        ? { style: 'percent', maximumFractionDigits: 0 }
        : {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
            signDisplay: signed ? 'exceptZero' : 'auto',
          },
    );
    formatters.set(key, made);
  }
  return made;
}

/** A number with a fixed number of decimals in the reader's language. */
export function formatDecimal(value: number, digits: number, lang: string, signed = false): string {
  return formatter(lang, 'decimal', digits, signed).format(value).replace('-', '−');
}

/** A number as its kind shows it, in the reader's language; gaps carry their sign ("+12", "−8"). */
export function formatNumber(value: number, kind: NumberKind, lang: string, signed = kind === 'gap'): string {
  if (kind === 'share') return formatter(lang, 'percent', 0, false).format(value);
  return formatDecimal(value, DIGITS[kind], lang, signed);
}
