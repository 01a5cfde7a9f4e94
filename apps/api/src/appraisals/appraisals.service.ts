import { Injectable } from '@nestjs/common';
import { roleHas } from '@wk/contracts';
import type { Appraisal, AppraisalRole, AppraisalSummary, HomeAppraisal, HomeReview } from '@wk/contracts';
import type { Locale } from '@wk/domain';
import type { AuthContext } from '../auth/authenticated.decorator';
import { conflict } from '../common/domain-error';
import { roleIn } from './appraisal-access';
import { AppraisalContextRepository } from './appraisal-context.repository';
import { AppraisalConversationsRepository } from './appraisal-conversations.repository';
import { drawAppraisalPdf } from './appraisal-pdf';
import { openAppraisals, reviewsToDo } from './appraisal-todos';
import { toAppraisal, toSummary } from './appraisal-view';
import { AppraisalRow, AppraisalsRepository } from './appraisals.repository';

/**
 * One appraisal as its parties read it: who may see what (blind until both reviews are in; shared
 * self-assessments only by the employee's consent, only to the reviewer), the lists and the PDF.
 * The changes are in AppraisalChangesService.
 */
@Injectable()
export class AppraisalsService {
  constructor(
    private readonly appraisals: AppraisalsRepository,
    private readonly conversations: AppraisalConversationsRepository,
    private readonly context: AppraisalContextRepository,
  ) {}

  /** The appraisal and the caller's part in it; 404 for anyone without one. */
  async load(auth: AuthContext, id: string): Promise<{ a: AppraisalRow; role: AppraisalRole }> {
    const a = await this.appraisals.appraisal(auth.organisationId, id);
    const role = roleIn(auth, a);
    return { a: a!, role };
  }

  async mine(auth: AuthContext): Promise<AppraisalSummary[]> {
    return (await this.appraisals.list(auth.organisationId, { employeeId: auth.userId })).map(toSummary);
  }

  async reports(auth: AuthContext): Promise<AppraisalSummary[]> {
    return (await this.appraisals.list(auth.organisationId, { reviewerId: auth.userId })).map(toSummary);
  }

  /**
   * The home page's appraisal steps (`today`: `YYYY-MM-DD` in the organisation's time zone): the
   * caller's own open appraisals and, for reviewers, the ones where they must act (else null).
   */
  async toDo(
    auth: AuthContext,
    today: string,
  ): Promise<{ mine: HomeAppraisal[]; reviews: HomeReview[] | null }> {
    const [mine, reviews] = await Promise.all([
      this.appraisals.list(auth.organisationId, { employeeId: auth.userId }),
      roleHas(auth.role, 'appraisals.review')
        ? this.appraisals.list(auth.organisationId, { reviewerId: auth.userId })
        : Promise.resolve(null),
    ]);
    return { mine: openAppraisals(mine, today), reviews: reviews && reviewsToDo(reviews, today) };
  }

  async get(auth: AuthContext, id: string, locale?: Locale): Promise<Appraisal> {
    const { a, role } = await this.load(auth, id);
    return this.view(auth, a, role, locale);
  }

  /** The appraisal as the caller may see it (the PDF draws from the same view). */
  async view(
    auth: AuthContext,
    a: AppraisalRow,
    role: AppraisalRole,
    locale: Locale = 'nl',
  ): Promise<Appraisal> {
    const org = auth.organisationId;
    // Consent is for the reviewer, in this appraisal; the employee sees its own answers too. Never HR.
    const party = role === 'employee' || role === 'reviewer';
    const [values, reviews, ratings, agreements, events, sharedRoundIds, previousAgreements] =
      await Promise.all([
        this.context.values(org, a.values_version_id),
        this.conversations.reviews(org, a.id),
        this.conversations.ratings(org, a.id),
        this.conversations.agreements(org, a.id),
        this.appraisals.events(org, a.id),
        this.conversations.sharedRoundIds(org, a.id),
        this.conversations.previousAgreements(org, a.employee_id, a.cycle_id, a.id),
      ]);
    const sharedAnswers = party ? await this.conversations.sharedAnswers(org, a.id, a.employee_id) : [];
    const shareableRounds = role === 'employee' ? await this.conversations.roundsOf(org, a.employee_id) : [];
    return toAppraisal(a, role, locale, {
      values,
      reviews,
      ratings,
      agreements,
      events,
      sharedRoundIds,
      sharedAnswers,
      shareableRounds,
      previousAgreements,
    });
  }

  /** A signed appraisal as PDF, drawn from what the caller may see of it. */
  async pdf(auth: AuthContext, id: string, locale: Locale): Promise<Buffer> {
    const { a, role } = await this.load(auth, id);
    if (a.stage !== 'signed' && a.stage !== 'closed')
      throw conflict('not_signed', 'Only a signed appraisal has a PDF');
    const view = await this.view(auth, a, role, locale);
    const org = await this.context.organisation(auth.organisationId);
    return drawAppraisalPdf(view, org.name, locale, org.time_zone);
  }
}
