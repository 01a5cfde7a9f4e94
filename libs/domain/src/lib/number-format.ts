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

/** A number with a fixed number of decimals in the reader's language. */
export function formatDecimal(value: number, digits: number, lang: string, signed = false): string {
  return new Intl.NumberFormat(numberLocale(lang), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  })
    .format(value)
    .replace('-', '−');
}

/** A number as its kind shows it, in the reader's language; gaps carry their sign ("+12", "−8"). */
export function formatNumber(value: number, kind: NumberKind, lang: string, signed = kind === 'gap'): string {
  if (kind === 'share')
    return new Intl.NumberFormat(numberLocale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(
      value,
    );
  return formatDecimal(value, DIGITS[kind], lang, signed);
}
