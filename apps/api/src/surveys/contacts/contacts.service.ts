import { BadRequestException, HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContactPreview, ContactUploadResult } from '@wk/contracts';
import type { AuthContext } from '../../auth/authenticated.decorator';
import { readCsv } from '../../common/csv-reader';
import { bytesOf } from '../../common/csv-upload.interceptor';
import { DomainError, notFound } from '../../common/domain-error';
import { QuarantineRepository } from '../quarantine.repository';
import { SurveyLinks } from '../survey-links';
import { SurveyReportService } from '../survey-report.service';
import { SurveysRepository } from '../surveys.repository';
import { isOpen } from '../waves/sending';
import { WaveSendingService } from '../waves/wave-sending.service';
import { checkContacts, CheckedContact, CONTACT_COLUMNS, summarise } from './contact-list';
import { ContactsRepository } from './contacts.repository';

/**
 * Contact lists for a survey: a row-by-row preview, then an all-or-nothing upload into the pool
 * that the next wave sends to. Quarantined addresses are reported and never stored.
 */
@Injectable()
export class ContactsService {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly surveys: SurveysRepository,
    private readonly quarantine: QuarantineRepository,
    private readonly links: SurveyLinks,
    private readonly waves: WaveSendingService,
    private readonly report: SurveyReportService,
  ) {}

  async preview(auth: AuthContext, surveyId: string, upload?: Express.Multer.File): Promise<ContactPreview> {
    // The survey first: another organisation's survey is a 404 before any file check.
    await this.openSurvey(auth, surveyId);
    const file = bytesOf(upload);
    return summarise(await this.check(auth.organisationId, surveyId, file));
  }

  async upload(
    auth: AuthContext,
    surveyId: string,
    upload: Express.Multer.File | undefined,
    send: boolean,
  ): Promise<ContactUploadResult> {
    await this.openSurvey(auth, surveyId);
    const file = bytesOf(upload);
    const preview = await this.contacts.transaction(async (m) => {
      const rows = await this.check(auth.organisationId, surveyId, file, m);
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
      await this.contacts.addPending(
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

  /** The rows of the file checked against the organisation's names, the pool and the quarantine. */
  private async check(
    organisationId: string,
    surveyId: string,
    file: Buffer,
    m?: EntityManager,
  ): Promise<CheckedContact[]> {
    const table = readCsv(file, CONTACT_COLUMNS);
    const emails = table.rows.map((r) => r.cells.email ?? '').filter(Boolean);
    const quarantined = await this.quarantine.inQuarantine(
      organisationId,
      emails.map((e) => this.links.emailKey(organisationId, e)),
      m,
    );
    return checkContacts(table, {
      ...(await this.contacts.names(organisationId, m)),
      pending: await this.contacts.pendingEmails(organisationId, surveyId, m),
      isQuarantined: (email) => quarantined.has(this.links.emailKey(organisationId, email)),
    });
  }

  private async openSurvey(auth: AuthContext, surveyId: string): Promise<void> {
    const survey = await this.surveys.sendingState(auth.organisationId, surveyId);
    if (!survey) throw notFound('Survey');
    if (!isOpen(survey))
      throw new DomainError(
        'survey_closed',
        'This survey is closed: it takes no contacts',
        HttpStatus.CONFLICT,
      );
  }
}
