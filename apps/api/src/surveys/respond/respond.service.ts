import { HttpStatus, Injectable } from '@nestjs/common';
import { recognitionQuestion } from '@wk/domain';
import type { Locale, ResponseChannel } from '@wk/domain';
import type { RecognitionForm, RecognitionFormValue } from '@wk/contracts';
import { DomainError, invalid } from '../../common/domain-error';
import { SubmitRecognitionDto } from '../dto/respond.dto';
import { KpiRefreshService } from '../../insights/kpi-refresh.service';
import {
  RespondRepository,
  type LinkRow,
  type LinkState,
  type StoredAnswer,
  type VersionValue,
} from './respond.repository';

/** The same answer for an unknown, forged or disabled link: nothing tells them apart. */
const linkNotFound = () => new DomainError('link_not_found', 'This link is not valid', HttpStatus.NOT_FOUND);
const alreadyAnswered = () =>
  new DomainError('already_answered', 'This survey has been answered already', HttpStatus.CONFLICT);
const linkExpired = () => new DomainError('link_expired', 'This survey is closed', HttpStatus.GONE);

const TOKEN = /^[A-Za-z0-9_-]{40,64}$/;
const OPEN_CODE = /^[A-Za-z0-9_-]{10,32}$/;

/**
 * The customer's side: the form behind a mailed single-use link or the open link, and the answer.
 * Answers are stored with the survey's context only; nothing links them to an invitation or address.
 */
@Injectable()
export class RespondService {
  /** Published values versions never change, so their questions are cached per version. */
  private readonly versions = new Map<string, Promise<VersionValue[]>>();

  constructor(
    private readonly links: RespondRepository,
    private readonly kpis: KpiRefreshService,
  ) {}

  async invitationForm(token: string, lang?: Locale): Promise<RecognitionForm> {
    const row = TOKEN.test(token) ? await this.links.linkByToken(token) : undefined;
    if (!row) throw linkNotFound();
    assertAnswerable(row);
    await this.links.markOpened(row.invitation_id!);
    return this.form(row, lang ?? row.locale, 'email');
  }

  /**
   * The hot path of answer intake: one statement checks the link and the answer, claims the
   * invitation and stores (RespondRepository.submitByToken). When it refuses, the row it returns
   * gives the same error, in the same order, as checking first would: the link's state, then the
   * grades, then the questions the survey does not ask; a claim lost to a parallel answer is a 409.
   */
  async submitInvitation(token: string, dto: SubmitRecognitionDto): Promise<void> {
    if (!TOKEN.test(token)) throw linkNotFound();
    const result = await this.links.submitByToken(token, storedAnswer(dto));
    if (!result) throw linkNotFound();
    if (result.stored) return this.kpis.responsesChanged(result.organisation_id);
    assertAnswerable(result, result.checked_at);
    assertFits(dto, result, new Set(result.unknown_grades));
    throw alreadyAnswered();
  }

  /** `answered` is this browser's cookie for the survey: one response per browser. */
  async openForm(code: string, lang: Locale | undefined, answered: boolean): Promise<RecognitionForm> {
    const row = await this.byCode(code);
    assertAnswerable(row);
    if (answered) throw alreadyAnswered();
    return this.form(row, lang ?? row.locale, 'open');
  }

  async submitOpen(code: string, dto: SubmitRecognitionDto, answered: boolean): Promise<string> {
    const row = await this.byCode(code);
    assertAnswerable(row);
    if (answered) throw alreadyAnswered();
    const known = new Set((await this.valuesOf(row.values_version_id)).map((v) => v.id));
    const unknown = new Set(dto.grades.flatMap((g, i) => (known.has(g.valueId) ? [] : [i])));
    assertFits(dto, row, unknown);
    await this.links.store(row, 'open', storedAnswer(dto));
    await this.kpis.responsesChanged(row.organisation_id);
    return row.survey_id;
  }

  private async form(row: LinkRow, locale: Locale, channel: ResponseChannel): Promise<RecognitionForm> {
    const en = locale === 'en';
    const values = await this.valuesOf(row.values_version_id);
    return {
      organisationName: row.organisation_name,
      title: (en && row.title_en) || row.title_nl || row.organisation_name,
      intro: (en && row.intro_en) || row.intro_nl,
      locale,
      channel,
      values: values.map((v): RecognitionFormValue => ({
        id: v.id,
        name: (en && v.nameEn) || v.nameNl,
        description: (en && v.descriptionEn) || v.descriptionNl,
        question: recognitionQuestion(v, locale),
      })),
      askOverallGrade: row.ask_overall_grade,
      askNps: row.ask_nps,
      askComment: row.ask_comment,
      youSaid: (en && row.you_said_en) || row.you_said_nl || null,
    };
  }

  private valuesOf(versionId: string): Promise<VersionValue[]> {
    let values = this.versions.get(versionId);
    if (!values) {
      values = this.links.valuesOf(versionId);
      if (this.versions.size > 500) this.versions.clear();
      this.versions.set(versionId, values);
      values.catch(() => this.versions.delete(versionId));
    }
    return values;
  }

  private async byCode(code: string): Promise<LinkRow> {
    const row = OPEN_CODE.test(code) ? await this.links.linkByCode(code) : undefined;
    if (!row) throw linkNotFound();
    return row;
  }
}

function storedAnswer(dto: SubmitRecognitionDto): StoredAnswer {
  return {
    locale: dto.locale ?? null,
    overallGrade: dto.overallGrade ?? null,
    nps: dto.nps ?? null,
    comment: dto.comment || null,
    valueIds: dto.grades.map((g) => g.valueId),
    grades: dto.grades.map((g) => g.grade),
  };
}

function assertAnswerable(row: LinkState, now = new Date()): void {
  if (row.answered) throw alreadyAnswered();
  const closed =
    row.survey_status !== 'active' ||
    row.link_closed ||
    (row.link_closes_at && row.link_closes_at <= now) ||
    (row.survey_closes_at && row.survey_closes_at <= now);
  if (closed) throw linkExpired();
  if (row.survey_opens_at > now)
    throw new DomainError('not_open_yet', 'This survey has not opened yet', HttpStatus.CONFLICT);
}

/** The answer fits the survey: each grade a value of it (`unknown`: positions that are not), once; no extra question it does not ask. */
function assertFits(dto: SubmitRecognitionDto, survey: LinkState, unknown: Set<number>): void {
  const seen = new Set<string>();
  dto.grades.forEach((g, i) => {
    if (unknown.has(i)) throw invalid(`grades[${i}].valueId`, 'not a value of this survey');
    if (seen.has(g.valueId)) throw invalid(`grades[${i}].valueId`, 'answered twice');
    seen.add(g.valueId);
  });
  const notAsked = (field: string, given: unknown, asked: boolean) => {
    if (!asked && given !== undefined && given !== null && given !== '')
      throw invalid(field, 'not asked in this survey');
  };
  notAsked('overallGrade', dto.overallGrade, survey.ask_overall_grade);
  notAsked('nps', dto.nps, survey.ask_nps);
  notAsked('comment', dto.comment, survey.ask_comment);
}
