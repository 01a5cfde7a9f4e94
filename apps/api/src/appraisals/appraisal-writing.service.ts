import { Injectable } from '@nestjs/common';
import type {
  Appraisal,
  SaveAppraisalConversationRequest,
  SaveAppraisalReviewRequest,
  ShareRoundsRequest,
  SignAppraisalRequest,
} from '@wk/contracts';
import { appraisalStage } from '@wk/domain';
import type { AuthContext } from '../auth/authenticated.decorator';
import { conflict, invalid } from '../common/domain-error';
import { WebhookEvents } from '../webhooks/webhook-events.service';
import { AppraisalChangeRunner, assertNotSigned, assertVersion } from './appraisal-change-runner';
import { AppraisalContextRepository } from './appraisal-context.repository';
import { AppraisalConversationsRepository, Author } from './appraisal-conversations.repository';
import { AppraisalsRepository } from './appraisals.repository';

/** What the employee and the reviewer write: the reviews, the conversation, the signatures, consent. */
@Injectable()
export class AppraisalWritingService {
  constructor(
    private readonly changes: AppraisalChangeRunner,
    private readonly appraisals: AppraisalsRepository,
    private readonly conversations: AppraisalConversationsRepository,
    private readonly context: AppraisalContextRepository,
    private readonly webhooks: WebhookEvents,
  ) {}

  saveReview(
    auth: AuthContext,
    id: string,
    author: Author,
    dto: SaveAppraisalReviewRequest,
  ): Promise<Appraisal> {
    return this.changes.run(auth, id, [author === 'self' ? 'employee' : 'reviewer'], async (m, a) => {
      assertNotSigned(a);
      assertVersion(a, dto.version);
      if (author === 'self' ? a.self_submitted_at : a.manager_submitted_at)
        throw conflict('review_submitted', 'This review is submitted and can no longer change');
      const valueRows = await this.context.values(auth.organisationId, a.values_version_id);
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
      await this.conversations.saveReview(m, auth.organisationId, a.id, author, {
        ratings: dto.ratings,
        comments,
        answers,
      });
      const now = new Date();
      const selfSubmitted = Boolean(a.self_submitted_at) || (author === 'self' && Boolean(dto.submit));
      const managerSubmitted =
        Boolean(a.manager_submitted_at) || (author === 'manager' && Boolean(dto.submit));
      await this.appraisals.update(m, auth.organisationId, a.id, {
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
  }

  saveConversation(auth: AuthContext, id: string, dto: SaveAppraisalConversationRequest): Promise<Appraisal> {
    return this.changes.run(auth, id, ['employee', 'reviewer'], async (m, a) => {
      assertNotSigned(a);
      assertVersion(a, dto.version);
      if (a.stage !== 'conversation')
        throw conflict('not_in_conversation', 'The conversation starts when both reviews are submitted');
      if (a.employee_signed_at || a.reviewer_signed_at)
        throw conflict('signing_started', 'One party has signed: the conversation can no longer change');
      if (dto.agreements?.length && !a.agreements_section)
        throw invalid('agreements', 'this cycle has no agreements section');
      if (dto.agreements?.length) {
        const valueIds = new Set(
          (await this.context.values(auth.organisationId, a.values_version_id)).map((v) => v.value_id),
        );
        dto.agreements.forEach((g, i) => {
          if (g.valueId !== null && !valueIds.has(g.valueId))
            throw invalid(`agreements[${i}].valueId`, "not a value of this cycle's values version");
        });
      }
      if (dto.agreements)
        await this.conversations.replaceAgreements(m, auth.organisationId, a.id, dto.agreements);
      await this.appraisals.update(m, auth.organisationId, a.id, {
        ...(dto.meetingDate !== undefined ? { meeting_date: dto.meetingDate } : {}),
        ...(dto.sharedNotes !== undefined ? { shared_notes: dto.sharedNotes } : {}),
      });
    });
  }

  /**
   * Signs as the employee or the reviewer. Signatures queue on the row lock, so two at the same
   * moment both count; after both the appraisal is frozen.
   */
  sign(auth: AuthContext, id: string, dto: SignAppraisalRequest): Promise<Appraisal> {
    return this.changes.run(auth, id, ['employee', 'reviewer'], async (m, a, role) => {
      assertNotSigned(a);
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
      await this.appraisals.update(m, auth.organisationId, a.id, {
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
  }

  /** The employee's consent: these of its own rounds are visible to the reviewer, here only. */
  share(auth: AuthContext, id: string, dto: ShareRoundsRequest): Promise<Appraisal> {
    return this.changes.run(auth, id, ['employee'], async (m, a) => {
      assertNotSigned(a);
      if (a.employee_signed_at) throw conflict('appraisal_signed', 'Sharing is fixed once you have signed');
      const own = new Set(
        (await this.conversations.roundsOf(auth.organisationId, a.employee_id)).map((r) => r.round_id),
      );
      dto.roundIds.forEach((r, i) => {
        if (!own.has(r)) throw invalid(`roundIds[${i}]`, 'not a self-assessment round of yours');
      });
      // Consent is its own record: it leaves the version alone, so a review open in another tab still saves.
      await this.conversations.replaceSharedRounds(m, auth.organisationId, a.id, dto.roundIds);
    });
  }
}
