import PDFDocument from 'pdfkit';
import { PDF_FONT, pdfText, usePdfFonts } from '../common/pdf-fonts';
import type { Appraisal } from '@wk/contracts';
import { SELF_LEVEL_LABELS } from '@wk/domain';
import type { Locale } from '@wk/domain';

const LABELS = {
  nl: {
    title: 'Beoordelings- en ontwikkelgesprek',
    employee: 'Medewerker',
    reviewer: 'Beoordelaar',
    team: 'Team',
    period: 'Periode',
    meeting: 'Gesprek gevoerd op',
    self: 'Zelf',
    manager: 'Leidinggevende',
    behaviour: 'Gedrag',
    na: 'n.v.t.',
    commentSelf: 'Toelichting medewerker',
    commentManager: 'Toelichting leidinggevende',
    questions: 'Open vragen',
    notes: 'Gespreksverslag',
    agreements: 'Ontwikkelafspraken',
    support: 'Ondersteuning',
    due: 'Uiterlijk',
    general: 'Algemeen',
    signatures: 'Ondertekening',
    signedEmployee: 'Getekend door de medewerker op',
    signedReviewer: 'Getekend door de beoordelaar op',
    remark: 'Opmerking van de medewerker',
    disagrees: 'De medewerker is het niet eens met de beoordeling.',
    reopened: 'Heropend',
    previous: 'Afspraken uit',
    followUp: {
      achieved: 'Behaald',
      partly: 'Deels behaald',
      not_achieved: 'Niet behaald',
      no_longer_relevant: 'Niet meer van toepassing',
    },
  },
  en: {
    title: 'Appraisal and development conversation',
    employee: 'Employee',
    reviewer: 'Reviewer',
    team: 'Team',
    period: 'Period',
    meeting: 'Conversation held on',
    self: 'Self',
    manager: 'Manager',
    behaviour: 'Behaviour',
    na: 'n/a',
    commentSelf: "Employee's comment",
    commentManager: "Manager's comment",
    questions: 'Open questions',
    notes: 'Notes of the conversation',
    agreements: 'Development agreements',
    support: 'Support',
    due: 'By',
    general: 'General',
    signatures: 'Signatures',
    signedEmployee: 'Signed by the employee on',
    signedReviewer: 'Signed by the reviewer on',
    remark: "Employee's remark",
    disagrees: 'The employee disagrees with the appraisal.',
    reopened: 'Reopened',
    previous: 'Agreements from',
    followUp: {
      achieved: 'Achieved',
      partly: 'Partly achieved',
      not_achieved: 'Not achieved',
      no_longer_relevant: 'No longer relevant',
    },
  },
} as const;

/**
 * One signed appraisal on A4 for the personnel file (pdfkit and fonts like the board report: any
 * Latin, Greek or Cyrillic name, value or comment is drawn as written).
 */
