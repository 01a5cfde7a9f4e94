/** The part of fontkit (pdfkit's font reader, MIT) that common/pdf-fonts uses; fontkit ships no types. */
declare module 'fontkit' {
  interface Font {
    /** Every code point the font's cmap maps to a glyph. */
    characterSet: number[];
  }
  export function create(buffer: Buffer): Font;
}
