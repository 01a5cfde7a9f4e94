import { execFileSync } from 'node:child_process';
import { action, boardInput, report, row, value } from './board-report-fixture';
import { boardReportModel } from './board-report-model';
import { drawBoardReport } from './board-report-pdf';
import { pdfText } from './pdf-style';

/** The PDF as a reader's tools see it (poppler's pdftotext; .ci/run installs poppler-utils). */
function read(pdf: Buffer): { pages: number; text: string } {
  const raw = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
  // pdftotext ends every page with a form feed.
  return { pages: raw.split('\f').length - 1, text: raw.replace(/\s+/g, ' ') };
}

describe('board report PDF (pdfkit, one A4 page)', () => {
  it('draws the Dutch report on one page with signed gaps, the readings, heart monitor and actions', async () => {
    const { pages, text } = read(await drawBoardReport(boardReportModel(boardInput()), 'Bestuursrapport'));
    expect(pages).toBe(1);
    for (const words of [
      'Bestuursrapport Q3 2026',
      'Belevingspiramide',
      'Grootste blinde vlek',
      'Betrouwbaar is een blinde vlek: medewerkers 82, klanten 55.',
      'kloof +20 · verborgen kracht',
      'kloof –27 · blinde vlek',
      '95%: 5,6 – 6,4',
      'voorlopig (n = 3)',
      'Hartmonitor Verhuizing',
      'dal',
      'Elke klant binnen een dag terugbellen',
      'gemeten na Q1 2027',
      'verbeterd (+0,7)',
      'NPS +12 (n = 80)',
    ])
      expect(text).toContain(words);
    expect(text).not.toMatch(/kloof 20|\d\.\d/);
  });

  it('draws the English report with decimal points', async () => {
    const { pages, text } = read(
      await drawBoardReport(boardReportModel(boardInput({ locale: 'en' })), 'Board'),
    );
    expect(pages).toBe(1);
    for (const words of [
      'Board report Q3 2026',
      'Largest hidden strength',
      'gap +20 · hidden strength',
      '95%: 5.6 – 6.4',
      'provisional (n = 3)',
      'Actions and their effect',
      'improved (+0.7)',
    ])
      expect(text).toContain(words);
    expect(text).not.toContain('kloof');
  });

  it('stays one page with many values, long names and many actions (the rest counted)', async () => {
    const values = Array.from({ length: 12 }, (_, i) =>
      value(
        `waarde-met-een-erg-lange-naam-nummer-${i + 1}`,
        (['basis', 'gemak', 'persoonlijk', 'verrassend'] as const)[i % 4],
      ),
    );
    const rows = values.map((v, i) => row('2026-Q3', v.key, { grade: 5 + (i % 5), n: 40, selfIndex: 50 }));
    const actions = Array.from({ length: 8 }, (_, i) =>
      action(
        `Actie ${i + 1} met een omschrijving die veel te lang is om op één regel te passen, en nog langer`,
      ),
    );
    const input = boardInput({ report: report(values, rows), actions, moreActions: 5 });
    const { pages, text } = read(await drawBoardReport(boardReportModel(input), 'Veel'));
    expect(pages).toBe(1);
    expect(text).toMatch(/en nog \d+ actie\(s\) in het dashboard/);
  });

  it('keeps text drawable by the standard font: a real minus becomes the en dash, the rest of WinAnsi stays', () => {
    expect(pdfText('−27 ‘kom’ € é')).toBe('–27 ‘kom’ € é');
    expect(pdfText('Łódź ≥')).toBe('?ód? ?');
  });
});
