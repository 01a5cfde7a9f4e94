import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

/**
 * The fonts of the api's PDFs (board report, appraisal): DejaVu Sans Condensed and its bold, embedded
 * (pdfkit subsets them to the glyphs used). They draw every Latin, Greek and Cyrillic letter
 * ("Łukasz Żółć", "Şükrü Ağaoğlu", "Dvořák", "Ștefan", "Αλέξανδρος", "Юлия") where the standard
 * Helvetica draws Windows-1252 only. Condensed: about Helvetica's width (3% wider), so the fixed
 * one-page board report keeps its layout. The files come from the npm package `dejavu-fonts-ttf`
 * (a runtime dependency; the webpack-built api leaves node_modules outside the bundle).
 */
export const PDF_FONT = { regular: 'DejaVuSansCondensed', bold: 'DejaVuSansCondensed-Bold' } as const;

interface Loaded {
  regular: Buffer;
  bold: Buffer;
  /** Code points both fonts have a glyph for. */
  drawable: Set<number>;
}

let loaded: Loaded | undefined;

// Node's own resolution from this file (or from dist/apps/api/main.js when built): webpack would
// try to bundle the .ttf files behind a `require.resolve`, and the fonts stay files in node_modules.
const nodeRequire = createRequire(__filename);

function fonts(): Loaded {
  if (loaded) return loaded;
  const read = (name: string) => readFileSync(nodeRequire.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`));
  const regular = read(PDF_FONT.regular);
  const bold = read(PDF_FONT.bold);
  // A .ttf file is one font (only .ttc/.dfont files are collections).
  const characters = (file: Buffer) => (create(file) as Font).characterSet;
  const boldSet = new Set(characters(bold));
  const drawable = new Set(characters(regular).filter((c) => boldSet.has(c)));
  loaded = { regular, bold, drawable };
  return loaded;
}

/**
 * Registers both fonts on a new document under PDF_FONT's names and selects the regular one. The
 * files are read once per process; each document parses its own copy (about 10 ms a font), because
 * a parsed fontkit font shared between documents keeps glyphs that one document's subset loaded
 * without their characters, and the next document's text layer then loses those letters.
 */
export function usePdfFonts(doc: PDFKit.PDFDocument): PDFKit.PDFDocument {
  const { regular, bold } = fonts();
  return doc.registerFont(PDF_FONT.regular, regular).registerFont(PDF_FONT.bold, bold).font(PDF_FONT.regular);
}

/**
 * Text as the PDF fonts draw it: composed (NFC, so "e" + combining acute is the font's "é"), line
 * ends as "\n", tabs as spaces, other control characters left out, and anything the fonts have no
 * glyph for (a lone surrogate, Chinese or Korean, most emoji) as "?", which keeps the PDF readable
 * and its text layer true to what is drawn.
 */
export function pdfText(text: string): string {
  const { drawable } = fonts();
  let out = '';
  for (const c of text.normalize('NFC').replace(/\r\n?/g, '\n')) {
    const code = c.codePointAt(0) ?? 0;
    if (c === '\n') out += c;
    else if (c === '\t') out += ' ';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else out += drawable.has(code) ? c : '?';
  }
  return out;
}
