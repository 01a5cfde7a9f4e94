import { execFileSync } from 'node:child_process';

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
