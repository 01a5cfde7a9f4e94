import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { roleHas } from '@wk/contracts';
import type {
  Appraisal,
  HomeAppraisal,
  HomeReview,
  AppraisalReview,
  AppraisalRole,
  AppraisalSummary,
  AppraisalValue,
} from '@wk/contracts';
import { appraisalStage, localized } from '@wk/domain';
import type { Locale, SelfLevel } from '@wk/domain';
import type { AuthContext } from '../auth/authenticated.decorator';
import { conflict, invalid, notFound } from '../common/domain-error';
import {
  ReassignDto,
  ReopenDto,
  SaveConversationDto,
  SaveFollowUpDto,
  SaveReviewDto,
  ShareRoundsDto,
  SignDto,
} from './appraisals.dto';
import { AppraisalRow, AppraisalsRepository, ReviewRow, RatingRow } from './appraisals.repository';
import { drawAppraisalPdf } from './appraisal-pdf';
import { toSummary } from './appraisal-view';
import { openAppraisals, reviewsToDo } from './appraisal-todos';
import { WebhookEvents } from '../webhooks/webhook-events.service';

type Author = 'self' | 'manager';

/**
 * One appraisal: who may see what (blind until both reviews are in; shared self-assessments only
 * by the employee's consent, only to the reviewer), and every change under the row lock with an
 * optimistic version check, so two tabs or two signatures never half-write.
 */
@Injectable()
export class AppraisalsService {
  constructor(
    private readonly repo: AppraisalsRepository,
    private readonly webhooks: WebhookEvents,
  ) {}

  /** The caller's part in the appraisal; anyone else (another manager, employee, organisation) gets 404. */
  private roleIn(auth: AuthContext, a: AppraisalRow | null): AppraisalRole {
    if (a && a.employee_id === auth.userId) return 'employee';
    if (a && a.reviewer_id === auth.userId && roleHas(auth.role, 'appraisals.review')) return 'reviewer';
    if (a && roleHas(auth.role, 'appraisals.manage')) return 'hr';
    throw notFound('Appraisal');
  }

  /** The appraisal and the caller's part in it; 404 for anyone without one. */
  async load(auth: AuthContext, id: string): Promise<{ a: AppraisalRow; role: AppraisalRole }> {
    const a = await this.repo.appraisal(auth.organisationId, id);
    const role = this.roleIn(auth, a);
    return { a: a!, role };
  }

  async mine(auth: AuthContext): Promise<AppraisalSummary[]> {
    return (await this.repo.list(auth.organisationId, { employeeId: auth.userId })).map(toSummary);
  }

