import { Injectable } from '@nestjs/common';
import { roleHas } from '@wk/contracts';
import type {
  Appraisal,
  ReassignReviewerRequest,
  ReopenAppraisalRequest,
  SaveFollowUpRequest,
} from '@wk/contracts';
import type { AuthContext } from '../auth/authenticated.decorator';
import { conflict, invalid, notFound } from '../common/domain-error';
import { AppraisalChangeRunner, assertNotSigned } from './appraisal-change-runner';
import { AppraisalContextRepository } from './appraisal-context.repository';
import { AppraisalConversationsRepository } from './appraisal-conversations.repository';
import { AppraisalsRepository } from './appraisals.repository';

/**
 * HR's changes to an appraisal (another reviewer, the manager's review shown early, a signed one
 * reopened; each kept in the audit trail) and the follow-up of last cycle's agreements.
 */
@Injectable()
export class AppraisalOversightService {
  constructor(
    private readonly changes: AppraisalChangeRunner,
    private readonly appraisals: AppraisalsRepository,
    private readonly conversations: AppraisalConversationsRepository,
    private readonly context: AppraisalContextRepository,
  ) {}

  reassign(auth: AuthContext, id: string, dto: ReassignReviewerRequest): Promise<Appraisal> {
    return this.changes.runAsHr(auth, id, async (m, a) => {
      assertNotSigned(a);
      const user = await this.context.account(auth.organisationId, dto.reviewerId);
      if (
        !user ||
        user.status === 'deactivated' ||
        user.id === a.employee_id ||
        !roleHas(user.role, 'appraisals.review')
      )
        throw invalid(
          'reviewerId',
          'the reviewer must be an active manager, HR or admin of the organisation, not the employee',
        );
      if (a.reviewer_signed_at) throw conflict('reviewer_signed', 'The reviewer has signed already');
      await this.appraisals.update(m, auth.organisationId, a.id, { reviewer_id: user.id });
      await this.appraisals.addEvent(m, auth.organisationId, a.id, auth.userId, 'reassign', '');
    });
  }

  /**
   * The reviewer or HR records how one of last cycle's agreements turned out, in this (the new)
   * appraisal. Its own record: the version stays, so a conversation open in another tab still saves.
   */
  saveFollowUp(
    auth: AuthContext,
    id: string,
    agreementId: string,
    dto: SaveFollowUpRequest,
  ): Promise<Appraisal> {
    return this.changes.run(auth, id, ['reviewer', 'hr'], async (m, a) => {
      assertNotSigned(a);
      const previous = await this.conversations.previousAgreements(
        auth.organisationId,
        a.employee_id,
        a.cycle_id,
        a.id,
      );
      if (!previous.some((g) => g.id === agreementId)) throw notFound('Previous agreement');
      await this.conversations.saveFollowUp(m, auth.organisationId, a.id, agreementId, auth.userId, {
        status: dto.status,
        note: dto.note ?? '',
      });
    });
  }

  /** HR shows the manager's review to the employee before the self review is in. */
  release(auth: AuthContext, id: string): Promise<Appraisal> {
    return this.changes.runAsHr(auth, id, async (m, a) => {
      if (!a.manager_submitted_at)
        throw conflict('manager_review_missing', 'The manager has not submitted a review yet');
      if (a.released_at) return;
      await this.appraisals.update(m, auth.organisationId, a.id, { released_at: new Date() });
      await this.appraisals.addEvent(m, auth.organisationId, a.id, auth.userId, 'release', '');
    });
  }

  /** HR reopens a signed appraisal: the signatures go, the reason stays in the audit trail. */
  reopen(auth: AuthContext, id: string, dto: ReopenAppraisalRequest): Promise<Appraisal> {
    return this.changes.runAsHr(auth, id, async (m, a) => {
      if (a.stage !== 'signed') throw conflict('not_signed', 'Only a signed appraisal can be reopened');
      await this.appraisals.update(m, auth.organisationId, a.id, {
        stage: 'conversation',
        employee_signed_at: null,
        reviewer_signed_at: null,
        signed_reviewer_id: null,
      });
      await this.appraisals.addEvent(m, auth.organisationId, a.id, auth.userId, 'reopen', dto.reason);
    });
  }
}
