import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PDFDocument from 'pdfkit';
import { DataSource } from 'typeorm';
import { periodOfMonth } from '@wk/domain';
import type { KpiReport, KpiRow } from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { notFound } from '../common/domain-error';
import { InsightsScopeService } from './insights-scope.service';
import { InsightsService } from './insights.service';
import { AtQueryDto } from './kpi-query.dto';

const STATUS = {
  on_target: 'op koers',
  near: 'bijna',
  below: 'onder doel',
  no_data: 'geen gegevens',
} as const;
const GAP = { blind_spot: 'blinde vlek', aligned: 'in balans', hidden_strength: 'verborgen kracht' } as const;
const one = (n: number | null | undefined, digits = 1) =>
  n === null || n === undefined
    ? '–'
    : n.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The board report: the overview of one period on one A4 page, drawn by pdfkit on the server. */
@Injectable()
export class BoardReportService {
  constructor(
    private readonly insights: InsightsService,
    private readonly scopes: InsightsScopeService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * Honours `teamId` and `valueKey` like the other insights routes (the same scope check and
   * anonymity minimum, through the same query); the page names what it covers.
   */
  async render(auth: AuthContext, q: AtQueryDto): Promise<{ pdf: Buffer; filename: string }> {
    const ctx = await this.scopes.context(auth);
    const at = q.at ?? periodOfMonth(q.period, ctx.todayMonth);
    const report = await this.insights.kpis(auth, {
      period: q.period,
      from: at,
      to: at,
      teamId: q.teamId,
      valueKey: q.valueKey,
    });
    // A report on a value the organisation does not have would be an empty page that looks like "no data".
    if (q.valueKey && !report.values.length) throw notFound('Value');
    const scope: string[] = [];
    if (q.teamId) {
      const [team] = await this.db.query(`SELECT name FROM teams WHERE id = $1 AND organisation_id = $2`, [
        q.teamId,
        ctx.organisationId,
      ]);
      scope.push(`Team: ${team.name}`);
    }
    if (q.valueKey) scope.push(`Waarde: ${report.values[0].name}`);
    const pdf = await draw(ctx.organisationName, at, report, scope);
    return { pdf, filename: `bestuursrapport-${at}.pdf` };
  }
}

function draw(organisation: string, period: string, report: KpiReport, scope: string[]): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `Bestuursrapport ${organisation} ${period}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('Helvetica-Bold').fontSize(18).text(`Bestuursrapport ${period}`);
  doc
    .font('Helvetica')
    .fontSize(11)
    .fillColor('#333')
    .text([organisation, ...scope].join(' · '))
    .moveDown();
  doc
    .fontSize(9)
    .text(
      'Herkenning: het gemiddelde klantcijfer (1-10) per waarde met 95%-betrouwbaarheidsinterval, tegen het doel. ' +
        'Zelfbeeld: de zelfbeoordeling van medewerkers als index (0-100). Kloof: herkenningsindex min zelfbeeldindex.',
    )
    .moveDown();

  const columns = [
    ['Waarde', 110],
    ['Herkenning', 85],
    ['Doel', 40],
    ['Status', 65],
    ['Zelfbeeld', 55],
    ['Kloof', 95],
    ['n klant', 45],
  ] as const;
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = doc.page.margins.left;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(9)
      .fillColor('#000');
    cells.forEach((cell, i) => {
      doc.text(cell, x, y, { width: columns[i][1] - 4 });
      x += columns[i][1];
    });
    doc.moveDown(0.6);
    doc.x = doc.page.margins.left;
  };
  row(
    columns.map(([label]) => label),
    true,
  );
  const rows = report.rows.filter((r) => r.period === period);
  for (const value of report.values) {
    const r = rows.find((x) => x.valueKey === value.key) as KpiRow | undefined;
    const grade = r?.customer?.grade;
    const self = r?.self && !r.self.suppressed ? r.self : null;
    row([
      value.name,
      grade?.mean === null || !grade ? '–' : `${one(grade.mean)} (${one(grade.low)}–${one(grade.high)})`,
      one(value.target),
      STATUS[r?.status ?? 'no_data'],
      r?.self?.suppressed ? 'te weinig antwoorden' : one(self?.index ?? null, 0),
      r?.gap === null || r?.gap === undefined ? '–' : `${one(r.gap, 0)} (${GAP[r.gapLabel!]})`,
      String(r?.customer?.n ?? 0),
    ]);
  }
  doc.moveDown();
  const nps = report.nps.find((n) => n.period === period);
  const participation = report.participation.find((p) => p.period === period);
  doc.font('Helvetica').fontSize(10);
  doc.text(`NPS: ${nps?.nps === null || !nps ? '–' : one(nps.nps, 0)} (n = ${nps?.n ?? 0})`);
  doc.text(
    `Deelname zelfbeoordeling: ${participation?.rate === null || !participation ? '–' : `${Math.round(participation.rate * 100)}%`}` +
      ` (${participation?.completed ?? 0} van ${participation?.invited ?? 0})`,
  );
  doc.moveDown();
  doc
    .fontSize(8)
    .fillColor('#555')
    .text(
      `Groepen met minder dan ${report.minimum} medewerkers worden niet getoond. Opmerkingen van klanten staan niet in dit rapport.`,
    );
  doc.end();
  return done;
}