export function drawAppraisalPdf(
  a: Appraisal,
  organisation: string,
  locale: Locale,
  timeZone: string,
): Promise<Buffer> {
  const l = LABELS[locale];
  const date = (iso: string | null) =>
    iso
      ? new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone }).format(
          new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso),
        )
      : '–';
  const doc = usePdfFonts(
    new PDFDocument({
      size: 'A4',
      margin: 50,
      info: { Title: `${l.title} ${a.employeeName} ${a.cycleName}` },
    }),
  );
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc
    .font(PDF_FONT.bold)
    .fontSize(16)
    .text(pdfText(`${l.title}: ${a.cycleName}`));
  doc.font(PDF_FONT.regular).fontSize(10).fillColor('#333').text(pdfText(organisation)).moveDown(0.5);
  doc.fillColor('#000');
  for (const [label, value] of [
    [l.employee, a.employeeName],
    [l.reviewer, a.reviewerName ?? '–'],
    [l.team, a.teamName ?? '–'],
    [l.period, `${date(a.periodStart)} – ${date(a.periodEnd)}`],
    [l.meeting, date(a.meetingDate)],
  ])
    doc.text(pdfText(`${label}: ${value}`));
  doc.moveDown();

  const level = (review: Appraisal['selfReview'], behaviourId: string) => {
    const r = review?.ratings.find((x) => x.behaviourId === behaviourId);
    return !r ? '–' : r.level === null ? l.na : SELF_LEVEL_LABELS[r.level][locale];
  };
  const comment = (review: Appraisal['selfReview'], valueId: string) =>
    review?.comments.find((c) => c.valueId === valueId)?.text ?? '';
  for (const value of a.values) {
    doc.font(PDF_FONT.bold).fontSize(12).text(pdfText(value.name));
    doc.font(PDF_FONT.regular).fontSize(9);
    for (const b of value.behaviours)
      doc.text(
        pdfText(
          `${b.text} — ${l.self}: ${level(a.selfReview, b.id)}; ${l.manager}: ${level(a.managerReview, b.id)}`,
        ),
      );
    const cs = comment(a.selfReview, value.id);
    const cm = comment(a.managerReview, value.id);
    if (cs) doc.text(pdfText(`${l.commentSelf}: ${cs}`));
    if (cm) doc.text(pdfText(`${l.commentManager}: ${cm}`));
    doc.moveDown(0.5);
  }
  if (a.questions.length) {
    doc.font(PDF_FONT.bold).fontSize(12).text(pdfText(l.questions));
    doc.font(PDF_FONT.regular).fontSize(9);
    for (const q of a.questions) {
      doc.font(PDF_FONT.bold).text(pdfText(q.text)).font(PDF_FONT.regular);
      const s = a.selfReview?.answers.find((x) => x.questionId === q.id)?.text;
      const m = a.managerReview?.answers.find((x) => x.questionId === q.id)?.text;
      if (s) doc.text(pdfText(`${l.self}: ${s}`));
      if (m) doc.text(pdfText(`${l.manager}: ${m}`));
    }
    doc.moveDown(0.5);
  }
  if (a.sharedNotes) {
    doc.font(PDF_FONT.bold).fontSize(12).text(pdfText(l.notes));
    doc.font(PDF_FONT.regular).fontSize(9).text(pdfText(a.sharedNotes)).moveDown(0.5);
  }
  if (a.agreements.length) {
    doc.font(PDF_FONT.bold).fontSize(12).text(pdfText(l.agreements));
    doc.font(PDF_FONT.regular).fontSize(9);
    for (const g of a.agreements) {
      const value = a.values.find((v) => v.id === g.valueId)?.name ?? l.general;
      doc.text(
        pdfText(
          `${value}: ${g.what}${g.support ? ` (${l.support}: ${g.support})` : ''}${g.dueDate ? ` — ${l.due} ${date(g.dueDate)}` : ''}`,
        ),
      );
    }
    doc.moveDown(0.5);
  }
  // Last cycle's agreements, followed up in this conversation (value names in the PDF's language).
  if (a.previousAgreements.length) {
    doc
      .font(PDF_FONT.bold)
      .fontSize(12)
      .text(pdfText(`${l.previous} ${a.previousAgreements[0].cycleName}`));
    doc.font(PDF_FONT.regular).fontSize(9);
    for (const g of a.previousAgreements) {
      doc.text(
        pdfText(
          `${g.valueName ?? l.general}: ${g.what}${g.support ? ` (${l.support}: ${g.support})` : ''}${g.dueDate ? ` — ${l.due} ${date(g.dueDate)}` : ''}`,
        ),
      );
      // Its follow-up, as recorded in this appraisal.
      if (g.followUp)
        doc.text(
          pdfText(`    → ${l.followUp[g.followUp.status]}${g.followUp.note ? `: ${g.followUp.note}` : ''}`),
        );
    }
    doc.moveDown(0.5);
  }
  doc.font(PDF_FONT.bold).fontSize(12).text(pdfText(l.signatures));
  doc.font(PDF_FONT.regular).fontSize(9);
  doc.text(pdfText(`${l.signedEmployee} ${date(a.employeeSignedAt)}`));
  doc.text(pdfText(`${l.signedReviewer} ${date(a.reviewerSignedAt)}`));
  if (a.employeeRemark) doc.text(pdfText(`${l.remark}: ${a.employeeRemark}`));
  if (a.employeeDisagrees) doc.text(pdfText(l.disagrees));
  for (const e of a.events.filter((x) => x.kind === 'reopen'))
    doc.text(pdfText(`${l.reopened} ${date(e.at)} (${e.actorName ?? '–'}): ${e.reason}`));
  doc.end();
  return done;
}
