import { execFileSync } from 'node:child_process';

/**
 * A PDF as a reader's tools see it: poppler's pdftotext (`apt-get install poppler-utils`; .ci/run
 * installs it). `pages` counts pdftotext's form feeds (one per page); `text` has single spaces.
 */
export function pdfToText(pdf: Buffer): { pages: number; text: string } {
  const raw = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
  return { pages: raw.split('\f').length - 1, text: raw.replace(/\s+/g, ' ').trim() };
}
