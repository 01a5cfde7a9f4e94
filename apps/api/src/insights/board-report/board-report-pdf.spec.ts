import fc from 'fast-check';
import { pdfText } from '../../common/pdf-fonts';
import { ALL_LETTERS, anyText, pdfToText, scriptText, scriptWord } from '../../common/pdf-text-fixture';
import { action, boardInput, report, row, value } from './board-report-fixture';
import { boardReportModel } from './board-report-model';
import { drawBoardReport } from './board-report-pdf';

/** `raw`: in drawing order (see pdfToText). */
const read = (pdf: Buffer, raw = false) => pdfToText(pdf, { raw });

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
      'kloof −27 · blinde vlek',
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

  it('draws names and texts in any Latin, Greek or Cyrillic script exactly as written', async () => {
    await fc.assert(
      fc.asyncProperty(
        scriptText(3),
        scriptWord(12),
        scriptText(3),
        scriptText(2, 8),
        async (organisation, valueName, what, owner) => {
          const values = [
            { ...value('betrouwbaar', 'basis'), name: valueName },
            value('gemakkelijk', 'gemak'),
          ];
          const input = boardInput({
            organisation,
            report: { ...boardInput().report, values },
            actions: [action(what, { owner: { id: 'u1', name: owner } })],
          });
          const { pages, text } = read(await drawBoardReport(boardReportModel(input), organisation), true);
          expect(pages).toBe(1);
          for (const written of [organisation, `${valueName} is een blinde vlek`, what, owner])
            expect(text).toContain(written);
          expect(text).not.toContain('?');
        },
      ),
      { numRuns: 25 },
    );
  });

  it('stays one whole page whatever the text, drawing "?" for what the font has no glyph for', async () => {
    await fc.assert(
      fc.asyncProperty(anyText(), anyText(), async (organisation, what) => {
        const input = boardInput({ organisation, actions: [action(what)] });
        const pdf = await drawBoardReport(boardReportModel(input), organisation);
        expect(read(pdf).pages).toBe(1);
      }),
      { numRuns: 25 },
    );
    const { text } = read(
      await drawBoardReport(boardReportModel(boardInput({ organisation: 'Łódź 中 한 ok' })), 'x'),
    );
    expect(text).toContain('Łódź ? ? ok');
  });

  it('embeds the fonts as subsets: every script at once stays a small file', async () => {
    const plain = await drawBoardReport(boardReportModel(boardInput()), 'Bestuursrapport');
    const every = await drawBoardReport(
      boardReportModel(boardInput({ actions: [action(ALL_LETTERS)], organisation: ALL_LETTERS })),
      'x',
    );
    // Measured: 21 KB and 39 KB (the standard Helvetica's were 6 KB, with "?" for these letters).
    expect(plain.length).toBeLessThan(40_000);
    expect(every.length).toBeLessThan(80_000);
  });

  it('keeps what the fonts draw (the real minus too), composes accents and makes the rest "?"', () => {
    expect(pdfText('−27 ‘kom’ € é Łódź Şükrü Ștefan Ωμέγα Юлия ≥ →')).toBe(
      '−27 ‘kom’ € é Łódź Şükrü Ștefan Ωμέγα Юлия ≥ →',
    );
    expect(pdfText('Dvor\u030ca\u0301k')).toBe('Dvořák');
    expect(pdfText('a\tb\r\nc\rd\u0000\u0007\u0085e')).toBe('a b\nc\nde');
    expect(pdfText('中 한 🎉 \ud800')).toBe('? ? ? ?');
    fc.assert(
      fc.property(scriptText(4), (text) => expect(pdfText(text)).toBe(text)),
      { numRuns: 200 },
    );
  });
});
