import { execFileSync } from 'node:child_process';
import fc from 'fast-check';

/**
 * Letters of the names and texts the PDFs must draw as written (unit and integration specs): Polish,
 * Turkish, Czech, Romanian, Hungarian, Latvian, Nordic and plain Latin (with "f", "i", "l" for the
 * font's ligatures), Greek with its accents and final sigma, Russian, Ukrainian and Serbian Cyrillic.
 */
export const SCRIPT_LETTERS = {
  latin:
    'ĄąĆćĘęŁłŃńÓóŚśŹźŻż' +
    'ÇçĞğİıÖöŞşÜü' +
    'ČčĎďĚěŇňŘřŠšŤťŮůŽž' +
    'ĂăÂâÎîȘșȚț' +
    'ŐőŰűĀāĒēĪīŪūĶķĻļŅņ' +
    'ßÆæØøÅåÐðÞþŒœ' +
    'abcdefiklnorstvwxyz',
  greek: 'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς',
  cyrillic: 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяІіЇїЄєҐґЎўЈјЉљЊњЋћЂђЏџ',
};

/** One word of 1 to `maxLength` letters of one script. */
export const scriptWord = (maxLength = 10): fc.Arbitrary<string> =>
  fc
    .constantFrom(...Object.values(SCRIPT_LETTERS))
    .chain((letters) => fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength }));

/** A name or short text: 1 to `words` words, each of its own script, one space apart ("Şükrü Ağaoğlu", "Юлия Żółć"). */
export const scriptText = (words = 3, maxLength = 10): fc.Arbitrary<string> =>
  fc.array(scriptWord(maxLength), { minLength: 1, maxLength: words }).map((w) => w.join(' '));

/**
 * Any text a user could type or paste: the letters above mixed with any code point (emoji, CJK,
 * Arabic, combining marks), lone surrogates, control characters and line ends. The fonts cannot draw
 * all of it; the PDF must still be whole.
 */
export const anyText = (maxLength = 40): fc.Arbitrary<string> =>
  fc.string({
    unit: fc.oneof(
      fc.constantFrom(...Object.values(SCRIPT_LETTERS).join('')),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('\u0000', '\u0007', '\t', '\n', '\r\n', '\u0085', '\u200b', '\u0301', '😀', '中'),
    ),
    maxLength,
  });

/** The letters of every script at once: the most glyphs a PDF embeds for names (the size bound's case). */
export const ALL_LETTERS = Object.values(SCRIPT_LETTERS).join('');

/**
 * A PDF as a reader's tools see it: poppler's pdftotext (`apt-get install poppler-utils`; .ci/run
 * installs it). `pages` counts pdftotext's form feeds (one per page); `text` has single spaces.
 * `raw`: in drawing order (`pdftotext -raw`), which keeps every space; the default reading order
 * joins very short words in a table cell ("o z" → "oz", with any font).
 */
export function pdfToText(pdf: Buffer, o: { raw?: boolean } = {}): { pages: number; text: string } {
  const args = o.raw ? ['-raw', '-', '-'] : ['-', '-'];
  const raw = execFileSync('pdftotext', args, { input: pdf }).toString('utf8');
  return { pages: raw.split('\f').length - 1, text: raw.replace(/\s+/g, ' ').trim() };
}