  async reports(auth: AuthContext): Promise<AppraisalSummary[]> {
    return (await this.repo.list(auth.organisationId, { reviewerId: auth.userId })).map(toSummary);
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
      this.repo.list(auth.organisationId, { employeeId: auth.userId }),
      roleHas(auth.role, 'appraisals.review')
        ? this.repo.list(auth.organisationId, { reviewerId: auth.userId })
        : Promise.resolve(null),
    ]);
    return { mine: openAppraisals(mine, today), reviews: reviews && reviewsToDo(reviews, today) };
  }

  async get(auth: AuthContext, id: string, locale?: Locale): Promise<Appraisal> {
    const a = await this.repo.appraisal(auth.organisationId, id);
    const role = this.roleIn(auth, a);
    return this.view(auth, a!, role, locale);
  }

  /** The appraisal as the caller may see it (the PDF draws from the same view). */
  async view(
    auth: AuthContext,
    a: AppraisalRow,
    role: AppraisalRole,
    locale: Locale = 'nl',
  ): Promise<Appraisal> {
    const org = auth.organisationId;
    const [valueRows, reviews, ratings, agreements, events, sharedRoundIds, previous] = await Promise.all([
      this.repo.values(org, a.values_version_id),
      this.repo.reviews(org, a.id),
      this.repo.ratings(org, a.id),
      this.repo.agreements(org, a.id),
      this.repo.events(org, a.id),
      this.repo.sharedRoundIds(org, a.id),
      this.repo.previousAgreements(org, a.employee_id, a.cycle_id, a.id),
    ]);
    const bothIn = Boolean(a.self_submitted_at && a.manager_submitted_at);
    const showSelf = role === 'employee' || (role === 'reviewer' ? bothIn : Boolean(a.self_submitted_at));
    const showManager =
      role === 'reviewer' ||
      (role === 'employee' ? bothIn || Boolean(a.released_at) : Boolean(a.manager_submitted_at));
    // Consent is for the reviewer, in this appraisal; the employee sees its own answers too. Never HR.
    const party = role === 'employee' || role === 'reviewer';
    const shared = party ? await this.repo.sharedAnswers(org, a.id, a.employee_id) : [];
    const sharedSelfAssessments = [...new Set(shared.map((s) => s.round_id))].map((roundId) => {
      const rows = shared.filter((s) => s.round_id === roundId);
      return {
        roundId,
        openedAt: rows[0].opens_at.toISOString(),
        answers: rows.map((r) => ({ behaviourId: r.behaviour_id, level: r.level as SelfLevel | null })),
      };
    });
    const shareableRounds =
      role === 'employee'
        ? (await this.repo.roundsOf(org, a.employee_id)).map((r) => ({
            roundId: r.round_id,
            cycleName: r.cycle_name,
            openedAt: r.opens_at.toISOString(),
          }))
        : [];
    const values: AppraisalValue[] = [];
    for (const v of valueRows) {
      let value = values.find((x) => x.id === v.value_id);
      if (!value) {
        value = {
          id: v.value_id,
          key: v.value_key,
          name: localized(v.value_name_nl, v.value_name_en, locale),
          description: localized(v.description_nl, v.description_en, locale),
          behaviours: [],
        };
        values.push(value);
      }
      value.behaviours.push({ id: v.behaviour_id, text: localized(v.text_nl, v.text_en, locale) });
    }
    return {
      ...toSummary(a),
      viewerRole: role,
      version: a.version,
      periodStart: a.period_start,
      periodEnd: a.period_end,
      deadlines: {
        selfReview: a.self_review_due,
        managerReview: a.manager_review_due,
        conversation: a.conversation_due,
        signOff: a.sign_off_due,
      },
      values,
      questions: a.questions,
      agreementsSection: a.agreements_section,
      selfReview: showSelf ? reviewOf('self', reviews, ratings, a.self_submitted_at) : null,
      managerReview: showManager ? reviewOf('manager', reviews, ratings, a.manager_submitted_at) : null,
      selfSubmitted: Boolean(a.self_submitted_at),
      managerSubmitted: Boolean(a.manager_submitted_at),
      released: Boolean(a.released_at),
      meetingDate: a.meeting_date,
      sharedNotes: a.shared_notes,
      agreements: agreements.map((g) => ({
        valueId: g.value_id,
        what: g.what,
        support: g.support,
        dueDate: g.due_date,
      })),
      employeeSignedAt: a.employee_signed_at?.toISOString() ?? null,
      reviewerSignedAt: a.reviewer_signed_at?.toISOString() ?? null,
      employeeRemark: a.employee_remark,
      employeeDisagrees: a.employee_disagrees,
      sharedRoundIds: party ? sharedRoundIds : [],
      sharedSelfAssessments,
      shareableRounds,
      previousAgreements: previous.map((g) => ({
        id: g.id,
        cycleName: g.cycle_name,
        valueName: localized(g.value_name, g.value_name_en, locale) ?? null,
        what: g.what,
        support: g.support,
        dueDate: g.due_date,
        followUp: g.follow_up_status
          ? {
              status: g.follow_up_status,
              note: g.follow_up_note ?? '',
              updatedAt: g.follow_up_at!.toISOString(),
            }
          : null,
      })),
      events: events.map((e) => ({
        kind: e.kind,
        actorName: e.actor_name,
        reason: e.reason,
        at: e.created_at.toISOString(),
      })),
    };
  }

  /** Loads and locks the appraisal for a change by someone in one of `roles`; refuses a frozen one. */
  private async forChange(
    m: EntityManager,
    auth: AuthContext,
    id: string,
    roles: AppraisalRole[],
  ): Promise<{ a: AppraisalRow; role: AppraisalRole }> {
    const a = await this.repo.appraisal(auth.organisationId, id, m, true);
    const role = this.roleIn(auth, a);
    if (!roles.includes(role)) throw notFound('Appraisal');
    if (a!.cycle_status !== 'open') throw conflict('cycle_closed', 'The appraisal cycle is closed');
    return { a: a!, role };
  }

  private static assertNotSigned(a: AppraisalRow) {
    if (a.stage === 'signed' || a.stage === 'closed')
      throw conflict('appraisal_signed', 'The appraisal is signed by both and can no longer change');
  }

  private static assertVersion(a: AppraisalRow, version: number) {
    if (a.version !== version)
      throw conflict(
        'stale_version',
        'The appraisal changed since it was loaded; reload and try again',
        'version',
      );
  }

  async saveReview(auth: AuthContext, id: string, author: Author, dto: SaveReviewDto): Promise<Appraisal> {
    await this.repo.transaction(async (m) => {
      const { a } = await this.forChange(m, auth, id, [author === 'self' ? 'employee' : 'reviewer']);
      AppraisalsService.assertNotSigned(a);
      AppraisalsService.assertVersion(a, dto.version);
      if (author === 'self' ? a.self_submitted_at : a.manager_submitted_at)
        throw conflict('review_submitted', 'This review is submitted and can no longer change');
      const valueRows = await this.repo.values(auth.organisationId, a.values_version_id);
      const behaviours = new Set(valueRows.map((v) => v.behaviour_id));
      const valueIds = new Set(valueRows.map((v) => v.value_id));
      const seen = new Set<string>();
      dto.ratings.forEach((r, i) => {
        if (!behaviours.has(r.behaviourId))
          throw invalid(`ratings[${i}].behaviourId`, "not a behaviour of this cycle's values version");
        if (seen.has(r.behaviourId)) throw invalid(`ratings[${i}].behaviourId`, 'rated twice');
        seen.add(r.behaviourId);
      });
      const comments: Record<string, string> = {};
      (dto.comments ?? []).forEach((c, i) => {
        if (!valueIds.has(c.valueId))
          throw invalid(`comments[${i}].valueId`, "not a value of this cycle's values version");
        if (c.text) comments[c.valueId] = c.text;
      });
      const answers: Record<string, string> = {};
      (dto.answers ?? []).forEach((q, i) => {
        if (!a.questions.some((x) => x.id === q.questionId))
          throw invalid(`answers[${i}].questionId`, 'not a question of this cycle');
        if (q.text) answers[q.questionId] = q.text;
      });
      if (dto.submit && seen.size !== behaviours.size)
        throw invalid(
          'ratings',
          `every behaviour needs a level or n.v.t. before submitting (${behaviours.size - seen.size} missing)`,
        );
      await this.repo.saveReview(m, auth.organisationId, a.id, author, {
        ratings: dto.ratings,
        comments,
        answers,
      });
      const now = new Date();
      const selfSubmitted = Boolean(a.self_submitted_at) || (author === 'self' && Boolean(dto.submit));
      const managerSubmitted =
        Boolean(a.manager_submitted_at) || (author === 'manager' && Boolean(dto.submit));
      await this.repo.update(m, auth.organisationId, a.id, {
        ...(dto.submit && author === 'self' ? { self_submitted_at: now } : {}),
        // Who reviewed stays with the review: calibration counts it there, also after a reassignment.
        ...(dto.submit && author === 'manager'
          ? { manager_submitted_at: now, manager_submitted_by: auth.userId }
          : {}),
        stage: appraisalStage({
          selfStarted: author === 'self' || a.stage !== 'not_started',
          selfSubmitted,
          managerSubmitted,
          employeeSigned: false,
          reviewerSigned: false,
          cycleClosed: false,
        }),
      });
    });
    return this.get(auth, id);
  }

  async saveConversation(auth: AuthContext, id: string, dto: SaveConversationDto): Promise<Appraisal> {
    await this.repo.transaction(async (m) => {
      const { a } = await this.forChange(m, auth, id, ['employee', 'reviewer']);
      AppraisalsService.assertNotSigned(a);
      AppraisalsService.assertVersion(a, dto.version);
      if (a.stage !== 'conversation')
        throw conflict('not_in_conversation', 'The conversation starts when both reviews are submitted');
      if (a.employee_signed_at || a.reviewer_signed_at)
        throw conflict('signing_started', 'One party has signed: the conversation can no longer change');
      if (dto.agreements?.length && !a.agreements_section)
        throw invalid('agreements', 'this cycle has no agreements section');
      if (dto.agreements?.length) {
        const valueIds = new Set(
          (await this.repo.values(auth.organisationId, a.values_version_id)).map((v) => v.value_id),
        );
        dto.agreements.forEach((g, i) => {
          if (g.valueId !== null && !valueIds.has(g.valueId))
            throw invalid(`agreements[${i}].valueId`, "not a value of this cycle's values version");
        });
        await this.repo.replaceAgreements(m, auth.organisationId, a.id, dto.agreements);
      } else if (dto.agreements) await this.repo.replaceAgreements(m, auth.organisationId, a.id, []);
      await this.repo.update(m, auth.organisationId, a.id, {
        ...(dto.meetingDate !== undefined ? { meeting_date: dto.meetingDate } : {}),
        ...(dto.sharedNotes !== undefined ? { shared_notes: dto.sharedNotes } : {}),
      });
    });
    return this.get(auth, id);
  }

  /**
   * Signs as the employee or the reviewer. Signatures queue on the row lock, so two at the same
   * moment both count; after both the appraisal is frozen.
   */
  async sign(auth: AuthContext, id: string, dto: SignDto): Promise<Appraisal> {
    await this.repo.transaction(async (m) => {
      const { a, role } = await this.forChange(m, auth, id, ['employee', 'reviewer']);
      AppraisalsService.assertNotSigned(a);
      if (a.stage !== 'conversation')
        throw conflict('not_in_conversation', 'Signing comes after both reviews are submitted');
      if (!a.meeting_date)
        throw conflict('meeting_date_missing', 'Record the meeting date before signing', 'meetingDate');
      if (role === 'employee' ? a.employee_signed_at : a.reviewer_signed_at)
        throw conflict('already_signed', 'You have signed already');
      if (role === 'reviewer' && (dto.remark !== undefined || dto.disagree !== undefined))
        throw invalid('remark', 'only the employee adds a remark');
      const now = new Date();
      const employeeSigned = role === 'employee' || Boolean(a.employee_signed_at);
      const reviewerSigned = role === 'reviewer' || Boolean(a.reviewer_signed_at);
      await this.repo.update(m, auth.organisationId, a.id, {
        ...(role === 'employee'
          ? {
              employee_signed_at: now,
              employee_remark: dto.remark ?? '',
              employee_disagrees: dto.disagree ?? false,
            }
          : { reviewer_signed_at: now, signed_reviewer_id: auth.userId }),
        stage: employeeSigned && reviewerSigned ? 'signed' : 'conversation',
      });
      // Ids only, in the signing transaction: the event exists exactly when both signatures do.
      if (employeeSigned && reviewerSigned)
        await this.webhooks.emit(
          auth.organisationId,
          'appraisal.signed',
          { appraisalId: a.id, cycleId: a.cycle_id, signedAt: now.toISOString() },
          m,
        );
    });
    return this.get(auth, id);
  }

  /** The employee's consent: these of its own rounds are visible to the reviewer, here only. */
  async share(auth: AuthContext, id: string, dto: ShareRoundsDto): Promise<Appraisal> {
    await this.repo.transaction(async (m) => {
      const { a } = await this.forChange(m, auth, id, ['employee']);
      AppraisalsService.assertNotSigned(a);
      if (a.employee_signed_at) throw conflict('appraisal_signed', 'Sharing is fixed once you have signed');
      const own = new Set(
        (await this.repo.roundsOf(auth.organisationId, a.employee_id)).map((r) => r.round_id),
      );
      dto.roundIds.forEach((r, i) => {
        if (!own.has(r)) throw invalid(`roundIds[${i}]`, 'not a self-assessment round of yours');
      });
      // Consent is its own record: it leaves the version alone, so a review open in another tab still saves.
      await this.repo.replaceSharedRounds(m, auth.organisationId, a.id, dto.roundIds);
    });
    return this.get(auth, id);
  }

  async reassign(auth: AuthContext, id: string, dto: ReassignDto): Promise<Appraisal> {
    await this.repo.transaction(async (m) => {
      const { a } = await this.forChange(m, auth, id, ['hr', 'employee', 'reviewer']);
      if (!roleHas(auth.role, 'appraisals.manage')) throw notFound('Appraisal');
      AppraisalsService.assertNotSigned(a);
      const user = await this.repo.user(auth.organisationId, dto.reviewerId);
      if (
        !user ||
        user.status === 'deactivated' ||
        user.id === a.employee_id ||
        !roleHas(user.role as never, 'appraisals.review')
      )
        throw invalid(
          'reviewerId',
          'the reviewer must be an active manager, HR or admin of the organisation, not the employee',
        );
      if (a.reviewer_signed_at) throw conflict('reviewer_signed', 'The reviewer has signed already');
      await this.repo.update(m, auth.organisationId, a.id, { reviewer_id: user.id });
      await this.repo.addEvent(m, auth.organisationId, a.id, auth.userId, 'reassign', '');
    });
    return this.get(auth, id);
  }

  /**
   * The reviewer or HR records how one of last cycle's agreements turned out, in this (the new)
   * appraisal. Its own record: the version stays, so a conversation open in another tab still saves.
   */
  async saveFollowUp(
    auth: AuthContext,
    id: string,
    agreementId: string,
    dto: SaveFollowUpDto,
  ): Promise<Appraisal> {
    await this.repo.transaction(async (m) => {
      const { a } = await this.forChange(m, auth, id, ['reviewer', 'hr']);
      AppraisalsService.assertNotSigned(a);
      const previous = await this.repo.previousAgreements(
        auth.organisationId,
        a.employee_id,
        a.cycle_id,
        a.id,
      );
      if (!previous.some((g) => g.id === agreementId)) throw notFound('Previous agreement');
      await this.repo.saveFollowUp(m, auth.organisationId, a.id, agreementId, auth.userId, {
        status: dto.status,
        note: dto.note ?? '',
      });
    });
    return this.get(auth, id);
  }

  /** HR shows the manager's review to the employee before the self review is in. */
  async release(auth: AuthContext, id: string): Promise<Appraisal> {
    await this.repo.transaction(async (m) => {
      const { a } = await this.forChange(m, auth, id, ['hr', 'employee', 'reviewer']);
      if (!roleHas(auth.role, 'appraisals.manage')) throw notFound('Appraisal');
      if (!a.manager_submitted_at)
        throw conflict('manager_review_missing', 'The manager has not submitted a review yet');
      if (a.released_at) return;
      await this.repo.update(m, auth.organisationId, a.id, { released_at: new Date() });
      await this.repo.addEvent(m, auth.organisationId, a.id, auth.userId, 'release', '');
    });
    return this.get(auth, id);
  }

  /** HR reopens a signed appraisal: the signatures go, the reason stays in the audit trail. */
  async reopen(auth: AuthContext, id: string, dto: ReopenDto): Promise<Appraisal> {
    await this.repo.transaction(async (m) => {
      const { a } = await this.forChange(m, auth, id, ['hr', 'employee', 'reviewer']);
      if (!roleHas(auth.role, 'appraisals.manage')) throw notFound('Appraisal');
      if (a.stage !== 'signed') throw conflict('not_signed', 'Only a signed appraisal can be reopened');
      await this.repo.update(m, auth.organisationId, a.id, {
        stage: 'conversation',
        employee_signed_at: null,
        reviewer_signed_at: null,
        signed_reviewer_id: null,
      });
      await this.repo.addEvent(m, auth.organisationId, a.id, auth.userId, 'reopen', dto.reason);
    });
    return this.get(auth, id);
  }

  /** A signed appraisal as PDF, drawn from what the caller may see of it. */
  async pdf(auth: AuthContext, id: string, locale: Locale): Promise<Buffer> {
    const a = await this.repo.appraisal(auth.organisationId, id);
    const role = this.roleIn(auth, a);
    if (a!.stage !== 'signed' && a!.stage !== 'closed')
      throw conflict('not_signed', 'Only a signed appraisal has a PDF');
    const view = await this.view(auth, a!, role, locale);
    const org = await this.repo.organisation(auth.organisationId);
    return drawAppraisalPdf(view, org.name, locale, org.time_zone);
  }
}

function reviewOf(
  author: Author,
  reviews: ReviewRow[],
  ratings: RatingRow[],
  submittedAt: Date | null,
): AppraisalReview {
  const review = reviews.find((r) => r.author === author);
  return {
    ratings: ratings
      .filter((r) => r.author === author)
      .map((r) => ({ behaviourId: r.behaviour_id, level: r.level as SelfLevel | null })),
    comments: Object.entries(review?.comments ?? {}).map(([valueId, text]) => ({ valueId, text })),
    answers: Object.entries(review?.answers ?? {}).map(([questionId, text]) => ({ questionId, text })),
    submittedAt: submittedAt?.toISOString() ?? null,
  };
}
