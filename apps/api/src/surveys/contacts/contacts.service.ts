import { BadRequestException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ContactPreview, ContactUploadResult } from '@wk/contracts';
import type { AuthContext } from '../../auth/authenticated.decorator';
import { readCsv } from '../../common/csv-reader';
import { bytesOf } from '../../common/csv-upload.interceptor';
import { DomainError, notFound } from '../../common/domain-error';
import { SurveyLinks } from '../survey-links';
import { quarantinedKeys } from '../waves/quarantine';
import { isOpen, WavesService } from '../waves/waves.service';
import { SurveyReportService } from '../survey-report.service';
import { checkContacts, CheckedContact, CONTACT_COLUMNS, summarise } from './contact-list';

/**
 * Contact lists for a survey: a row-by-row preview, then an all-or-nothing upload into the pool
 * that the next wave sends to. Quarantined addresses are reported and never stored.
 */
@Injectable()
export class ContactsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: SurveyLinks,
    private readonly waves: WavesService,
    private readonly report: SurveyReportService,
  ) {}

  async preview(auth: AuthContext, surveyId: string, upload?: Express.Multer.File): Promise<ContactPreview> {
    // The survey first: another organisation's survey is a 404 before any file check.
    await this.openSurvey(auth, surveyId);
    const file = bytesOf(upload);
    return summarise(await this.check(this.db.manager, auth.organisationId, surveyId, file));
  }

  async upload(
    auth: AuthContext,
    surveyId: string,
    upload: Express.Multer.File | undefined,
    send: boolean,
  ): Promise<ContactUploadResult> {
    await this.openSurvey(auth, surveyId);
    const file = bytesOf(upload);
    const preview = await this.db.transaction(async (m) => {
      const rows = await this.check(m, auth.organisationId, surveyId, file);
      const summary = summarise(rows);
      if (summary.errors)
        throw new BadRequestException({
          code: 'contacts_have_errors',
          message: `${summary.errors} row(s) have errors; nothing was stored`,
          errors: summary.rows
            .filter((r) => r.errors.length)
            .slice(0, 20)
            .flatMap((r) =>
              r.errors.map((e) => ({ field: `line ${r.line}.${e.field}`, message: e.message })),
            ),
          preview: summary,
        });
      await this.store(
        m,
        auth.organisationId,
        surveyId,
        rows.filter((r) => r.status === 'new'),
      );
      return summary;
    });
    const waveId = send ? await this.waves.sendPending(surveyId, 'upload', null) : null;
    return {
      added: preview.new,
      quarantined: preview.quarantined,
      duplicates: preview.duplicates,
      wave: waveId ? await this.report.wave(auth.organisationId, waveId) : null,
    };
  }

  private async check(
    m: EntityManager,
    organisationId: string,
    surveyId: string,
    file: Buffer,
  ): Promise<CheckedContact[]> {
    const table = readCsv(file, CONTACT_COLUMNS);
    const names = async (sql: string) =>
      new Map<string, string>(
        ((await m.query(sql, [organisationId])) as { id: string; name: string }[]).map((r) => [
          r.name.trim().toLowerCase(),
          r.id,
        ]),
      );
    const pending: { email: string }[] = await m.query(
      `SELECT lower(email) AS email FROM survey_contacts WHERE survey_id = $1 AND wave_id IS NULL`,
      [surveyId],
    );
    const emails = table.rows.map((r) => r.cells.email ?? '').filter(Boolean);
    const quarantined = await quarantinedKeys(
      m,
      organisationId,
      emails.map((e) => this.links.emailKey(organisationId, e)),
    );
    return checkContacts(table, {
      segmentIds: await names(`SELECT id, name FROM customer_segments WHERE organisation_id = $1`),
      teamIds: await names(`SELECT id, name FROM teams WHERE organisation_id = $1`),
      journeyIds: await names(`SELECT id, name FROM customer_journeys WHERE organisation_id = $1`),
      touchpoints: await m.query(
        `SELECT id, journey_id AS "journeyId", name FROM journey_touchpoints WHERE organisation_id = $1`,
        [organisationId],
      ),
      pending: new Set(pending.map((p) => p.email)),
      isQuarantined: (email) => quarantined.has(this.links.emailKey(organisationId, email)),
    });
  }

  private async store(m: EntityManager, organisationId: string, surveyId: string, rows: CheckedContact[]) {
    for (let start = 0; start < rows.length; start += 5000) {
      const chunk = rows.slice(start, start + 5000);
      await m.query(
        `INSERT INTO survey_contacts (organisation_id, survey_id, email, locale, segment_id, team_id, journey_id, touchpoint_id)
         SELECT $1, $2, email, locale, segment_id, team_id, journey_id, touchpoint_id
           FROM unnest($3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[], $8::uuid[])
             AS x(email, locale, segment_id, team_id, journey_id, touchpoint_id)
         ON CONFLICT (survey_id, lower(email)) WHERE wave_id IS NULL DO NOTHING`,
        [
          organisationId,
          surveyId,
          chunk.map((r) => r.email),
          chunk.map((r) => r.locale),
          chunk.map((r) => r.segmentId),
          chunk.map((r) => r.teamId),
          chunk.map((r) => r.journeyId),
          chunk.map((r) => r.touchpointId),
        ],
      );
    }
  }

  private async openSurvey(auth: AuthContext, surveyId: string): Promise<void> {
    const [survey] = await this.db.query(
      `SELECT status, closes_at FROM surveys WHERE organisation_id = $1 AND id = $2`,
      [auth.organisationId, surveyId],
    );
    if (!survey) throw notFound('Survey');
    if (!isOpen(survey))
      throw new DomainError(
        'survey_closed',
        'This survey is closed: it takes no contacts',
        HttpStatus.CONFLICT,
      );
  }
}
