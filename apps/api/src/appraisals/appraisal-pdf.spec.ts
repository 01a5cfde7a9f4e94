import fc from 'fast-check';
import { ALL_LETTERS, anyText, pdfToText, scriptText } from '../common/pdf-text-fixture';
import { drawAppraisalPdf } from './appraisal-pdf';
import { signedAppraisal } from './appraisal-pdf-fixture';

/** The PDF as pdftotext reads it in drawing order (-raw keeps every space). */
const read = (pdf: Buffer) => pdfToText(pdf, { raw: true });

const draw = (over: Parameters<typeof signedAppraisal>[0] = {}, organisation = 'Bakkerij Ødegård') =>
  drawAppraisalPdf(signedAppraisal(over), organisation, 'nl', 'Europe/Amsterdam');

describe('appraisal PDF (pdfkit, embedded DejaVu Sans Condensed)', () => {
  it('draws the signed appraisal: people, values, ratings, comments, agreements, follow-up and signatures', async () => {
    const { pages, text } = read(await draw());
    expect(pages).toBe(1);
    for (const words of [
      'Beoordelings- en ontwikkelgesprek: Jaargesprekken 2099',
      'Bakkerij Ødegård',
      'Medewerker: Sanne de Vries',
      'Periode: 1 januari 2099 – 31 december 2099',
      'Komt afspraken na — Zelf: Goed; Leidinggevende: Verbeterbaar',
      'Belt terug wanneer beloofd — Zelf: n.v.t.',
      'Toelichting medewerker: Ik bel altijd terug.',
      'Betrouwbaar: Terugbelbelofte nakomen (Ondersteuning: Coaching) — Uiterlijk 1 juni 2099',
      // The arrow is outside Windows-1252: the standard Helvetica drew it as "!’".
      '→ Behaald: Afgerond in juni',
      'Heropend 11 februari 2099 (Test hr): Verkeerde datum',
    ])
      expect(text).toContain(words);
  });

  it('draws names, values and comments in any Latin, Greek or Cyrillic script exactly as written', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          organisation: scriptText(3),
          employeeName: scriptText(3),
          reviewerName: scriptText(3),
          valueName: scriptText(2),
          behaviour: scriptText(4),
          comment: scriptText(8),
          notes: scriptText(12),
        }),
        async (w) => {
          const base = signedAppraisal();
          const [first, ...rest] = base.values;
          const values = [
            { ...first, name: w.valueName, behaviours: [{ ...first.behaviours[0], text: w.behaviour }] },
            ...rest,
          ];
          const review = { ...base.selfReview!, comments: [{ valueId: first.id, text: w.comment }] };
          const pdf = await draw(
            {
              employeeName: w.employeeName,
              reviewerName: w.reviewerName,
              values,
              selfReview: review,
              sharedNotes: w.notes,
              agreements: [],
            },
            w.organisation,
          );
          const { text } = read(pdf);
          for (const written of [
            w.organisation,
            `Medewerker: ${w.employeeName}`,
            `Beoordelaar: ${w.reviewerName}`,
            w.valueName,
            `${w.behaviour} — Zelf: Goed`,
            `Toelichting medewerker: ${w.comment}`,
            w.notes,
          ])
            expect(text).toContain(written);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('stays a whole PDF whatever the text, with "?" for what the font has no glyph for', async () => {
    await fc.assert(
      fc.asyncProperty(anyText(), anyText(200), async (employeeName, notes) => {
        const { pages } = read(await draw({ employeeName, sharedNotes: notes }));
        expect(pages).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 25 },
    );
    const { text } = read(
      await draw({ employeeName: 'Łukasz 中 \ud800 Żółć', employeeRemark: 'één\ttwee\u0007' }),
    );
    expect(text).toContain('Medewerker: Łukasz ? ? Żółć');
    expect(text).toContain('Opmerking van de medewerker: één twee');
  });

  it('embeds the fonts as subsets: every script at once stays a small file', async () => {
    const plain = await draw();
    const every = await draw({ sharedNotes: ALL_LETTERS, employeeName: ALL_LETTERS.slice(0, 40) });
    // Measured: 15 KB and 35 KB (the standard Helvetica's was 3 KB, with "?" or garbage for these letters).
    expect(plain.length).toBeLessThan(30_000);
    expect(every.length).toBeLessThan(70_000);
  });
});
