import { HttpStatus, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SaveAnswersRequest, SelfAssessmentForm } from '@wk/contracts';
import { DomainError, invalid } from '../common/domain-error';
import { KpiRefreshService } from '../insights/kpi-refresh.service';
import { RoundsService } from './rounds.service';
import { SelfAssessmentRepository, type InvitationRow } from './self-assessment.repository';

/** The same answer for an unknown, forged or foreign link: nothing tells them apart. */
const unknownLink = () => new DomainError('unknown_link', 'This link is not valid', HttpStatus.NOT_FOUND);
const roundClosed = () =>
  new DomainError('round_closed', 'This round has closed; answers can no longer change', HttpStatus.CONFLICT);

/**
 * The employee's form, opened by the personal link: the link is the key to one invitation of one
 * round, nothing else. Answers can change until the round closes.
 */
@Injectable()
export class SelfAssessmentService {
  constructor(
    private readonly repository: SelfAssessmentRepository,
    private readonly kpis: KpiRefreshService,
  ) {}

  async form(token: string): Promise<SelfAssessmentForm> {
    const invitation = await this.invitation(this.repository.manager, token);
    const values = await this.repository.values(invitation);
    const answers = await this.repository.answers(invitation.id);
    const examples = await this.repository.examples(invitation.id);
    return {
      cycleName: invitation.cycle_name,
      organisationName: invitation.organisation_name,
      personName: invitation.person_name,
      closesAt: invitation.closes_at.toISOString(),
      closed: invitation.closed,
      completedAt: invitation.completed_at?.toISOString() ?? null,
      values,
      answers: Object.fromEntries(answers.map((a) => [a.behaviour_id, a.level])),
      examples: Object.fromEntries(examples.map((e) => [e.value_id, e.text])),
    };
  }

  /** Autosave: stores the given answers (a draft until submitted); other answers stay as they are. */
  async save(token: string, request: SaveAnswersRequest): Promise<SelfAssessmentForm> {
    const roundId = await this.repository.transaction(async (m) => {
      const invitation = await this.invitation(m, token, true);
      if (invitation.closed) throw roundClosed();
      await this.assertBehaviours(m, invitation, request);
      await this.saveExamples(m, invitation, request.examples ?? []);
      if (request.answers.length) await this.repository.saveAnswers(m, invitation, request.answers);
      return invitation.round_id;
    });
    await this.kpis.roundChanged(roundId);
    return this.form(token);
  }

  /** Completes the form: every behaviour needs an answer (a level or n.v.t.). */
  async submit(token: string): Promise<SelfAssessmentForm> {
    const roundId = await this.repository.transaction(async (m) => {
      const invitation = await this.invitation(m, token, true);
      if (invitation.closed) throw roundClosed();
      const missing = await this.repository.unanswered(m, invitation);
      if (missing.length) {
        throw new DomainError(
          'incomplete',
          `${missing.length} behaviour(s) have no answer yet`,
          HttpStatus.BAD_REQUEST,
          missing.map((b) => ({ field: `answers.${b.id}`, message: 'needs an answer (a level or n.v.t.)' })),
        );
      }
      await this.repository.complete(m, invitation.id);
      return invitation.round_id;
    });
    await this.kpis.roundChanged(roundId);
    return this.form(token);
  }

  private async invitation(m: EntityManager, token: string, lock = false): Promise<InvitationRow> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw unknownLink();
    const row = await this.repository.invitation(m, RoundsService.hash(token), lock);
    if (!row) throw unknownLink();
    return row;
  }

  /** Examples per value of the round's version: stored, replaced, or removed when emptied. */
  private async saveExamples(
    m: EntityManager,
    invitation: InvitationRow,
    examples: { valueId: string; text: string }[],
  ) {
    if (!examples.length) return;
    const knownIds = await this.repository.knownIds(
      m,
      invitation,
      'values',
      examples.map((e) => e.valueId),
    );
    examples.forEach((e, i) => {
      if (!knownIds.has(e.valueId)) throw invalid(`examples[${i}].valueId`, 'is not a value of this round');
    });
    for (const e of examples) await this.repository.saveExample(m, invitation, e.valueId, e.text);
  }

  /** Only behaviours of the round's values version, each at most once. */
  private async assertBehaviours(m: EntityManager, invitation: InvitationRow, request: SaveAnswersRequest) {
    const ids = request.answers.map((a) => a.behaviourId);
    const knownIds = await this.repository.knownIds(m, invitation, 'behaviours', ids);
    const seen = new Set<string>();
    request.answers.forEach((a, i) => {
      if (!knownIds.has(a.behaviourId))
        throw invalid(`answers[${i}].behaviourId`, 'is not a behaviour of this round');
      if (seen.has(a.behaviourId)) throw invalid(`answers[${i}].behaviourId`, 'is answered twice');
      seen.add(a.behaviourId);
    });
  }
}
