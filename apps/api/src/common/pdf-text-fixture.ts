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
