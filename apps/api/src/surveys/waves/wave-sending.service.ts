import { HttpStatus, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { WaveKind } from '@wk/domain';
import type { WaveYouSaidRequest } from '@wk/contracts';
import { DomainError } from '../../common/domain-error';
import { MailService } from '../../notifications/mail.service';
import { QuarantineRepository } from '../quarantine.repository';
import { SurveyLinks } from '../survey-links';
import {
  contextOf,
  type Invitee,
  isOpen,
  type SendingSurvey,
  surveyDedupKeys,
  surveyMail,
  type WaveTimes,
} from './sending';
import { WaveInvitationsRepository } from './wave-invitations.repository';
import { WavesRepository } from './waves.repository';
import { WavesService } from './waves.service';

const noPendingContacts = () =>
  new DomainError('no_pending_contacts', 'No contacts are waiting for a wave', HttpStatus.CONFLICT);

/**
 * Sending a wave: to the survey's pending contacts (upload, schedule) or to one address (the API),
 * quarantine claimed atomically, invitations, contact rows and mails in one transaction; after the
 * commit the mails go and the wave's reminder and close are queued. A wave is unique per firing and
 * a mail per invitation (outbox dedup key), so repeating a step adds nothing.
 */
@Injectable()
export class WaveSendingService {
  constructor(
    private readonly repository: WavesRepository,
    private readonly invitations: WaveInvitationsRepository,
    private readonly quarantine: QuarantineRepository,
    private readonly mail: MailService,
    private readonly links: SurveyLinks,
    private readonly waves: WavesService,
  ) {}

  /**
   * A wave to every pending contact of the survey. `scheduledFor` names a schedule's firing (a
   * repeated firing finds its wave and adds nothing); a manual wave with no contacts is a 409.
   */
  async sendPending(
    surveyId: string,
    kind: Extract<WaveKind, 'upload' | 'scheduled'>,
    scheduledFor: Date | null,
    youSaid: WaveYouSaidRequest = {},
  ): Promise<string | null> {
    const sent = await this.repository.transaction(async (m) => {
      const survey = await this.lockSurvey(m, surveyId);
      if (!survey || !isOpen(survey)) return null;
      const pool = await this.invitations.pendingPool(m, surveyId);
      if (!pool.length) {
        if (kind === 'scheduled') return null;
        throw noPendingContacts();
      }
      const wave = await this.repository.insert(m, survey, kind, scheduledFor, youSaid);
      if (!wave) return null; // this firing was handled already
      const invitees = pool.map((c) => ({
        contactId: c.id,
        email: c.email,
        locale: c.locale,
        segmentId: c.segment_id,
        teamId: c.team_id,
        journeyId: c.journey_id,
        touchpointId: c.touchpoint_id,
      }));
      const { skipped } = await this.invite(m, survey, wave, invitees);
      // Contacts in quarantine are never asked; their data goes at once.
      if (skipped.length)
        await this.invitations.deleteContacts(
          m,
          skipped.map((s) => s.contactId!),
        );
      return wave;
    });
    if (!sent) return null;
    await this.afterCommit(sent);
    return sent.id;
  }

  /**
   * Invites each contact whose quarantine allows it (claimed in the same statement that checks it),
   * creating invitations, contact rows and mails in the caller's transaction; the others count as
   * the wave's skipped. Returns who was skipped.
   */
  async invite(
    m: EntityManager,
    survey: SendingSurvey,
    wave: WaveTimes,
    invitees: Invitee[],
  ): Promise<{ invitationIds: string[]; skipped: Invitee[] }> {
    const keyOf = (i: Invitee) => this.links.emailKey(survey.organisation_id, i.email);
    const claimed = await this.quarantine.claim(m, survey.organisation_id, invitees.map(keyOf));
    const allowed = invitees.filter((i) => claimed.delete(keyOf(i))); // delete: one per address
    const skipped = invitees.filter((i) => !allowed.includes(i));
    if (skipped.length) await this.repository.addSkipped(m, wave.id, skipped.length);
    if (!allowed.length) return { invitationIds: [], skipped };
    const rows = allowed.map((i) => ({
      ...i,
      invitationId: randomUUID(),
      locale: i.locale ?? survey.organisation_locale,
    }));
    const ids = { organisationId: survey.organisation_id, surveyId: survey.id, waveId: wave.id };
    await this.invitations.insert(
      m,
      ids,
      rows.map((r) => ({
        id: r.invitationId,
        tokenHash: SurveyLinks.hash(this.links.tokenFor(r.invitationId)),
        locale: r.locale,
        segmentId: r.segmentId ?? survey.segment_id,
        teamId: r.teamId ?? survey.team_id,
        ...contextOf(survey, r),
      })),
    );
    const pooled = rows.flatMap((r) => (r.contactId ? [{ ...r, contactId: r.contactId }] : []));
    if (pooled.length) await this.invitations.assignPooled(m, wave.id, pooled);
    const fresh = rows.filter((r) => !r.contactId);
    if (fresh.length)
      await this.invitations.insertInvitedContacts(
        m,
        ids,
        fresh.map((r) => ({ ...r, touchpointId: r.touchpointId ?? null })),
      );
    await this.mail.storeMany(
      rows.map((r) => surveyMail(this.links, survey, wave, r, 'surveyInvite')),
      m,
    );
    return { invitationIds: rows.map((r) => r.invitationId), skipped };
  }

  /** Today's API wave of the survey; a 409 when HR closed it already. */
  async apiWave(m: EntityManager, survey: SendingSurvey): Promise<WaveTimes> {
    const wave = await this.repository.apiWaveOfToday(m, survey);
    if (wave.closed_at)
      throw new DomainError('wave_closed', "Today's API wave of this survey was closed", HttpStatus.CONFLICT);
    return wave;
  }

  /** The survey with what mails need, locked against a concurrent wave of the same survey. */
  lockSurvey(m: EntityManager, surveyId: string): Promise<SendingSurvey | undefined> {
    return this.repository.lockSendingSurvey(m, surveyId);
  }

  /** After commit: queue the wave's mails, its reminder and its close (fixed job ids: repeating is harmless). */
  async afterCommit(wave: WaveTimes): Promise<void> {
    const invitationIds = await this.invitations.idsOfWave(wave.id);
    await this.mail.dispatchPending(wave.organisation_id, invitationIds.map(surveyDedupKeys.invite));
    await this.waves.scheduleJobs(wave);
  }
}
